using System.Globalization;
using ClickHouse.Cloud;
using ContractFirst;
using ContractFirst.Validation;

namespace QuickStart;

/// <summary>
/// ClickHouse Cloud: create a service, wait for it, stop it, scale it, list its backups and delete it; and show what a
/// spec violation looks like on the client (nothing sent) and, with client-side validation off, on the server (a typed 400).
/// </summary>
public sealed class ClickHouseTour(ClickHouseCloudClient client, ClickHouseCloudClient uncheckedClient, Report report)
{
    public static readonly Guid Organization = Guid.Parse("5b3c1e0e-0d4c-4c1e-9d7c-2f1f1a0b9c01");

    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(20);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Section($"ClickHouse Cloud (HTTP Basic, organization {Organization})");

        var created = await client.CreateServiceAsync(Organization, new ServicePostRequest
        {
            Name = "analytics",
            Provider = ServicePostRequestProvider.Aws,
            Region = "eu-central-1",
            Tier = ServicePostRequestTier.Production,
            MinTotalMemoryGb = 24,
            MaxTotalMemoryGb = 48,
            IpAccessList = [new IpAccessListEntry { Source = "203.0.113.0/24", Description = "office" }],
        }, cancellationToken);
        var service = created.Result.Service!;
        var id = service.Id!.Value;
        report.Step("create service 'analytics'", $"{service.State}, {service.Endpoints?.Count} endpoints, password of {created.Result.Password?.Length} characters (not shown)");

        var started = await WaitForStateAsync(id, ServiceState.Running, cancellationToken);
        report.Step("wait until it runs", $"{started.State} after {started.Elapsed.TotalSeconds:0.0} s");

        var stopping = await client.UpdateServiceStateAsync(Organization, id, new ServiceStatePatchRequest { Command = ServiceStatePatchRequestCommand.Stop }, cancellationToken);
        var stopped = await WaitForStateAsync(id, ServiceState.Stopped, cancellationToken);
        report.Step("stop it", $"{stopping.Result.State} -> {stopped.State} after {stopped.Elapsed.TotalSeconds:0.0} s");

        var scaled = await client.UpdateServiceScalingAsync(Organization, id, new ServiceScalingPatchRequest { MinTotalMemoryGb = 48, MaxTotalMemoryGb = 96, IdleTimeoutMinutes = 10 }, cancellationToken);
        report.Step("scale it to 48-96 GB", $"minTotalMemoryGb {scaled.Result.MinTotalMemoryGb}, maxTotalMemoryGb {scaled.Result.MaxTotalMemoryGb}, idle after {scaled.Result.IdleTimeoutMinutes} min");

        await ShowSpecViolationAsync(id, cancellationToken);

        var backups = await client.ListServiceBackupsAsync(Organization, id, cancellationToken);
        report.Step("list its backups", $"{backups.Result.Count} backups, newest first: " + string.Join(", ", backups.Result.Select(b => $"{b.Status} at {b.StartedAt:HH:mm:ss.fff}")));

        var deleted = await client.DeleteServiceAsync(Organization, id, cancellationToken);
        var gone = await Assert404Async(() => client.GetServiceAsync(Organization, id, cancellationToken));
        report.Step("delete it", $"status {deleted.Status}; reading it again answers {gone}");
    }

    /// <summary>MinTotalMemoryGb must be a multiple of 12: the client refuses 30 before sending; the server answers 400.</summary>
    private async Task ShowSpecViolationAsync(Guid id, CancellationToken cancellationToken)
    {
#pragma warning disable CF1001 // Deliberately not a multiple of 12: this step shows what happens to such a value at run time.
        var invalid = new ServiceScalingPatchRequest { MinTotalMemoryGb = 30 };
#pragma warning restore CF1001

        try
        {
            await client.UpdateServiceScalingAsync(Organization, id, invalid, cancellationToken);
            throw new InvalidOperationException("The client sent MinTotalMemoryGb = 30 although it validates requests.");
        }
        catch (RequestValidationException e)
        {
            report.Step("scale to 30 GB (client validation)", $"refused before sending: {e.Errors[0].Message}");
        }

        try
        {
            await uncheckedClient.UpdateServiceScalingAsync(Organization, id, invalid, cancellationToken);
            throw new InvalidOperationException("The emulator accepted MinTotalMemoryGb = 30.");
        }
        catch (ApiException<ApiError> e)
        {
            report.Step("scale to 30 GB (validation off)", $"HTTP {e.StatusCode} ApiError: \"{e.Error.Error}\" (request {e.Error.RequestId})");
        }
    }

    private async Task<(ServiceState State, TimeSpan Elapsed)> WaitForStateAsync(Guid id, ServiceState target, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var state = (await client.GetServiceAsync(Organization, id, cancellationToken)).Result.State;
            if (state == target) return (target, clock.Elapsed);
            if (clock.Elapsed > StateTimeout) throw new TimeoutException($"The service is still {state}, not {target}, after {StateTimeout.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static async Task<string> Assert404Async(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ApiException<ApiError> e) when (e.StatusCode == 404)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{e.StatusCode} \"{e.Error.Error}\"");
        }

        throw new InvalidOperationException("The deleted service can still be read.");
    }
}
