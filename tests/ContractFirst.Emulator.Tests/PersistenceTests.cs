using Bridgeport;
using ClickHouse.Cloud;
using ContractFirst.Emulator.Tests.Infrastructure;
using Miget;

namespace ContractFirst.Emulator.Tests;

/// <summary>The data is in the SQLite file: a new host on the same file sees everything the stopped one wrote.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Data_survives_a_restart()
    {
        var org = Guid.NewGuid();
        Guid serviceId;
        string app = Guid.NewGuid().ToString();

        await using (var first = await EmulatorHost.StartAsync(_database.Path))
        {
            var created = await first.ClickHouse().CreateServiceAsync(org, new ServicePostRequest { Name = "kept", Provider = ServicePostRequestProvider.Azure, Region = "westeurope", MinTotalMemoryGb = 36 });
            serviceId = created.Result.Service!.Id!.Value;
            await first.ClickHouse().UpdateServiceStateAsync(org, serviceId, new ServiceStatePatchRequest { Command = ServiceStatePatchRequestCommand.Stop });
            await first.Bridgeport().CreateDatabaseAsync("env-1", new CreateDatabaseRequest { Name = "orders", Type = "postgres" });
            await first.Miget().CreateAddonAsync(app, new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Postgres, Name = "db" });
        }

        await using var second = await EmulatorHost.StartAsync(_database.Path);
        var service = (await second.ClickHouse().GetServiceAsync(org, serviceId)).Result;
        Assert.Equal("kept", service.Name);
        Assert.Equal(36, service.MinTotalMemoryGb);
        Assert.Equal(ServiceState.Stopped, service.State);
        Assert.Equal(2, (await second.ClickHouse().ListServiceBackupsAsync(org, serviceId)).Result.Count);

        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() =>
            second.Bridgeport().CreateDatabaseAsync("env-1", new CreateDatabaseRequest { Name = "orders", Type = "postgres" }))).StatusCode);
        Assert.Equal(422, (await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() =>
            second.Miget().CreateAddonAsync(app, new PostApiV1AppsUuidAddons { Type = PostApiV1AppsUuidAddonsType.Postgres, Name = "db" }))).StatusCode);

        Assert.Equal(200, (await second.ClickHouse().DeleteServiceAsync(org, serviceId)).Status);
    }
}
