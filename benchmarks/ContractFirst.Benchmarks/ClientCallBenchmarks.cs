using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ClickHouse.Cloud;

namespace ContractFirst.Benchmarks;

/// <summary>
/// One full client call: build the request, serialize the body, send it through an in-memory HttpMessageHandler that
/// reads the request body and answers a canned JSON response, deserialize. Generated ClickHouse client vs the same call
/// hand-written with HttpClient + System.Text.Json source generation (baseline) and vs NSwag's generated client
/// (when benchmarks/nswag/generate.sh has been run). All three send Basic auth and Accept: application/json.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientCallBenchmarks
{
    private static readonly Uri BaseAddress = new("https://api.clickhouse.cloud/");
    private const string Username = "key-id";
    private const string Password = "key-secret";

    private HttpClient _http = null!;
    private ClickHouseCloudClient _generated = null!;
    private ClickHouseCloudClient _generatedNoValidation = null!;
    private HandWrittenClickHouseClient _handWritten = null!;
    private ServicePostRequest _generatedBody = null!;
    private HandWritten.ClickHouse.ServicePostRequest _handWrittenBody = null!;
#if NSWAG
    private HttpClient _nswagHttp = null!;
    private NSwagGenerated.ClickHouse.NSwagClickHouseClient _nswag = null!;
    private NSwagGenerated.ClickHouse.ServicePostRequest _nswagBody = null!;
#endif

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedHandler()) { BaseAddress = BaseAddress };
        _generated = new ClickHouseCloudClient(_http, new ClickHouseCloudClientOptions { Username = Username, Password = Password });
        _generatedNoValidation = new ClickHouseCloudClient(_http, new ClickHouseCloudClientOptions { Username = Username, Password = Password, ValidateRequests = false });
        _handWritten = new HandWrittenClickHouseClient(_http, Username, Password);
        _generatedBody = JsonSerializer.Deserialize(Payloads.ServicePostRequest, ClickHouseCloudClientJson.TypeInfo<ServicePostRequest>())!;
        _handWrittenBody = JsonSerializer.Deserialize(Payloads.ServicePostRequest, HandWritten.ClickHouse.ClickHouseJsonContext.Default.ServicePostRequest)!;
#if NSWAG
        _nswagHttp = new HttpClient(new CannedHandler()) { BaseAddress = BaseAddress };
        _nswagHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password)));
        _nswag = new NSwagGenerated.ClickHouse.NSwagClickHouseClient(_nswagHttp);
        _nswagBody = JsonSerializer.Deserialize<NSwagGenerated.ClickHouse.ServicePostRequest>(Payloads.ServicePostRequest, JsonSerializerOptions.Web)!;
        Console.WriteLine("// NSwag client: compiled in (obj/NSwagClient.g.cs).");
#else
        Console.WriteLine("// NSwag client: SKIPPED, run benchmarks/nswag/generate.sh first.");
#endif
        // Sanity: every client gets the same answer.
        var a = GetService_Generated().GetAwaiter().GetResult();
        var b = GetService_HandWritten().GetAwaiter().GetResult();
        if (a.Result.Endpoints!.Count != 3 || b.Result.Endpoints!.Count != 3) throw new InvalidOperationException("Canned response not read.");
        _ = CreateService_Generated().GetAwaiter().GetResult();
        _ = CreateService_HandWritten().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
#if NSWAG
        _nswagHttp.Dispose();
#endif
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Client GetService")]
    public Task<HandWritten.ClickHouse.ServiceResponse> GetService_HandWritten() => _handWritten.GetServiceAsync(Payloads.Org, Payloads.Svc);

    [Benchmark, BenchmarkCategory("Client GetService")]
    public Task<ServiceResponse> GetService_Generated() => _generated.GetServiceAsync(Payloads.Org, Payloads.Svc);

#if NSWAG
    [Benchmark, BenchmarkCategory("Client GetService")]
    public Task<NSwagGenerated.ClickHouse.ServiceResponse> GetService_NSwag() => _nswag.GetServiceAsync(Payloads.Org, Payloads.Svc);
#endif

    [Benchmark(Baseline = true), BenchmarkCategory("Client CreateService")]
    public Task<HandWritten.ClickHouse.ServicePostResponseWrapper> CreateService_HandWritten() => _handWritten.CreateServiceAsync(Payloads.Org, _handWrittenBody);

    [Benchmark, BenchmarkCategory("Client CreateService")]
    public Task<ServicePostResponseWrapper> CreateService_Generated() => _generated.CreateServiceAsync(Payloads.Org, _generatedBody);

    [Benchmark, BenchmarkCategory("Client CreateService")]
    public Task<ServicePostResponseWrapper> CreateService_Generated_NoValidation() => _generatedNoValidation.CreateServiceAsync(Payloads.Org, _generatedBody);

#if NSWAG
    [Benchmark, BenchmarkCategory("Client CreateService")]
    public Task<NSwagGenerated.ClickHouse.ServicePostResponseWrapper> CreateService_NSwag() => _nswag.CreateServiceAsync(Payloads.Org, _nswagBody);
#endif

    /// <summary>Answers every request with a canned 200 JSON body (ServiceResponse for GET, the POST wrapper for POST).</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null) await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            var content = new ByteArrayContent(request.Method == HttpMethod.Post ? Payloads.ServicePostResponseWrapper : Payloads.ServiceResponse);
            content.Headers.ContentType = Json;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}

/// <summary>What one would write by hand: HttpClient + System.Text.Json source generation, no validation.</summary>
public sealed class HandWrittenClickHouseClient(HttpClient http, string username, string password)
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private readonly AuthenticationHeaderValue _auth = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));

    public async Task<HandWritten.ClickHouse.ServiceResponse> GetServiceAsync(Guid organizationId, Guid serviceId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/organizations/{organizationId}/services/{serviceId}");
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.Authorization = _auth;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync(HandWritten.ClickHouse.ClickHouseJsonContext.Default.ServiceResponse, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<HandWritten.ClickHouse.ServicePostResponseWrapper> CreateServiceAsync(Guid organizationId, HandWritten.ClickHouse.ServicePostRequest body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/organizations/{organizationId}/services");
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.Authorization = _auth;
        request.Content = JsonContent.Create(body, HandWritten.ClickHouse.ClickHouseJsonContext.Default.ServicePostRequest);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync(HandWritten.ClickHouse.ClickHouseJsonContext.Default.ServicePostResponseWrapper, cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {text}", null, response.StatusCode);
    }
}
