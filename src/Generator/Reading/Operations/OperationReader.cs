using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;
using static ContractFirst.Generator.Reading.SchemaFacts;
using ParameterLocationModel = ContractFirst.Generator.Model.ParameterLocation;
using ParameterStyleModel = ContractFirst.Generator.Model.ParameterStyle;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// The spec's paths to <see cref="OperationModel"/>s: method names, parameters (in the CONTRACT order), the request body,
/// responses and security. Their schemas are typed by <paramref name="types"/>; an operation that fails costs only itself.
/// </summary>
internal sealed class OperationReader(OpenApiDocument document, SpecLoader loader, SchemaTypeReader types)
{
    /// <summary>The generated types that some operation sends as its request body.</summary>
    public HashSet<string> RequestTypes { get; } = new(StringComparer.Ordinal);

    public ImmutableEquatableArray<OperationModel> Read()
    {
        var operations = new List<OperationModel>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        if (document.Paths is null) return ImmutableEquatableArray<OperationModel>.Empty;
        foreach (var path in document.Paths)
        {
            if (path.Value?.Operations is null) continue;
            foreach (var pair in path.Value.Operations)
            {
                var method = pair.Key.Method.ToUpperInvariant();
                var pointer = "#/paths/" + Escape(path.Key) + "/" + method.ToLowerInvariant();
                try
                {
                    operations.Add(ReadOperation(path.Key, method, path.Value, pair.Value, pointer, methodNames));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    loader.Report(DiagnosticDescriptors.SkippedElement, loader.Locate(pointer), method + " " + path.Key, ex.Message);
                }
            }
        }

        return operations.ToImmutableEquatableArray();
    }

    private OperationModel ReadOperation(string path, string method, IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer, HashSet<string> methodNames)
    {
        var methodName = MemberNames.Method(operation.OperationId, method, path, methodNames);
        var typePrefix = MemberNames.TypePrefix(methodName);
        var parameters = ReadParameters(path, pathItem, operation, pointer, typePrefix);
        var body = ReadBody(operation, pointer, typePrefix);
        var responses = ReadResponses(operation, pointer, typePrefix);

        // CONTRACT: path parameters, then required query/header/cookie, then body, then optional ones.
        var ordered = parameters.Where(p => p.Location == ParameterLocationModel.Path)
            .Concat(parameters.Where(p => p.Location != ParameterLocationModel.Path && p.Required))
            .Concat(parameters.Where(p => p.Location != ParameterLocationModel.Path && !p.Required))
            .ToImmutableEquatableArray();

        return new OperationModel(
            methodName,
            operation.OperationId ?? "",
            method,
            path,
            Clean(operation.Summary),
            Clean(operation.Description),
            operation.Deprecated,
            (operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name ?? "").Where(t => t.Length > 0).ToImmutableEquatableArray(),
            ordered,
            body,
            responses,
            SecurityReader.Requirements(operation, document));
    }

    private List<ParameterModel> ReadParameters(string path, IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer, string typePrefix)
    {
        // Parameters: the operation's override the path item's with the same name and location.
        var raw = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var index = 0;
        foreach (var p in operation.Parameters ?? (IList<IOpenApiParameter>)Array.Empty<IOpenApiParameter>())
        {
            raw.Add((p, pointer + "/parameters/" + index++));
        }

        index = 0;
        foreach (var p in pathItem.Parameters ?? (IList<IOpenApiParameter>)Array.Empty<IOpenApiParameter>())
        {
            if (!raw.Any(r => r.Parameter.Name == p.Name && r.Parameter.In == p.In)) raw.Add((p, "#/paths/" + Escape(path) + "/parameters/" + index));
            index++;
        }

        var taken = MemberNames.ParameterReserved();
        var parameters = new List<ParameterModel>();
        foreach (var (p, parameterPointer) in raw)
        {
            if (p.Name is null || p.In is null) continue;
            var location = p.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => ParameterLocationModel.Path,
                Microsoft.OpenApi.ParameterLocation.Header => ParameterLocationModel.Header,
                Microsoft.OpenApi.ParameterLocation.Cookie => ParameterLocationModel.Cookie,
                _ => ParameterLocationModel.Query,
            };
            if (location == ParameterLocationModel.Header && (string.Equals(p.Name, "Authorization", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, "Content-Type", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, "Accept", StringComparison.OrdinalIgnoreCase)))
            {
                continue; // handled by auth and content negotiation
            }

            var schema = p.Schema ?? p.Content?.Values.FirstOrDefault()?.Schema;
            var resolved = schema is null
                ? new ResolvedType(TypeRef.String, false, Model.Constraints.None)
                : types.Resolve(schema, typePrefix, Identifiers.ToPascalCase(p.Name), parameterPointer + "/schema");
            var style = p.Style switch
            {
                Microsoft.OpenApi.ParameterStyle.Form => ParameterStyleModel.Form,
                Microsoft.OpenApi.ParameterStyle.SpaceDelimited => ParameterStyleModel.SpaceDelimited,
                Microsoft.OpenApi.ParameterStyle.PipeDelimited => ParameterStyleModel.PipeDelimited,
                Microsoft.OpenApi.ParameterStyle.DeepObject => ParameterStyleModel.DeepObject,
                Microsoft.OpenApi.ParameterStyle.Label => ParameterStyleModel.Label,
                Microsoft.OpenApi.ParameterStyle.Matrix => ParameterStyleModel.Matrix,
                Microsoft.OpenApi.ParameterStyle.Simple => ParameterStyleModel.Simple,
                _ => location is ParameterLocationModel.Query or ParameterLocationModel.Cookie ? ParameterStyleModel.Form : ParameterStyleModel.Simple,
            };
            var required = p.Required || location == ParameterLocationModel.Path;
            var allowed = schema is not null && Unwrap(schema) is { } us && HasEnum(us) && resolved.Type.Kind != TypeKind.Enum
                ? us.Enum!.OfType<JsonValue>().Select(v => v.ToString()).ToImmutableEquatableArray()
                : ImmutableEquatableArray<string>.Empty;
            parameters.Add(new ParameterModel(
                MemberNames.Parameter(p.Name, taken),
                p.Name,
                location,
                resolved.Type,
                required,
                p.Deprecated,
                style,
                p.Style is null ? style == ParameterStyleModel.Form : p.Explode,
                Clean(p.Description),
                resolved.Constraints,
                allowed,
                p.Schema is null && p.Content is { Count: > 0 } parameterContent ? parameterContent.Keys.First() : null));
        }

