using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ClickHouse.Cloud;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContractFirst.Benchmarks;

/// <summary>
/// Server overhead, one request at a time through an in-process TestServer (no sockets): the generated, validated
/// ClickHouse endpoints (app.MapClickHouseCloud("/gen")) vs the SAME IClickHouseCloudServer implementation mapped by
/// hand at "/hand" (plain RequestDelegate, same route, same authorization policy and authentication handler, same
/// generated JSON metadata, no validation). Requests per second = the Op/s column.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ServerBenchmarks
{
    private static readonly AuthenticationHeaderValue Auth = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("key-id:key-secret")));
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _getPath = null!;
    private string _postPath = null!;

    /// <summary>The GET's path after the /gen or /hand prefix.</summary>
    public static string GetPath => $"v1/organizations/{Payloads.Org}/services/{Payloads.Svc}";

    /// <summary>The POST's path after the /gen or /hand prefix.</summary>
    public static string PostPath => $"v1/organizations/{Payloads.Org}/services";

    [GlobalSetup]
    public void Setup()
    {
        var app = BuildApp(testServer: true);
        app.StartAsync().GetAwaiter().GetResult();
        _app = app;
        _client = app.GetTestServer().CreateClient();
        _getPath = GetPath;
        _postPath = PostPath;

        // Sanity: all four answer 200 with a body, and the generated endpoint does validate.
        foreach (var (name, task) in new[] { ("gen GET", GetService_Generated()), ("hand GET", GetService_HandMapped()), ("gen POST", CreateService_Generated()), ("hand POST", CreateService_HandMapped()) })
        {
            var length = task.GetAwaiter().GetResult();
            Console.WriteLine($"// {name}: 200, {length} B");
        }

        using var invalid = new HttpRequestMessage(HttpMethod.Post, "/gen/" + _postPath) { Content = new StringContent("""{"name":"x","provider":"aws","region":"r","minTotalMemoryGb":50}""", Encoding.UTF8, "application/json") };
        invalid.Headers.Authorization = Auth;
        using var rejected = _client.SendAsync(invalid).GetAwaiter().GetResult();
        Console.WriteLine($"// gen POST with minTotalMemoryGb=50 (not a multiple of 12): {(int)rejected.StatusCode}");
    }

    /// <summary>
    /// The app of both sides: the generated endpoints at /gen, the same implementation mapped by hand at /hand. On
    /// TestServer for BenchmarkDotNet, or on Kestrel at 127.0.0.1 (a free port) for the loopback load of <see cref="SideBySide"/>.
    /// </summary>
    public static WebApplication BuildApp(bool testServer)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        if (testServer)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BenchAuthHandler>("basicAuth", null);
        builder.Services.AddAuthorization();
        builder.Services.AddClickHouseCloudServer<BenchClickHouseServer>();

        var app = builder.Build();
        app.MapClickHouseCloud("/gen");

        // The same implementation, mapped by hand: bind the route values and the body, call, write. No validation.
        var policy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder("basicAuth").RequireAuthenticatedUser().Build();
        var hand = app.MapGroup("/hand");
        hand.MapMethods("/v1/organizations/{organizationId}/services/{serviceId}", new[] { "GET" }, async httpContext =>
        {
            var org = Guid.Parse((string)httpContext.Request.RouteValues["organizationId"]!);
            var svc = Guid.Parse((string)httpContext.Request.RouteValues["serviceId"]!);
            var server = httpContext.RequestServices.GetRequiredService<IClickHouseCloudServer>();
            var result = await server.GetServiceAsync(org, svc, httpContext, httpContext.RequestAborted);
            await result.ExecuteAsync(httpContext);
        }).RequireAuthorization(policy);
        hand.MapMethods("/v1/organizations/{organizationId}/services", new[] { "POST" }, async httpContext =>
        {
            var org = Guid.Parse((string)httpContext.Request.RouteValues["organizationId"]!);
            var body = await JsonSerializer.DeserializeAsync(httpContext.Request.Body, ClickHouseCloudClientJson.TypeInfo<ServicePostRequest>(), httpContext.RequestAborted);
            var server = httpContext.RequestServices.GetRequiredService<IClickHouseCloudServer>();
            var result = await server.CreateServiceAsync(org, body!, httpContext, httpContext.RequestAborted);
            await result.ExecuteAsync(httpContext);
        }).RequireAuthorization(policy);

        return app;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Server GET getService")]
    public Task<int> GetService_HandMapped() => SendAsync(_client, HttpMethod.Get, "/hand/" + _getPath, null);

    [Benchmark, BenchmarkCategory("Server GET getService")]
    public Task<int> GetService_Generated() => SendAsync(_client, HttpMethod.Get, "/gen/" + _getPath, null);

    [Benchmark(Baseline = true), BenchmarkCategory("Server POST createService")]
    public Task<int> CreateService_HandMapped() => SendAsync(_client, HttpMethod.Post, "/hand/" + _postPath, Payloads.ServicePostRequest);

    [Benchmark, BenchmarkCategory("Server POST createService")]
    public Task<int> CreateService_Generated() => SendAsync(_client, HttpMethod.Post, "/gen/" + _postPath, Payloads.ServicePostRequest);

    /// <summary>One request as the benchmark sends it (Basic auth, a JSON body); the body's length, or an exception for a status other than 200.</summary>
    public static async Task<int> SendAsync(HttpClient client, HttpMethod method, string path, byte[]? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = Auth;
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if ((int)response.StatusCode != 200) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return bytes.Length;
    }
}

