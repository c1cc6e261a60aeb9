using System.Collections.Concurrent;
using Bridgeport;
using ClickHouse.Cloud;
using Miget;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContractFirst.Server.Tests.Infrastructure;

/// <summary>Counts handler calls, so that tests can prove a rejected request never reached the handler.</summary>
public sealed class Calls
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Hit(string operation) => _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);

    public int Count(string operation) => _counts.TryGetValue(operation, out var n) ? n : 0;

    public int Total => _counts.Values.Sum();
}

/// <summary>
/// The three generated servers on real Kestrel (127.0.0.1, port 0), with a test authentication handler for the specs'
/// scheme keys: "Bearer good-token" (bearerAuth) and Basic "key-id:key-secret" (basicAuth). Routes under /strict require,
/// on top of the spec, a claim that the tokens do not have, to show 403 in the declared error shape.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Token = "good-token";
    public const string KeyId = "key-id";
    public const string KeySecret = "key-secret";
    public const long BodyLimit = 64 * 1024;

    private WebApplication? _app;

    public Calls Calls { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(Calls);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>("bearerAuth", null)
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>("basicAuth", null);
        builder.Services.AddAuthorization();
        builder.Services.AddBridgeportServer<BridgeportFake>(o => o.MaxRequestBodySize = BodyLimit);
        builder.Services.AddClickHouseCloudServer<ClickHouseFake>(o => o.MaxRequestBodySize = BodyLimit);
        builder.Services.AddMigetServer<MigetFake>(o => o.MaxRequestBodySize = BodyLimit);

        var app = builder.Build();
        app.MapBridgeport();
        app.MapClickHouseCloud();
        app.MapMiget();
        app.MapBridgeport("/strict").RequireAuthorization(policy => policy.RequireClaim("role", "operator"));
        await app.StartAsync();
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string auth = "bearer")
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        Authorize(request, auth);
        return request;
    }

    public static void Authorize(HttpRequestMessage request, string auth)
    {
        switch (auth)
        {
            case "bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
                break;
            case "basic":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(KeyId + ":" + KeySecret)));
                break;
        }
    }
}

/// <summary>Accepts exactly the fixture's bearer token or basic key; anything else is a failed authentication.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var ok = Scheme.Name switch
        {
            "bearerAuth" => header == "Bearer " + ServerFixture.Token,
            "basicAuth" => header == "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ServerFixture.KeyId + ":" + ServerFixture.KeySecret)),
            _ => false,
        };
        if (!ok) return Task.FromResult(AuthenticateResult.Fail("Invalid credentials."));
        var identity = new ClaimsIdentity(new[] { new Claim("sub", "tenant-1") }, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = Scheme.Name == "basicAuth" ? "Basic realm=\"test\"" : "Bearer";
        return Task.CompletedTask;
    }
}
