using ContractFirst.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace QuickStart;

/// <summary>The emulator on a free loopback port with a throw-away SQLite file, for as long as this object lives.</summary>
public sealed class InProcessEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private InProcessEmulator(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
    }

    public Uri BaseAddress => _app.GetBaseAddress();

    public string DatabasePath { get; private init; } = "";

    public static async Task<InProcessEmulator> StartAsync(TimeSpan provisioningDelay, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "contractfirst-quickstart-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "emulator.db");
        var app = EmulatorApp.Build(
            [
                "--urls", "http://127.0.0.1:0",
                "--Emulator:Database=" + database,
                "--Emulator:ProvisioningDelay=" + provisioningDelay.ToString("c"),
            ],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync(cancellationToken);
        return new InProcessEmulator(app, folder) { DatabasePath = database };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder that cannot be removed yet is harmless.
        }
    }
}
