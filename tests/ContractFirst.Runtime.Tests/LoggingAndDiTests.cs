using ContractFirst.DependencyInjection;
using ContractFirst.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ContractFirst.Runtime.Tests;

public sealed class SampleClientOptions : ContractFirstClientOptions;

public sealed class SampleClient(HttpClient http, SampleClientOptions options)
{
    public HttpClient Http { get; } = http;
    public SampleClientOptions Options { get; } = options;

    public async Task<Service> GetServiceAsync(string id, string? apiKeyQuery = null, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage request = ApiHttp.CreateRequest(Http, HttpMethod.Get, new UrlBuilder("/services/").AppendPath(id).AddQuery("api_key", apiKeyQuery).AddQuery("limit", 5), Options);
        ApiAuth.ApplyBearer(request, Options.BearerToken);
        ApiAuth.ApplyApiKeyHeader(request, "X-Api-Key", Options.ApiKey);
        ApiAuth.ApplyApiKeyCookie(request, "sid", Options.ApiKey);
        using HttpResponseMessage response = await ApiHttp.SendAsync(Http, request, "getService", cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await ApiHttp.ReadJsonAsync(response, SampleJson.Info<Service>(), cancellationToken);
        }

        throw await ApiHttp.CreateExceptionAsync(response, SampleJson.Info<ErrorBody>(), cancellationToken);
    }
}

public class LoggingAndDiTests
{
    private const string Secret = "TOPSECRET-9f8e7d";

    [Fact]
    public async Task Logging_handler_logs_method_path_status_and_duration_with_secrets_redacted()
    {
        var logger = new FakeLogger();
        var stub = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Accepted));
        using var http = new HttpClient(new ContractFirstLoggingHandler(logger) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"https://user:{Secret}@h/v1/items/1?api_key={Secret}&limit=5&access-token={Secret}&Password={Secret}&sig={Secret}&name=ok");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Secret);
        request.Headers.Add("Cookie", "sid=" + Secret);
        using (await http.SendAsync(request))
        {
        }

        FakeLogRecord record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.StartsWith("HTTP DELETE /v1/items/1?api_key=***&limit=5&access-token=***&Password=***&sig=***&name=ok responded 202 in ", record.Message);
        Assert.EndsWith(" ms", record.Message);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.DoesNotContain(Secret, record.Message);
        Assert.DoesNotContain(record.StructuredState!, kv => kv.Value?.Contains(Secret) == true);
    }

    [Fact]
    public async Task Logging_handler_logs_failures_without_the_exception_message()
    {
        var logger = new FakeLogger();
        var stub = new StubHandler((_, _, _) => throw new HttpRequestException($"could not reach https://h/?token={Secret}"));
        using var http = new HttpClient(new ContractFirstLoggingHandler(logger) { InnerHandler = stub });
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"https://h/x?token={Secret}"));
        FakeLogRecord record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains("HTTP GET /x?token=*** failed with HttpRequestException", record.Message);
        Assert.DoesNotContain(Secret, record.Message);
        Assert.Null(record.Exception);
    }

    [Fact]
    public async Task DI_registers_the_client_with_options_handlers_and_no_secret_in_any_log()
    {
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sample:BaseAddress"] = "https://api.example.com/v2",
            ["Sample:ApiKey"] = Secret,
            ["Sample:Retry:BaseDelay"] = "00:00:00.001",
            ["Sample:Retry:UseJitter"] = "false",
        }).Build();

        var stub = new StubHandler((req, n) => n == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : StubHandler.Json(HttpStatusCode.OK, """{"name":"db","tier":"production"}"""));

        var services = new ServiceCollection();
        services.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false).AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddContractFirstClient<SampleClient, SampleClientOptions>(
                config.GetSection("Sample"),
                static (http, sp) => new SampleClient(http, sp.GetRequiredService<IOptions<SampleClientOptions>>().Value),
                o => o.BearerToken = Secret)
            .ConfigurePrimaryHttpMessageHandler(() => stub);

        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<SampleClient>();
        Assert.Equal(Secret, client.Options.BearerToken);
        Assert.Equal(new Uri("https://api.example.com/v2"), client.Http.BaseAddress);

        Service service = await client.GetServiceAsync("a/b", apiKeyQuery: Secret);
        Assert.Equal("db", service.Name);
        Assert.Equal(2, stub.Calls); // retried once through the registered retry handler
        HttpRequestMessage sent = stub.Requests.Last();
        Assert.Equal($"https://api.example.com/v2/services/a%2Fb?api_key={Secret}&limit=5", sent.RequestUri!.AbsoluteUri);
        Assert.Equal(Secret, sent.Headers.Authorization!.Parameter);

        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Category == ContractFirstServiceCollectionExtensions.LoggerCategory && r.Message.Contains("responded 503"));
        Assert.Contains(records, r => r.Message.Contains("Retrying GET /v2/services/a%2Fb?api_key=***&limit=5 after status 503"));
        Assert.NotEmpty(records);
        foreach (FakeLogRecord record in records)
        {
            Assert.DoesNotContain(Secret, record.Message);
            Assert.DoesNotContain(record.StructuredState ?? [], kv => kv.Value?.Contains(Secret) == true);
        }
    }

    [Fact]
    public async Task DI_client_throws_ApiException_without_secrets()
    {
        var stub = new StubHandler((_, _) =>
        {
            var r = StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":"UNAUTHENTICATED","message":"bad key"}""");
            r.Headers.Add("X-Request-Id", "r-1");
            return r;
        });
        var services = new ServiceCollection();
        services.AddContractFirstClient<SampleClient, SampleClientOptions>(
                static (http, sp) => new SampleClient(http, sp.GetRequiredService<IOptions<SampleClientOptions>>().Value),
                o => { o.BaseAddress = new Uri("https://h/"); o.BearerToken = Secret; o.ApiKey = Secret; o.Password = Secret; })
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        await using ServiceProvider provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<ApiException<ErrorBody>>(() => provider.GetRequiredService<SampleClient>().GetServiceAsync("x"));
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("r-1", ex.RequestId);
        Assert.Equal("UNAUTHENTICATED", ex.Error.Code);
        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.DoesNotContain(ex.Headers, h => h.Value.Any(v => v.Contains(Secret)));
        Assert.Equal(1, stub.Calls); // 401 is not transient
    }
}
