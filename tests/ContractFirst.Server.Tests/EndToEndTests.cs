using Bridgeport;
using ClickHouse.Cloud;
using ContractFirst.Server.Tests.Infrastructure;
using Miget;

namespace ContractFirst.Server.Tests;

/// <summary>The generated client calls the generated server, over Kestrel, for every operation of the three specs.</summary>
public sealed class EndToEndTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly Guid Org = Guid.Parse("5b3c1e0e-0d4c-4c1e-9d7c-2f1f1a0b9c01");
    private static readonly Guid Svc = Guid.Parse("7d9e6a51-2b7c-4f0d-8e2a-7c3b9f4d1e02");
    private static readonly Guid Bkp = Guid.Parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

    private BridgeportClient Bridgeport() => new(server.Http, new BridgeportClientOptions { BearerToken = ServerFixture.Token });

    private ClickHouseCloudClient ClickHouse() => new(server.Http, new ClickHouseCloudClientOptions { Username = ServerFixture.KeyId, Password = ServerFixture.KeySecret });

    private MigetClient Miget() => new(server.Http, new MigetClientOptions { BearerToken = ServerFixture.Token });

    [Fact]
    public async Task Bridgeport_createDatabase()
    {
        var created = await Bridgeport().CreateDatabaseAsync("env-1", new CreateDatabaseRequest { Name = "orders", Type = "postgres", Port = 5432, BackupCompressionLevel = 9 });
        Assert.Equal("db_env-1", created.Id);
        Assert.Equal("orders", created.Name);
        Assert.Equal(5432, created.Port);
        Assert.Equal("env-1", created.EnvironmentId);
        Assert.Equal(Fixed.Now, created.CreatedAt);
    }

    [Fact]
    public async Task Bridgeport_createDatabase_declared_error_reaches_the_client_typed()
    {
        var ex = await Assert.ThrowsAsync<ContractFirst.ApiException<ErrorEnvelope>>(() => Bridgeport().CreateDatabaseAsync("env-1", new CreateDatabaseRequest { Name = "taken", Type = "postgres" }));
        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("CONFLICT", ex.Error.Code.Value);
        Assert.Equal("name", ex.Error.Field);
    }

    [Fact]
    public async Task ClickHouse_listServices()
    {
        var list = await ClickHouse().ListServicesAsync(Org);
        Assert.Equal(200, list.Status);
        Assert.Equal(Org, Assert.Single(list.Result).Id);
        Assert.NotNull(list.RequestId);
    }

    [Fact]
    public async Task ClickHouse_createService()
    {
        var created = await ClickHouse().CreateServiceAsync(Org, new ServicePostRequest { Name = "analytics", Provider = ServicePostRequestProvider.Aws, Region = "us-east-1", Tier = ServicePostRequestTier.Production, MinTotalMemoryGb = 48, MaxTotalMemoryGb = 360 });
        Assert.Equal("analytics", created.Result.Service!.Name);
        Assert.Equal(48, created.Result.Service.MinTotalMemoryGb);
        Assert.Equal("generated", created.Result.Password);
    }

    [Fact]
    public async Task ClickHouse_getService()
    {
        var service = await ClickHouse().GetServiceAsync(Org, Svc);
        Assert.Equal(Svc, service.Result.Id);
        Assert.Equal(ServiceState.Running, service.Result.State);
    }

    [Fact]
    public async Task ClickHouse_getService_404_in_the_declared_shape()
    {
        var ex = await Assert.ThrowsAsync<ContractFirst.ApiException<ApiError>>(() => ClickHouse().GetServiceAsync(Org, Guid.Empty));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("No such service.", ex.Error.Error);
    }

    [Fact]
    public async Task ClickHouse_updateService()
    {
        var updated = await ClickHouse().UpdateServiceAsync(Org, Svc, new ServicePatchRequest { Name = "renamed", IpAccessList = new IpAccessListPatch { Add = new List<IpAccessListEntry> { new() { Source = "203.0.113.0/24" } } } });
        Assert.Equal("renamed", updated.Result.Name);
    }

    [Fact]
    public async Task ClickHouse_deleteService()
    {
        var deleted = await ClickHouse().DeleteServiceAsync(Org, Svc);
        Assert.Equal(200, deleted.Status);
    }

    [Fact]
    public async Task ClickHouse_updateServiceState()
    {
        var updated = await ClickHouse().UpdateServiceStateAsync(Org, Svc, new ServiceStatePatchRequest { Command = ServiceStatePatchRequestCommand.Stop });
        Assert.Equal(ServiceState.Stopping, updated.Result.State);
    }

    [Fact]
    public async Task ClickHouse_updateServiceScaling()
    {
        var updated = await ClickHouse().UpdateServiceScalingAsync(Org, Svc, new ServiceScalingPatchRequest { MinTotalMemoryGb = 24, MaxTotalMemoryGb = 720, IdleScaling = true, IdleTimeoutMinutes = 5 });
        Assert.Equal(24, updated.Result.MinTotalMemoryGb);
        Assert.Equal(720, updated.Result.MaxTotalMemoryGb);
    }

    [Fact]
    public async Task ClickHouse_updateServicePassword()
    {
        var updated = await ClickHouse().UpdateServicePasswordAsync(Org, Svc, new ServicePasswordPatchRequest());
        Assert.Equal("new-password", updated.Result.Password);
    }

    [Fact]
    public async Task ClickHouse_listServiceBackups()
    {
        var backups = await ClickHouse().ListServiceBackupsAsync(Org, Svc);
        Assert.Equal(2, backups.Result.Count);
        Assert.All(backups.Result, b => Assert.Equal(Svc.ToString(), b.ServiceId));
    }

    [Fact]
    public async Task ClickHouse_getServiceBackup()
    {
        var backup = await ClickHouse().GetServiceBackupAsync(Org, Svc, Bkp);
        Assert.Equal(Bkp, backup.Result.Id);
        Assert.Equal(BackupStatus.Done, backup.Result.Status);
    }

    [Fact]
    public async Task Miget_createService_with_the_optional_header()
    {
        var created = await Miget().CreateServiceAsync(new PostApiV1Services { ServiceType = PostApiV1ServicesServiceType.Postgres, ProjectId = 7, MigetId = 9, Label = "db", PublicAccess = "1" }, xWorkspaceId: "ws-42");
        Assert.Equal("ws-42", created.Name);
        Assert.Equal("postgres", created.ServiceType);
        Assert.Equal("7", created.ProjectId);
    }

    [Fact]
    public async Task Miget_createAddon()
    {
        var addon = await Miget().CreateAddonAsync("app-uuid", new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Valkey, Name = "cache" });
        Assert.Equal("app-uuid", addon.Uuid);
        Assert.Equal("valkey", addon.Type);
        Assert.Equal("postgres://example", addon.Var["DATABASE_URL"]);
    }

    [Fact]
    public async Task Miget_createBucket()
    {
        var bucket = await Miget().CreateBucketAsync(new PostApiV1Buckets { Label = "assets", MigetId = 3, Visibility = PostApiV1BucketsVisibility.PublicAccess });
        Assert.Equal("bucket-3", bucket.Name);
        Assert.Equal("public_access", bucket.Visibility);
        Assert.Equal("res-1", bucket.Miget.Uuid);
    }

    [Fact]
    public async Task Status_escape_hatch_answers_an_undeclared_status()
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/environments/e/databases", """{"name":"teapot","type":"postgres"}"""));
        Assert.Equal(418, (int)response.StatusCode);
    }

    [Fact]
    public async Task Request_id_is_echoed_as_a_response_header_and_reaches_the_handler()
    {
        var id = Guid.NewGuid();
        using var request = server.Request(HttpMethod.Get, $"/v1/organizations/{Org}/services", auth: "basic");
        request.Headers.Add("X-Request-Id", id.ToString());
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(id.ToString(), Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.Contains(id.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Generated_request_ids_are_random_v4_uuids_where_the_spec_wants_uuids_and_match_the_error_body()
    {
        var ids = new HashSet<string>();
        for (var n = 0; n < 3; n++)
        {
            // minTotalMemoryGb 50 is not a multiple of 12: the 400 is written after the prologue gave the request its id.
            using var request = server.Request(HttpMethod.Post, $"/v1/organizations/{Org}/services", """{"name":"x","provider":"aws","region":"r","minTotalMemoryGb":50}""", auth: "basic");
            using var response = await server.Http.SendAsync(request);
            Assert.Equal(400, (int)response.StatusCode);
            var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
            Assert.True(Guid.TryParseExact(id, "D", out _), id);
            Assert.Equal('4', id[14]); // version 4
            Assert.Contains(id[19], "89ab"); // RFC 4122 variant
            using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(id, doc.RootElement.GetProperty("requestId").GetString());
            ids.Add(id);
        }

        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task Generated_request_ids_without_uuids_are_req_ids_and_match_the_error_body()
    {
        using var request = server.Request(HttpMethod.Post, "/api/environments/e/databases", """{"name":"","type":"postgres"}""");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Matches("^req_[0-9a-f]{32}$", id);
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(id, doc.RootElement.GetProperty("requestId").GetString());
    }
}
