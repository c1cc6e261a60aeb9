using ClickHouse.Cloud;
using ContractFirst.Emulator.Tests.Infrastructure;

namespace ContractFirst.Emulator.Tests;

/// <summary>ClickHouse Cloud through the generated client: CRUD, envelopes, scaling rules, passwords and backups.</summary>
public sealed class ClickHouseTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly ClickHouseCloudClient _client = fixture.Host.ClickHouse();
    private readonly Guid _org = Guid.NewGuid();

    private static ServicePostRequest NewService(string name = "analytics") =>
        new() { Name = name, Provider = ServicePostRequestProvider.Aws, Region = "us-east-1", Tier = ServicePostRequestTier.Production };

    [Fact]
    public async Task Create_get_list_update_and_delete_a_service()
    {
        var created = await _client.CreateServiceAsync(_org, NewService() with { MinTotalMemoryGb = 48, MaxTotalMemoryGb = 96 });
        Assert.Equal(200, created.Status);
        Assert.NotNull(created.RequestId);
        var service = created.Result.Service!;
        var id = service.Id!.Value;
        Assert.Equal(ServiceState.Provisioning, service.State);
        Assert.Equal("analytics", service.Name);
        Assert.Equal(48, service.MinTotalMemoryGb);
        Assert.Equal(96, service.MaxTotalMemoryGb);
        Assert.Equal(2, service.Endpoints!.Count);
        Assert.Equal(16, created.Result.Password!.Length);

        var read = (await _client.GetServiceAsync(_org, id)).Result;
        Assert.Equal(ServiceState.Running, read.State); // ProvisioningDelay is 0 here: settled on the next read
        Assert.Equal(service.CreatedAt, read.CreatedAt);
        Assert.Equal(id, Assert.Single((await _client.ListServicesAsync(_org)).Result).Id);

        var updated = await _client.UpdateServiceAsync(_org, id, new ServicePatchRequest
        {
            Name = "renamed",
            IpAccessList = new IpAccessListPatch { Add = [new IpAccessListEntry { Source = "203.0.113.0/24" }, new IpAccessListEntry { Source = "198.51.100.7" }] },
        });
        Assert.Equal("renamed", updated.Result.Name);
        Assert.Equal(2, updated.Result.IpAccessList!.Count);
        updated = await _client.UpdateServiceAsync(_org, id, new ServicePatchRequest { IpAccessList = new IpAccessListPatch { Remove = [new IpAccessListEntry { Source = "198.51.100.7" }] } });
        Assert.Equal("203.0.113.0/24", Assert.Single(updated.Result.IpAccessList!).Source);

        await _client.UpdateServiceStateAsync(_org, id, new ServiceStatePatchRequest { Command = ServiceStatePatchRequestCommand.Stop });
        var deleted = await _client.DeleteServiceAsync(_org, id);
        Assert.Equal(200, deleted.Status);

        var gone = await Assert.ThrowsAsync<ApiException<ApiError>>(() => _client.GetServiceAsync(_org, id));
        Assert.Equal(404, gone.StatusCode);
        Assert.Equal(404, gone.Error.Status);
        Assert.NotNull(gone.Error.RequestId);
        Assert.Empty((await _client.ListServicesAsync(_org)).Result);
    }

    [Fact]
    public async Task Delete_needs_a_stopped_service()
    {
        var id = (await _client.CreateServiceAsync(_org, NewService())).Result.Service!.Id!.Value;

        var conflict = await Assert.ThrowsAsync<ApiException<ApiError>>(() => _client.DeleteServiceAsync(_org, id));
        Assert.Equal(409, conflict.StatusCode);
        Assert.Contains("stop", conflict.Error.Error);
        Assert.Equal(id, (await _client.GetServiceAsync(_org, id)).Result.Id);
    }

    [Fact]
    public async Task Scaling_applies_the_rules_beyond_the_schema()
    {
        var id = (await _client.CreateServiceAsync(_org, NewService())).Result.Service!.Id!.Value;

        var scaled = await _client.UpdateServiceScalingAsync(_org, id, new ServiceScalingPatchRequest { MinTotalMemoryGb = 48, MaxTotalMemoryGb = 120, IdleScaling = false });
        Assert.Equal(48, scaled.Result.MinTotalMemoryGb);
        Assert.Equal(120, scaled.Result.MaxTotalMemoryGb);
        Assert.False(scaled.Result.IdleScaling);

        // min <= max, also against the stored value of the one that is not sent
        var inverted = await Assert.ThrowsAsync<ApiException<ApiError>>(() =>
            _client.UpdateServiceScalingAsync(_org, id, new ServiceScalingPatchRequest { MinTotalMemoryGb = 240 }));
        Assert.Equal(400, inverted.StatusCode);
        Assert.Contains("must not exceed maxTotalMemoryGb", inverted.Error.Error);
        Assert.Equal(48, (await _client.GetServiceAsync(_org, id)).Result.MinTotalMemoryGb);

        var development = (await _client.CreateServiceAsync(_org, NewService("dev") with { Tier = ServicePostRequestTier.Development })).Result.Service!;
        Assert.Null(development.MinTotalMemoryGb);
        var notProduction = await Assert.ThrowsAsync<ApiException<ApiError>>(() =>
            _client.UpdateServiceScalingAsync(_org, development.Id!.Value, new ServiceScalingPatchRequest { MaxTotalMemoryGb = 48 }));
        Assert.Contains("only for production", notProduction.Error.Error);
    }

    [Fact]
    public async Task A_value_that_breaks_the_schema_is_a_typed_400_from_the_generated_validation()
    {
        var id = (await _client.CreateServiceAsync(_org, NewService())).Result.Service!.Id!.Value;
        var unchecked_ = fixture.Host.ClickHouse(validate: false);

#pragma warning disable CF1001 // deliberately not a multiple of 12
        var e = await Assert.ThrowsAsync<ApiException<ApiError>>(() =>
            unchecked_.UpdateServiceScalingAsync(_org, id, new ServiceScalingPatchRequest { MinTotalMemoryGb = 30 }));
#pragma warning restore CF1001
        Assert.Equal(400, e.StatusCode);
        Assert.Equal(400, e.Error.Status);
        Assert.Contains("minTotalMemoryGb", e.Error.Error);
        Assert.NotNull(e.Error.RequestId);
    }

    [Fact]
    public async Task Password_is_generated_unless_a_hash_is_given()
    {
        var created = await _client.CreateServiceAsync(_org, NewService());
        var id = created.Result.Service!.Id!.Value;

        var generated = await _client.UpdateServicePasswordAsync(_org, id, new ServicePasswordPatchRequest());
        Assert.Equal(16, generated.Result.Password!.Length);
        Assert.NotEqual(created.Result.Password, generated.Result.Password);

        var hashed = await _client.UpdateServicePasswordAsync(_org, id, new ServicePasswordPatchRequest { NewPasswordHash = "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=" });
        Assert.Null(hashed.Result.Password);
    }

    [Fact]
    public async Task Backups_exist_from_creation_and_are_listed_newest_first()
    {
        var id = (await _client.CreateServiceAsync(_org, NewService())).Result.Service!.Id!.Value;
        var first = Assert.Single((await _client.ListServiceBackupsAsync(_org, id)).Result);
        Assert.Equal(BackupStatus.Done, first.Status);
        Assert.Equal(id.ToString(), first.ServiceId);

        await _client.UpdateServiceStateAsync(_org, id, new ServiceStatePatchRequest { Command = ServiceStatePatchRequestCommand.Stop });
        var backups = (await _client.ListServiceBackupsAsync(_org, id)).Result;
        Assert.Equal(2, backups.Count);
        Assert.Equal(first.Id, backups[1].Id);
        Assert.True(backups[0].StartedAt >= backups[1].StartedAt);

        var one = await _client.GetServiceBackupAsync(_org, id, first.Id!.Value);
        Assert.Equal(first.Id, one.Result.Id);
        var missing = await Assert.ThrowsAsync<ApiException<ApiError>>(() => _client.GetServiceBackupAsync(_org, id, Guid.NewGuid()));
        Assert.Equal(404, missing.StatusCode);
    }
}
