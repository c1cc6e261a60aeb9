using System.Diagnostics;
using Bridgeport;
using ClickHouse.Cloud;
using ContractFirst.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Miget;

namespace QuickStart;

/// <summary>
/// The QuickStart scenario: starts the emulator in-process, registers the three generated clients through DI
/// (IHttpClientFactory) and walks a realistic scenario in each API. Callable from tests as well as from <c>Program</c>.
/// </summary>
public static class QuickStartDemo
{
    /// <summary>How long the emulated ClickHouse services take to start and stop: short, but long enough to be seen.</summary>
    public static readonly TimeSpan ProvisioningDelay = TimeSpan.FromMilliseconds(300);

    /// <summary>Runs the scenario, writing the summary to <paramref name="output"/>. Returns the exit code: 0 when every step succeeded.</summary>
    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        var report = new Report(output);
        var clock = Stopwatch.StartNew();
        try
        {
            await using var emulator = await InProcessEmulator.StartAsync(ProvisioningDelay, cancellationToken);
            report.Title($"ContractFirst QuickStart: the generated clients against the emulator at {emulator.BaseAddress}");
            report.Line($"(a temporary SQLite database: {emulator.DatabasePath})");

            await using var services = AddClients(new ServiceCollection(), emulator.BaseAddress).BuildServiceProvider();
            var clickHouse = services.GetRequiredService<ClickHouseCloudClient>();
            await new ClickHouseTour(clickHouse, WithoutValidation(clickHouse, services), report).RunAsync(cancellationToken);
            await new MigetTour(services.GetRequiredService<MigetClient>(), report).RunAsync(cancellationToken);
            await new BridgeportTour(services.GetRequiredService<BridgeportClient>(), report).RunAsync(cancellationToken);

            report.Line();
            report.Line($"Done: {report.Steps} steps in 3 APIs succeeded in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            report.Line();
            report.Line($"FAILED after {report.Steps} steps: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The generated clients, registered as a user's application would, pointed at the emulator with its dev credentials.</summary>
    public static IServiceCollection AddClients(IServiceCollection services, Uri emulator)
    {
        services.AddClickHouseCloudClient(o =>
        {
            o.BaseAddress = emulator;
            o.Username = EmulatorOptions.DevKeyId;
            o.Password = EmulatorOptions.DevKeySecret;
        });
        services.AddMigetClient(o =>
        {
            o.BaseAddress = emulator;
            o.BearerToken = EmulatorOptions.DevToken;
            o.DefaultHeaders["X-Workspace-Id"] = MigetTour.Workspace;
        });
        services.AddBridgeportClient(o =>
        {
            o.BaseAddress = emulator;
            o.BearerToken = EmulatorOptions.DevToken;
        });
        return services;
    }

    /// <summary>
    /// A second ClickHouse client over the same factory-made HttpClient, with client-side validation off, so that an invalid
    /// request reaches the server (whose generated validation answers 400).
    /// </summary>
    private static ClickHouseCloudClient WithoutValidation(ClickHouseCloudClient client, IServiceProvider services)
    {
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ClickHouseCloudClient));
        return new ClickHouseCloudClient(http, new ClickHouseCloudClientOptions
        {
            BaseAddress = client.Options.BaseAddress,
            Username = client.Options.Username,
            Password = client.Options.Password,
            ValidateRequests = false,
        });
    }
}
