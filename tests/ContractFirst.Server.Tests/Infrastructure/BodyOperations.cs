using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractFirst.Server.Tests.Infrastructure;

/// <summary>Every operation of the three specs that takes a body, with a minimal valid body and how its errors are shaped.</summary>
public sealed record BodyOperation(string Key, string Spec, string Method, string Path, [property: System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)] Type BodyType, string ValidJson, string Auth)
{
    public const string Org = "5b3c1e0e-0d4c-4c1e-9d7c-2f1f1a0b9c01";
    public const string Svc = "7d9e6a51-2b7c-4f0d-8e2a-7c3b9f4d1e02";

    public static IReadOnlyList<BodyOperation> All { get; } = new BodyOperation[]
    {
        new("bridgeport.createDatabase", "bridgeport", "POST", "/api/environments/env-1/databases", typeof(Bridgeport.CreateDatabaseRequest), """{"name":"db","type":"postgres"}""", "bearer"),
        new("clickhouse.createService", "clickhouse", "POST", $"/v1/organizations/{Org}/services", typeof(ClickHouse.Cloud.ServicePostRequest), """{"name":"s","provider":"aws","region":"us-east-1"}""", "basic"),
        new("clickhouse.updateService", "clickhouse", "PATCH", $"/v1/organizations/{Org}/services/{Svc}", typeof(ClickHouse.Cloud.ServicePatchRequest), "{}", "basic"),
        new("clickhouse.updateServiceState", "clickhouse", "PATCH", $"/v1/organizations/{Org}/services/{Svc}/state", typeof(ClickHouse.Cloud.ServiceStatePatchRequest), """{"command":"start"}""", "basic"),
        new("clickhouse.updateServiceScaling", "clickhouse", "PATCH", $"/v1/organizations/{Org}/services/{Svc}/scaling", typeof(ClickHouse.Cloud.ServiceScalingPatchRequest), "{}", "basic"),
        new("clickhouse.updateServicePassword", "clickhouse", "PATCH", $"/v1/organizations/{Org}/services/{Svc}/password", typeof(ClickHouse.Cloud.ServicePasswordPatchRequest), "{}", "basic"),
        new("miget.createService", "miget", "POST", "/api/v1/services", typeof(Miget.PostApiV1Services), """{"service_type":"postgres","project_id":1,"miget_id":2,"label":"x"}""", "bearer"),
        new("miget.createAddon", "miget", "POST", "/api/v1/apps/app-1/addons", typeof(Miget.PostApiV1AppsUuidAddons), """{"type":"postgres","name":"a"}""", "bearer"),
        new("miget.createBucket", "miget", "POST", "/api/v1/buckets", typeof(Miget.PostApiV1Buckets), """{"label":"b","miget_id":1}""", "bearer"),
    };

    public static BodyOperation Get(string key) => All.Single(o => o.Key == key);

    /// <summary>The valid body with <paramref name="field"/> set to <paramref name="json"/> (or removed when it is null).</summary>
    public string With(string field, string? json)
    {
        var body = JsonNode.Parse(ValidJson)!.AsObject();
        if (json is null) body.Remove(field);
        else body[field] = JsonNode.Parse(json);
        return body.ToJsonString();
    }

    public HttpRequestMessage Request(string json, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path) { Content = new StringContent(json, System.Text.Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        ServerFixture.Authorize(request, Auth);
        return request;
    }

    /// <summary>Asserts a 400 whose body, in the spec's declared error shape (or problem details), names <paramref name="field"/>.</summary>
    public static void AssertNamesField(string spec, string responseBody, string? contentType, string field)
    {
        using var doc = JsonDocument.Parse(responseBody);
        var root = doc.RootElement;
        switch (spec)
        {
            case "bridgeport":
                Assert.Equal("application/json", contentType);
                Assert.Equal("VALIDATION_ERROR", root.GetProperty("code").GetString());
                Assert.Equal(field, root.GetProperty("field").GetString());
                Assert.Contains(field, root.GetProperty("message").GetString());
                Assert.StartsWith("req_", root.GetProperty("requestId").GetString());
                break;
            case "clickhouse":
                Assert.Equal("application/json", contentType);
                Assert.Equal(400, root.GetProperty("status").GetDouble());
                Assert.Contains(field, root.GetProperty("error").GetString());
                Assert.True(Guid.TryParse(root.GetProperty("requestId").GetString(), out _));
                break;
            default:
                // Miget declares no 400 body: RFC 9457 problem details with errors[field].
                Assert.Equal("application/problem+json", contentType);
                Assert.Equal(400, root.GetProperty("status").GetInt32());
                Assert.True(root.GetProperty("errors").TryGetProperty(field, out var messages), $"errors has no '{field}': {responseBody}");
                Assert.True(messages.GetArrayLength() > 0);
                break;
        }
    }
}
