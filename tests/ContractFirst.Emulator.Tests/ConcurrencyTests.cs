using Bridgeport;
using ClickHouse.Cloud;
using ContractFirst.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContractFirst.Emulator.Tests;

/// <summary>Concurrent writers lose nothing and duplicate nothing.</summary>
public sealed class ConcurrencyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const int Clients = 8;
    private const int CreatesPerClient = 100;

    [Fact]
    public async Task Eight_clients_creating_a_hundred_each_are_all_stored_exactly_once()
    {
        var host = fixture.Host;
        var org = Guid.NewGuid();
        var env = "load-" + Guid.NewGuid().ToString("N");

        // Each client has its own connections; ClickHouse services and BRIDGEPORT databases are written at the same time.
        var workers = Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = new HttpClient { BaseAddress = host.Http.BaseAddress };
            var clickHouse = new ClickHouseCloudClient(http, new ClickHouseCloudClientOptions { Username = Tenant.A.KeyId, Password = Tenant.A.KeySecret });
            var bridgeport = new BridgeportClient(http, new BridgeportClientOptions { BearerToken = Tenant.A.Token });
            for (var i = 0; i < CreatesPerClient; i++)
            {
                var name = $"c{client}-{i}";
                await Task.WhenAll(
                    clickHouse.CreateServiceAsync(org, new ServicePostRequest { Name = name, Provider = ServicePostRequestProvider.Aws, Region = "us-east-1" }),
                    bridgeport.CreateDatabaseAsync(env, new CreateDatabaseRequest { Name = name, Type = "postgres" }));
            }
        });
        await Task.WhenAll(workers);

        var expected = Enumerable.Range(0, Clients).SelectMany(c => Enumerable.Range(0, CreatesPerClient).Select(i => $"c{c}-{i}")).Order().ToList();

        var services = (await host.ClickHouse().ListServicesAsync(org)).Result;
        Assert.Equal(Clients * CreatesPerClient, services.Count);
        Assert.Equal(services.Count, services.Select(s => s.Id).Distinct().Count());
        Assert.Equal(expected, services.Select(s => s.Name!).Order().ToList());

        var databases = await host.Services.GetRequiredService<ContractFirst.Emulator.Bridgeport.BridgeportStore>().ListAsync(Tenant.A.Name, env);
        Assert.Equal(expected, databases.Select(d => d.Name).Order().ToList());
    }
}
