using ContractFirst.Emulator.Auth;
using ContractFirst.Emulator.Bridgeport;
using ContractFirst.Emulator.ClickHouse;
using ContractFirst.Emulator.Contracts.Bridgeport;
using ContractFirst.Emulator.Contracts.ClickHouse;
using ContractFirst.Emulator.Contracts.Miget;
using ContractFirst.Emulator.Miget;
using ContractFirst.Emulator.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContractFirst.Emulator;

/// <summary>
/// The emulator: the generated servers of Miget, ClickHouse Cloud and BRIDGEPORT on one host (their paths do not
/// collide), with tenant-aware authentication and SQLite storage. <c>Program</c> runs it; QuickStart and the tests host it
/// in-process.
/// </summary>
public static class EmulatorApp
{
    /// <summary>
    /// Builds the app from command-line arguments (<c>--urls</c>, <c>--Emulator:Database=…</c>, …) and lets
    /// <paramref name="configure"/> adjust the builder (logging, extra configuration) before it is built.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        AddEmulator(builder.Services, builder.Configuration, builder.Environment);

        var app = builder.Build();
        _ = app.Services.GetRequiredService<EmulatorDatabase>(); // creates the file and schema now, not on the first request
        app.MapGet("/", () => Results.Text(
            "ContractFirst emulator: Miget (/api/v1/…), ClickHouse Cloud (/v1/organizations/…), BRIDGEPORT (/api/environments/…)\n"));
        app.MapMiget();
        app.MapClickHouseCloud();
        app.MapBridgeport();
        app.Lifetime.ApplicationStarted.Register(() => LogBanner(app));
        return app;
    }

    /// <summary>The address the started app listens on (the real port when it was started on port 0).</summary>
    public static Uri GetBaseAddress(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        return new Uri(addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The emulator is not listening: start it first."));
    }

    private static void AddEmulator(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<EmulatorOptions>()
            .Bind(configuration.GetSection(EmulatorOptions.Section))
            .PostConfigure(options => options.ApplyDefaults());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<EmulatorOptions>>().Value.Database;
            return EmulatorDatabase.Open(Path.Combine(environment.ContentRootPath, path));
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(SecuritySchemes.Bearer, null)
            .AddScheme<AuthenticationSchemeOptions, BasicKeyHandler>(SecuritySchemes.Basic, null);
        services.AddAuthorization();

        services.AddSingleton<ServiceLifecycle>();
        services.AddSingleton<ClickHouseStore>();
        services.AddSingleton<MigetStore>();
        services.AddSingleton<BridgeportStore>();
        services.AddClickHouseCloudServer<ClickHouseCloudEmulator>();
        services.AddMigetServer<MigetEmulator>();
        services.AddBridgeportServer<BridgeportEmulator>();
    }

    private static void LogBanner(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EmulatorOptions>>().Value;
        var database = app.Services.GetRequiredService<EmulatorDatabase>();
        var bearer = options.UsesDevTokens
            ? $"Authorization: Bearer {EmulatorOptions.DevToken} (tenant '{EmulatorOptions.DevTenant}')"
            : $"{options.Tokens.Count} configured token(s) for tenant(s) {string.Join(", ", options.Tokens.Values.Distinct())}";
        var basic = options.UsesDevKeys
            ? $"HTTP Basic {EmulatorOptions.DevKeyId}:{EmulatorOptions.DevKeySecret} (tenant '{EmulatorOptions.DevTenant}')"
            : $"key(s) {string.Join(", ", options.Keys.Keys)}";

        app.Logger.LogInformation(
            """
            ContractFirst emulator listening on {Addresses}
              database:                 {Database}
              Miget, BRIDGEPORT:        {Bearer}
              ClickHouse Cloud:         {Basic}
              provisioning delay:       {Delay}
            """,
            string.Join(", ", app.Urls), database.Path, bearer, basic, options.ProvisioningDelay);
    }
}
