using Bridgeport;
using ClickHouse.Cloud;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Miget;

namespace ContractFirst.Emulator.Tests.Infrastructure;

/// <summary>Two tenants, each with a bearer token (Miget, BRIDGEPORT) and a ClickHouse API key.</summary>
public sealed record Tenant(string Name, string Token, string KeyId, string KeySecret)
{
    public static readonly Tenant A = new("tenant-a", "token-a", "key-a", "secret-a");
    public static readonly Tenant B = new("tenant-b", "token-b", "key-b", "secret-b");

    public IEnumerable<string> Arguments =>
    [
        $"--Emulator:Tokens:{Token}={Name}",
        $"--Emulator:Keys:{KeyId}:Secret={KeySecret}",
        $"--Emulator:Keys:{KeyId}:Tenant={Name}",
    ];
}

/// <summary>
/// The emulator on Kestrel (127.0.0.1, port 0) over a given SQLite file, with tenants <see cref="Tenant.A"/> and
/// <see cref="Tenant.B"/>, and the generated clients pointed at it.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = app.GetBaseAddress() };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="time"/> replaces the clock (to step through the ClickHouse state machine).</summary>
    public static async Task<EmulatorHost> StartAsync(string databasePath, TimeSpan? provisioningDelay = null, TimeProvider? time = null)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Emulator:Database=" + databasePath,
            "--Emulator:ProvisioningDelay=" + (provisioningDelay ?? TimeSpan.Zero).ToString("c"),
            .. Tenant.A.Arguments,
            .. Tenant.B.Arguments,
        ];
        var app = EmulatorApp.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            if (time is not null) builder.Services.AddSingleton(time);
        });
        await app.StartAsync();
        return new EmulatorHost(app);
    }

    public ClickHouseCloudClient ClickHouse(Tenant? tenant = null, bool validate = true) =>
        ClickHouse((tenant ?? Tenant.A).KeyId, (tenant ?? Tenant.A).KeySecret, validate);

    public ClickHouseCloudClient ClickHouse(string? keyId, string? secret, bool validate = true) =>
        new(Http, new ClickHouseCloudClientOptions { Username = keyId, Password = secret, ValidateRequests = validate });

    public MigetClient Miget(Tenant? tenant = null) => Miget((tenant ?? Tenant.A).Token);

    public MigetClient Miget(string? token) => new(Http, new MigetClientOptions { BearerToken = token });

    public BridgeportClient Bridgeport(Tenant? tenant = null, bool validate = true) => Bridgeport((tenant ?? Tenant.A).Token, validate);

    public BridgeportClient Bridgeport(string? token, bool validate = true) =>
        new(Http, new BridgeportClientOptions { BearerToken = token, ValidateRequests = validate });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A temporary folder for a database file, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contractfirst-emulator-tests-" + Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(_folder, "emulator.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder left behind is harmless.
        }
    }
}

/// <summary>One emulator for a whole test class (tests use their own organization/environment/app ids).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    public EmulatorHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await EmulatorHost.StartAsync(_database.Path);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _database.Dispose();
    }
}

/// <summary>A clock that moves only when told to.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
