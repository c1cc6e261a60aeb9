#!/usr/bin/env bash
# Generates the NSwag (npm package "nswag", 14.x) C# client for specs/clickhouse-cloud.yaml into
# benchmarks/ContractFirst.Benchmarks/obj/NSwagClient.g.cs. Neither the npm install nor the output is committed.
# The benchmark project compiles that file (and defines NSWAG) only when it exists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="${NSWAG_VERSION:-14.7.1}"
tools="$here/.tools"                       # gitignored
out="$root/benchmarks/ContractFirst.Benchmarks/obj/NSwagClient.g.cs"

mkdir -p "$tools" "$(dirname "$out")"
if [ ! -x "$tools/node_modules/.bin/nswag" ]; then
  (cd "$tools" && npm install --no-save --no-audit --no-fund --prefix "$tools" "nswag@$version")
fi

# The npm CLI runs NSwag's .NET tool on a .NET runtime; only .NET 10 is installed, so let the net8.0 build roll forward.
export DOTNET_ROLL_FORWARD=Major
"$tools/node_modules/.bin/nswag" openapi2csclient /runtime:Net80 \
  "/input:$root/specs/clickhouse-cloud.yaml" \
  "/output:$out" \
  /namespace:NSwagGenerated.ClickHouse \
  /className:NSwagClickHouseClient \
  /jsonLibrary:SystemTextJson \
  /generateClientInterfaces:false \
  /useBaseUrl:false \
  /injectHttpClient:true \
  /disposeHttpClient:false \
  /generateExceptionClasses:true \
  /generateOptionalPropertiesAsNullable:true \
  /generateNullableReferenceTypes:true
echo "NSwag client written to $out"
