using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ClickHouse.Cloud;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Benchmarks;

/// <summary>
/// The endpoint alone, without transport, routing or authentication: the generated RequestDelegate for createService
/// (bind, read the body, validate, call, write) vs the hand-mapped one of <see cref="ServerBenchmarks"/> (bind, read,
/// call, write), each invoked directly on a fresh <see cref="DefaultHttpContext"/>. This magnifies what the generated
/// code adds, which the end-to-end <see cref="ServerBenchmarks"/> dilutes in the HTTP stack.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ServerEndpointBenchmarks
{
    private WebApplication _app = null!;
    private RequestDelegate _generatedPost = null!;
    private RequestDelegate _handPost = null!;
    private RequestDelegate _generatedGet = null!;
    private RequestDelegate _handGet = null!;
    private IServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        var app = ServerBenchmarks.BuildApp(testServer: true);
        app.StartAsync().GetAwaiter().GetResult();
        _app = app;
        _services = app.Services;
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        RequestDelegate Find(string prefix, string pattern, string method) => endpoints.Single(e =>
            e.RoutePattern.RawText == prefix + pattern &&
            e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains(method)).RequestDelegate!;
        _generatedPost = Find("/gen", "/v1/organizations/{organizationId}/services", "POST");
        _handPost = Find("/hand", "/v1/organizations/{organizationId}/services", "POST");
        _generatedGet = Find("/gen", "/v1/organizations/{organizationId}/services/{serviceId}", "GET");
        _handGet = Find("/hand", "/v1/organizations/{organizationId}/services/{serviceId}", "GET");
        foreach (var (name, status) in new[] { ("gen POST", CreateService_Generated()), ("hand POST", CreateService_HandMapped()), ("gen GET", GetService_Generated()), ("hand GET", GetService_HandMapped()) })
        {
            var code = status.GetAwaiter().GetResult();
            Console.WriteLine($"// {name}: {code}");
            if (code != 200) throw new InvalidOperationException($"{name} answered {code}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Endpoint POST createService")]
    public Task<int> CreateService_HandMapped() => Invoke(_handPost, "POST", Payloads.ServicePostRequest);

    [Benchmark, BenchmarkCategory("Endpoint POST createService")]
    public Task<int> CreateService_Generated() => Invoke(_generatedPost, "POST", Payloads.ServicePostRequest);

    [Benchmark(Baseline = true), BenchmarkCategory("Endpoint GET getService")]
    public Task<int> GetService_HandMapped() => Invoke(_handGet, "GET", null);

    [Benchmark, BenchmarkCategory("Endpoint GET getService")]
    public Task<int> GetService_Generated() => Invoke(_generatedGet, "GET", null);

    private async Task<int> Invoke(RequestDelegate endpoint, string method, byte[]? body)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        var request = context.Request;
        request.Method = method;
        request.RouteValues["organizationId"] = Payloads.Org.ToString();
        if (body is null)
        {
            request.RouteValues["serviceId"] = Payloads.Svc.ToString();
        }
        else
        {
            request.ContentType = "application/json; charset=utf-8";
            request.ContentLength = body.Length;
            request.Body = new MemoryStream(body, writable: false);
        }

        context.Response.Body = Stream.Null;
        await endpoint(context);
        return context.Response.StatusCode;
    }
}
