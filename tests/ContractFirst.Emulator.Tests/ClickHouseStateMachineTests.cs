using ClickHouse.Cloud;
using ContractFirst.Emulator.Tests.Infrastructure;

namespace ContractFirst.Emulator.Tests;

/// <summary>provisioning → running → stopping → stopped → starting → running, on a clock the test moves.</summary>
public sealed class ClickHouseStateMachineTests : IAsyncLifetime
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly TempDatabase _database = new();
    private readonly ManualClock _clock = new();
    private readonly Guid _org = Guid.NewGuid();
    private EmulatorHost _host = null!;
    private ClickHouseCloudClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(_database.Path, Delay, _clock);
        _client = _host.ClickHouse();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Service_walks_through_its_states()
    {
        var id = (await _client.CreateServiceAsync(_org, new ServicePostRequest { Name = "s", Provider = ServicePostRequestProvider.Gcp, Region = "europe-west4" })).Result.Service!.Id!.Value;
        Assert.Equal(ServiceState.Provisioning, await StateAsync(id));

        // Still provisioning: it cannot be stopped or deleted yet.
        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ApiError>>(() => CommandAsync(id, ServiceStatePatchRequestCommand.Stop))).StatusCode);
        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ApiError>>(() => _client.DeleteServiceAsync(_org, id))).StatusCode);

        _clock.Advance(Delay);
        Assert.Equal(ServiceState.Running, await StateAsync(id));
        Assert.Equal(ServiceState.Running, await CommandAsync(id, ServiceStatePatchRequestCommand.Start)); // nothing to do

        Assert.Equal(ServiceState.Stopping, await CommandAsync(id, ServiceStatePatchRequestCommand.Stop));
        Assert.Equal(ServiceState.Stopping, await StateAsync(id));
        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ApiError>>(() => _client.DeleteServiceAsync(_org, id))).StatusCode);
        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ApiError>>(() => CommandAsync(id, ServiceStatePatchRequestCommand.Start))).StatusCode);

        _clock.Advance(Delay);
        Assert.Equal(ServiceState.Stopped, await StateAsync(id));
        Assert.Equal(ServiceState.Stopped, await CommandAsync(id, ServiceStatePatchRequestCommand.Stop)); // nothing to do

        Assert.Equal(ServiceState.Starting, await CommandAsync(id, ServiceStatePatchRequestCommand.Start));
        _clock.Advance(Delay);
        Assert.Equal(ServiceState.Running, await StateAsync(id));

        Assert.Equal(ServiceState.Stopping, await CommandAsync(id, ServiceStatePatchRequestCommand.Stop));
        _clock.Advance(Delay);
        Assert.Equal(ServiceState.Awaking, await CommandAsync(id, ServiceStatePatchRequestCommand.Awake));
        _clock.Advance(Delay);
        Assert.Equal(ServiceState.Running, await StateAsync(id));

        await CommandAsync(id, ServiceStatePatchRequestCommand.Stop);
        _clock.Advance(Delay);
        Assert.Equal(200, (await _client.DeleteServiceAsync(_org, id)).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<ApiException<ApiError>>(() => StateAsync(id))).StatusCode);
    }

    private async Task<ServiceState?> StateAsync(Guid id) => (await _client.GetServiceAsync(_org, id)).Result.State;

    private async Task<ServiceState?> CommandAsync(Guid id, ServiceStatePatchRequestCommand command) =>
        (await _client.UpdateServiceStateAsync(_org, id, new ServiceStatePatchRequest { Command = command })).Result.State;
}
