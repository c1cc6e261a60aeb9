using System.Net.Http.Headers;
using System.Text.Json;
using ContractFirst.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContractFirst.Server.Tests;

/// <summary>Security schemes are enforced through ASP.NET Core authentication and authorization; 401/403 follow the declared error shape.</summary>
public sealed class SecurityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic a2V5LWlkOmtleS1zZWNyZXQ=")]  // the right credential, in the wrong scheme
    public async Task Bridgeport_401_in_the_error_envelope(string? authorization)
    {
        var before = server.Calls.Total;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/environments/e/databases") { Content = new StringContent("{\"name\":\"db\",\"type\":\"postgres\"}", System.Text.Encoding.UTF8, "application/json") };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Add("X-Request-Id", "req_client-123");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UNAUTHORIZED", doc.RootElement.GetProperty("code").GetString());
        Assert.Equal("req_client-123", doc.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("req_client-123", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.Equal(before, server.Calls.Total);
    }

    [Fact]
    public async Task ClickHouse_401_in_ApiError_with_a_uuid_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/organizations/{BodyOperation.Org}/services");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("key-id:wrong"u8.ToArray()));
        request.Headers.Add("X-Request-Id", "not-a-uuid");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(401, (int)response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, doc.RootElement.GetProperty("status").GetDouble());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("error").GetString()));
        var id = doc.RootElement.GetProperty("requestId").GetString();
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("X-Request-Id")));
    }

    [Fact]
    public async Task Miget_401_in_its_declared_ErrorResponse()
    {
        using var response = await server.Http.PostAsync("/api/v1/buckets", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(401, (int)response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Authentication_runs_before_validation()
    {
        using var response = await server.Http.PostAsync("/api/environments/e/databases", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Chained_authorization_answers_403_in_the_envelope()
    {
        var before = server.Calls.Total;
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/strict/api/environments/e/databases", "{\"name\":\"db\",\"type\":\"postgres\"}"));
        Assert.Equal(403, (int)response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FORBIDDEN_SCOPE", doc.RootElement.GetProperty("code").GetString());
        Assert.Equal(before, server.Calls.Total);
    }

    [Fact]
    public void Endpoints_carry_the_policy_and_the_error_shape_as_metadata()
    {
        var endpoints = server.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<ContractFirst.AspNetCore.ServerErrorWriter>() is not null)
            .ToList();
        Assert.Equal(14 + 1, endpoints.Count); // the three specs, plus BRIDGEPORT mapped again under /strict
        foreach (var endpoint in endpoints)
        {
            var policy = Assert.IsType<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>(endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>(), exactMatch: false);
            var scheme = Assert.Single(policy.AuthenticationSchemes);
            Assert.Contains(scheme, new[] { "bearerAuth", "basicAuth" });
        }
    }
}
