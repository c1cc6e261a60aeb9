using Bridgeport;
using ClickHouse.Cloud;
using ContractFirst.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Miget;

namespace ContractFirst.Emulator.Tests;

/// <summary>Authentication (401 in each API's error shape) and tenant isolation (another tenant's resources do not exist).</summary>
public sealed class SecurityTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorHost _host = fixture.Host;

    [Theory]
    [InlineData(null, null)]
    [InlineData("key-a", "wrong-secret")]
    [InlineData("unknown-key", "secret-a")]
    public async Task ClickHouse_without_a_valid_key_is_401(string? keyId, string? secret)
    {
        var e = await Assert.ThrowsAsync<ApiException<ApiError>>(() => _host.ClickHouse(keyId, secret).ListServicesAsync(Guid.NewGuid()));
        Assert.Equal(401, e.StatusCode);
        Assert.Equal(401, e.Error.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Miget_and_Bridgeport_without_a_valid_token_are_401(string? token)
    {
        var miget = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => _host.Miget(token).CreateBucketAsync(new PostApiV1Buckets { Label = "b", MigetId = 1 }));
        Assert.Equal(401, miget.StatusCode);
        Assert.False(string.IsNullOrEmpty(miget.Error.Error));

        var bridgeport = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => _host.Bridgeport(token).CreateDatabaseAsync("env", new CreateDatabaseRequest { Name = "db", Type = "postgres" }));
        Assert.Equal(401, bridgeport.StatusCode);
        Assert.Equal("UNAUTHORIZED", bridgeport.Error.Code.ToString());
    }

    [Fact]
    public async Task ClickHouse_tenants_never_see_or_change_each_others_services()
    {
        var org = Guid.NewGuid();
        var a = _host.ClickHouse(Tenant.A);
        var b = _host.ClickHouse(Tenant.B);
        var id = (await a.CreateServiceAsync(org, new ServicePostRequest { Name = "a-only", Provider = ServicePostRequestProvider.Aws, Region = "us-east-1" })).Result.Service!.Id!.Value;

        Assert.Empty((await b.ListServicesAsync(org)).Result);
        await AssertNotFound(() => b.GetServiceAsync(org, id));
        await AssertNotFound(() => b.UpdateServiceAsync(org, id, new ServicePatchRequest { Name = "hijacked" }));
        await AssertNotFound(() => b.UpdateServiceStateAsync(org, id, new ServiceStatePatchRequest { Command = ServiceStatePatchRequestCommand.Stop }));
        await AssertNotFound(() => b.UpdateServiceScalingAsync(org, id, new ServiceScalingPatchRequest { MaxTotalMemoryGb = 48 }));
        await AssertNotFound(() => b.UpdateServicePasswordAsync(org, id, new ServicePasswordPatchRequest()));
        await AssertNotFound(() => b.ListServiceBackupsAsync(org, id));
        await AssertNotFound(() => b.DeleteServiceAsync(org, id));

        var service = (await a.GetServiceAsync(org, id)).Result;
        Assert.Equal("a-only", service.Name);
        Assert.Equal(ServiceState.Running, service.State);
        Assert.Equal(360, service.MaxTotalMemoryGb);
        Assert.Single((await a.ListServicesAsync(org)).Result);
    }

    [Fact]
    public async Task Bridgeport_and_Miget_names_are_per_tenant()
    {
        var env = "env-" + Guid.NewGuid().ToString("N");
        var app = Guid.NewGuid().ToString();

        await _host.Bridgeport(Tenant.A).CreateDatabaseAsync(env, new CreateDatabaseRequest { Name = "orders", Type = "postgres" });
        await _host.Bridgeport(Tenant.B).CreateDatabaseAsync(env, new CreateDatabaseRequest { Name = "orders", Type = "postgres" });
        await _host.Miget(Tenant.A).CreateAddonAsync(app, new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Postgres, Name = "db" });
        await _host.Miget(Tenant.B).CreateAddonAsync(app, new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Postgres, Name = "db" });

        var store = _host.Services.GetRequiredService<ContractFirst.Emulator.Bridgeport.BridgeportStore>();
        Assert.Single(await store.ListAsync(Tenant.A.Name, env));
        Assert.Single(await store.ListAsync(Tenant.B.Name, env));
        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() =>
            _host.Bridgeport(Tenant.B).CreateDatabaseAsync(env, new CreateDatabaseRequest { Name = "orders", Type = "postgres" }))).StatusCode);
    }

    private static async Task AssertNotFound(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<ApiException<ApiError>>(call);
        Assert.Equal(404, e.StatusCode);
    }
}