        return parameters;
    }

    private RequestBodyModel? ReadBody(OpenApiOperation operation, string pointer, string typePrefix)
    {
        if (operation.RequestBody is not { Content: { Count: > 0 } content } requestBody) return null;
        var (contentType, media, kind) = PickContent(content);
        var bodyType = media?.Schema is null
            ? (kind == BodyKind.OctetStream ? TypeRef.Prim(PrimitiveKind.Stream) : TypeRef.Any)
            : types.Resolve(media.Schema, typePrefix, "Request", pointer + "/requestBody/content/" + Escape(contentType) + "/schema").Type;
        if (kind == BodyKind.OctetStream) bodyType = TypeRef.Prim(PrimitiveKind.Stream);
        if (bodyType.Kind == TypeKind.Model) RequestTypes.Add(bodyType.Name);
        return new RequestBodyModel(kind, contentType, bodyType, requestBody.Required, Clean(requestBody.Description));
    }

    private ImmutableEquatableArray<ResponseModel> ReadResponses(OpenApiOperation operation, string pointer, string typePrefix)
    {
        var responses = new List<ResponseModel>();
        if (operation.Responses is null) return responses.ToImmutableEquatableArray();
        foreach (var pair in operation.Responses)
        {
            var status = NormalizeStatus(pair.Key);
            if (status is null)
            {
                loader.Report(DiagnosticDescriptors.SkippedElement, loader.Locate(pointer + "/responses/" + Escape(pair.Key)), "response " + pair.Key, "it is not a status code, a range like 4XX, or 'default'");
                continue;
            }

            var response = pair.Value;
            if (response?.Content is { Count: > 0 } responseContent)
            {
                var (contentType, media, kind) = PickContent(responseContent);
                var member = status.Length == 3 && status[0] == '2' && responses.All(r => !r.IsSuccess) ? "Response" : Identifiers.ToPascalCase(status) + "Response";
                var type = kind == BodyKind.OctetStream || media?.Schema is null
                    ? (kind == BodyKind.Text ? TypeRef.String : kind == BodyKind.Json && media?.Schema is null ? TypeRef.Any : TypeRef.Prim(PrimitiveKind.Stream))
                    : types.Resolve(media.Schema, typePrefix, member, pointer + "/responses/" + Escape(pair.Key) + "/content/" + Escape(contentType) + "/schema").Type;
                if (kind == BodyKind.Text && type.Kind != TypeKind.Primitive) type = TypeRef.String;
                responses.Add(new ResponseModel(status, kind, contentType, type, Clean(response.Description)));
            }
            else
            {
                responses.Add(new ResponseModel(status, BodyKind.None, null, null, Clean(response?.Description)));
            }
        }

        return responses.ToImmutableEquatableArray();
    }

    private static string? NormalizeStatus(string key)
    {
        if (key == "default") return key;
        var upper = key.Trim().ToUpperInvariant();
        if (upper.Length == 3 && char.IsDigit(upper[0]) && ((char.IsDigit(upper[1]) && char.IsDigit(upper[2])) || (upper[1] == 'X' && upper[2] == 'X')))
        {
            return upper;
        }

        return null;
    }

    private static (string ContentType, OpenApiMediaType? Media, BodyKind Kind) PickContent(IDictionary<string, OpenApiMediaType> content)
    {
        static BodyKind KindOf(string contentType)
        {
            var ct = contentType.ToLowerInvariant();
            if (ct.Contains("json")) return BodyKind.Json;
            if (ct.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)) return BodyKind.FormUrlEncoded;
            if (ct.StartsWith("multipart/", StringComparison.Ordinal)) return BodyKind.Multipart;
            if (ct.StartsWith("text/", StringComparison.Ordinal)) return BodyKind.Text;
            return BodyKind.OctetStream;
        }

        foreach (var preferred in new[] { BodyKind.Json, BodyKind.FormUrlEncoded, BodyKind.Multipart, BodyKind.Text, BodyKind.OctetStream })
        {
            foreach (var pair in content)
            {
                if (KindOf(pair.Key) == preferred) return (pair.Key, pair.Value, preferred);
            }
        }

        var first = content.First();
        return (first.Key, first.Value, KindOf(first.Key));
    }
}
