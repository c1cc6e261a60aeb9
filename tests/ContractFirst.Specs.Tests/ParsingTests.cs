using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContractFirst.Specs.Tests.Infrastructure;
using Microsoft.OpenApi;
using Xunit;

namespace ContractFirst.Specs.Tests;

/// <summary>Each spec reads cleanly with Microsoft.OpenApi and NSwag.Core, and both readers see the same API.</summary>
public sealed class ParsingTests
{
    public static TheoryData<string> Specs => new(SpecDocument.All);

    /// <summary>The operations each spec must declare: (METHOD, path, operationId).</summary>
    private static readonly Dictionary<string, (string Method, string Path, string OperationId)[]> ExpectedOperations = new()
    {
        [SpecDocument.Miget] = new[]
        {
            ("POST", "/api/v1/services", "createService"),
            ("POST", "/api/v1/apps/{uuid}/addons", "createAddon"),
            ("POST", "/api/v1/buckets", "createBucket"),
        },
        [SpecDocument.ClickHouse] = new[]
        {
            ("GET", "/v1/organizations/{organizationId}/services", "listServices"),
            ("POST", "/v1/organizations/{organizationId}/services", "createService"),
            ("GET", "/v1/organizations/{organizationId}/services/{serviceId}", "getService"),
            ("PATCH", "/v1/organizations/{organizationId}/services/{serviceId}", "updateService"),
            ("DELETE", "/v1/organizations/{organizationId}/services/{serviceId}", "deleteService"),
            ("PATCH", "/v1/organizations/{organizationId}/services/{serviceId}/state", "updateServiceState"),
            ("PATCH", "/v1/organizations/{organizationId}/services/{serviceId}/scaling", "updateServiceScaling"),
            ("PATCH", "/v1/organizations/{organizationId}/services/{serviceId}/password", "updateServicePassword"),
            ("GET", "/v1/organizations/{organizationId}/services/{serviceId}/backups", "listServiceBackups"),
            ("GET", "/v1/organizations/{organizationId}/services/{serviceId}/backups/{backupId}", "getServiceBackup"),
        },
        [SpecDocument.Bridgeport] = new[]
        {
            ("POST", "/api/environments/{envId}/databases", "createDatabase"),
        },
    };

    /// <summary>The component schemas each spec must declare, and no others.</summary>
    private static readonly Dictionary<string, string[]> ExpectedSchemas = new()
    {
        [SpecDocument.Miget] = new[]
        {
            "postApiV1Services", "postApiV1AppsUuidAddons", "postApiV1Buckets",
            "Api_V1_Entities_Service", "Api_V1_Entities_Addon", "Api_V1_Entities_Bucket",
            "Api_V1_Entities_Resource", "Api_V1_Entities_Plan", "Api_V1_Entities_Component",
            "ErrorResponse",
        },
        [SpecDocument.ClickHouse] = new[]
        {
            "ApiError",
            "ServiceListResponse", "ServiceResponse", "ServicePostResponseWrapper",
            "ServicePasswordPatchResponseWrapper", "ServiceDeleteResponse", "BackupListResponse", "BackupResponse",
            "Service", "ServiceEndpoint", "IpAccessListEntry", "IpAccessListPatch",
            "ServicePostRequest", "ServicePostResponse", "ServicePatchRequest", "ServiceStatePatchRequest",
            "ServiceScalingPatchRequest", "ServicePasswordPatchRequest", "ServicePasswordPatchResponse", "Backup",
        },
        [SpecDocument.Bridgeport] = new[]
        {
            "CreateDatabaseRequest", "PgDumpOptions", "Database", "DatabaseTypeInfo",
            "ErrorEnvelope",
        },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Microsoft_OpenApi_reads_the_spec_as_OpenAPI_3_0_without_errors(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);

        Assert.NotNull(doc.Read.Document);
        Assert.NotNull(doc.Read.Diagnostic);
        Assert.Empty(doc.Read.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(doc.Read.Diagnostic.Warnings.Select(w => $"{w.Pointer}: {w.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, doc.Read.Diagnostic.SpecificationVersion);
        Assert.Equal("3.0.3", (string?)doc.Raw["openapi"]);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task NSwag_reads_the_spec(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);

        Assert.NotEmpty(doc.NSwag.Operations);
        Assert.NotEmpty(doc.NSwag.Components.Schemas);
        Assert.Equal(doc.OpenApi.Info.Title, doc.NSwag.Info.Title);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Both_readers_see_exactly_the_expected_operations(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var expected = ExpectedOperations[spec].Select(o => (o.Method, o.Path, (string?)o.OperationId)).ToHashSet();

        Assert.Equal(expected.OrderBy(o => o.ToString()), doc.MicrosoftOperations().OrderBy(o => o.ToString()));
        Assert.Equal(expected.OrderBy(o => o.ToString()), doc.NSwagOperations().OrderBy(o => o.ToString()));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Both_readers_see_exactly_the_expected_schemas(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);
        var expected = ExpectedSchemas[spec].OrderBy(s => s, System.StringComparer.Ordinal);

        Assert.Equal(expected, doc.MicrosoftSchemaNames().OrderBy(s => s, System.StringComparer.Ordinal));
        Assert.Equal(expected, doc.NSwagSchemaNames().OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Microsoft_OpenApi_round_trip_keeps_every_path_and_schema(string spec)
    {
        var doc = await SpecDocument.LoadAsync(spec);

        var rawPaths = doc.Raw["paths"]!.AsObject().Select(p => p.Key).OrderBy(p => p);
        var parsedPaths = doc.Parsed["paths"]!.AsObject().Select(p => p.Key).OrderBy(p => p);
        Assert.Equal(rawPaths, parsedPaths);

        var rawSchemas = doc.Raw["components"]!["schemas"]!.AsObject().Select(p => p.Key).OrderBy(p => p);
        var parsedSchemas = doc.Parsed["components"]!["schemas"]!.AsObject().Select(p => p.Key).OrderBy(p => p);
        Assert.Equal(rawSchemas, parsedSchemas);
    }
}