/// <summary>Accepts any Authorization header (the cost of a real check is the same on both sides).</summary>
public sealed class BenchAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly ClaimsPrincipal User = new(new ClaimsIdentity(new[] { new Claim("sub", "tenant-1") }, "basicAuth"));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        => Task.FromResult(Request.Headers.Authorization.Count == 0
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Success(new AuthenticationTicket(User, Scheme.Name)));
}

/// <summary>The handler: canned answers, so that the benchmark measures the plumbing around it.</summary>
public sealed class BenchClickHouseServer : IClickHouseCloudServer
{
    private static readonly ServiceResponse Service = JsonSerializer.Deserialize(Payloads.ServiceResponse, ClickHouseCloudClientJson.TypeInfo<ServiceResponse>())!;
    private static readonly ServicePostResponseWrapper Created = JsonSerializer.Deserialize(Payloads.ServicePostResponseWrapper, ClickHouseCloudClientJson.TypeInfo<ServicePostResponseWrapper>())!;

    public Task<IClickHouseCloudServer.GetServiceResult> GetServiceAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken)
        => Task.FromResult<IClickHouseCloudServer.GetServiceResult>(Service);

    public Task<IClickHouseCloudServer.CreateServiceResult> CreateServiceAsync(Guid organizationId, ServicePostRequest body, HttpContext httpContext, CancellationToken cancellationToken)
        => Task.FromResult<IClickHouseCloudServer.CreateServiceResult>(body.Name.Length > 0 ? Created : throw new InvalidOperationException());

    public Task<IClickHouseCloudServer.ListServicesResult> ListServicesAsync(Guid organizationId, HttpContext httpContext, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IClickHouseCloudServer.UpdateServiceResult> UpdateServiceAsync(Guid organizationId, Guid serviceId, ServicePatchRequest body, HttpContext httpContext, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IClickHouseCloudServer.DeleteServiceResult> DeleteServiceAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IClickHouseCloudServer.UpdateServiceStateResult> UpdateServiceStateAsync(Guid organizationId, Guid serviceId, ServiceStatePatchRequest body, HttpContext httpContext, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IClickHouseCloudServer.UpdateServiceScalingResult> UpdateServiceScalingAsync(Guid organizationId, Guid serviceId, ServiceScalingPatchRequest body, HttpContext httpContext, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IClickHouseCloudServer.UpdateServicePasswordResult> UpdateServicePasswordAsync(Guid organizationId, Guid serviceId, ServicePasswordPatchRequest body, HttpContext httpContext, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IClickHouseCloudServer.ListServiceBackupsResult> ListServiceBackupsAsync(Guid organizationId, Guid serviceId, HttpContext httpContext, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IClickHouseCloudServer.GetServiceBackupResult> GetServiceBackupAsync(Guid organizationId, Guid serviceId, Guid backupId, HttpContext httpContext, CancellationToken cancellationToken) => throw new NotSupportedException();
}
