using System.Diagnostics;
using Bridgeport;
using ClickHouse.Cloud;
using ContractFirst.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Miget;

// These tests pass values that violate the spec on purpose: the analyzers' warnings are expected here.
#pragma warning disable CF1001, CF1002, CF1003, CF1005

namespace ContractFirst.Client.Tests;

/// <summary>Errors, malformed responses, open enums, cancellation, retries, secrets and client-side validation.</summary>
public class BehaviourTests
{
    private static readonly Guid Org = Guid.Parse("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
    private static readonly Guid Svc = Guid.Parse("11111111-1111-1111-1111-111111111111");

    [Fact]
    public async Task Bridgeport_error_envelope_is_an_ApiException_of_ErrorEnvelope()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.Conflict,
            """{"code":"CONFLICT","message":"Database name taken","field":"name","hint":"Pick another name.","requestId":"req_01H0XYZ"}"""));
        var ex = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => Clients.Bridgeport(handler).CreateDatabaseAsync("prod", new CreateDatabaseRequest { Name = "orders", Type = "postgres" }));

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal(ErrorEnvelopeCode.Conflict, ex.Error.Code);
        Assert.Equal("name", ex.Error.Field);
        Assert.Equal("Pick another name.", ex.Error.Hint);
        Assert.Equal("req_01H0XYZ", ex.RequestId);
        Assert.Contains("req_01H0XYZ", ex.Message);
        Assert.Contains("Database name taken", ex.ResponseBody);
    }

    [Fact]
    public async Task ClickHouse_error_is_typed_and_the_request_id_comes_from_a_header_first()
    {
        var handler = new RecordingHandler(() =>
        {
            var response = Responses.Json(HttpStatusCode.NotFound, """{"status":404,"error":"Service not found","requestId":"0b9c6f53-6a2c-4a43-9d1b-55b0a1c1e001"}""");
            response.Headers.Add("X-Request-Id", "hdr-123");
            return response;
        });
        var ex = await Assert.ThrowsAsync<ApiException<ApiError>>(() => Clients.ClickHouse(handler).GetServiceAsync(Org, Svc));
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("Service not found", ex.Error.Error);
        Assert.Equal("hdr-123", ex.RequestId);
    }

    [Fact]
    public async Task An_undeclared_error_status_is_a_plain_ApiException()
    {
        var handler = new RecordingHandler(() => Responses.Text(HttpStatusCode.BadGateway, "<html>upstream down</html>", "text/html"));
        var ex = await Assert.ThrowsAsync<ApiException>(() => Clients.Miget(handler).CreateBucketAsync(new PostApiV1Buckets { Label = "x", MigetId = 1 }));
        Assert.Equal(typeof(ApiException), ex.GetType());
        Assert.Equal(502, ex.StatusCode);
        Assert.Equal("<html>upstream down</html>", ex.ResponseBody);
    }

    [Fact]
    public async Task A_declared_error_with_a_malformed_body_is_still_an_ApiException_with_the_text()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.BadRequest, """{"code":"VALIDATION_ERROR"}"""));
        var ex = await Assert.ThrowsAsync<ApiException>(() => Clients.Bridgeport(handler).CreateDatabaseAsync("prod", new CreateDatabaseRequest { Name = "orders", Type = "postgres" }));
        Assert.IsNotType<ApiException<ErrorEnvelope>>(ex);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("""{"code":"VALIDATION_ERROR"}""", ex.ResponseBody);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "truncated JSON", """{"status":200,"result":{"name":""", "application/json" },
        { "missing required property", """{"status":200}""", "application/json" },
        { "wrong type", """{"status":"ok","result":{}}""", "application/json" },
        { "JSON null", "null", "application/json" },
        { "empty body", "", "application/json" },
        { "HTML", "<html>login</html>", "text/html" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_or_unexpected_success_body_is_an_UnexpectedResponseException(string what, string body, string contentType)
    {
        _ = what;
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.OK, body, contentType));
        var ex = await Assert.ThrowsAsync<UnexpectedResponseException>(() => Clients.ClickHouse(handler).GetServiceAsync(Org, Svc));
        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("ServiceResponse", ex.Expected);
        Assert.Contains("JSON", ex.Expected);
        Assert.Contains(ex.Expected, ex.Message);
        if (contentType == "text/html") Assert.Contains("text/html", ex.Actual);
    }

    [Fact]
    public async Task Unknown_enum_values_survive_a_response()
    {
        var handler = new RecordingHandler(() => Responses.Json("""{"status":200,"result":{"state":"hibernating","tier":"enterprise_xl","provider":"aws"}}"""));
        var service = (await Clients.ClickHouse(handler).GetServiceAsync(Org, Svc)).Result;
        Assert.Equal("hibernating", service.State!.Value.Value);
        Assert.False(service.State.Value.IsKnown);
        Assert.Equal("enterprise_xl", service.Tier.ToString());
        Assert.Equal(ClickHouse.Cloud.ServiceProvider.Aws, service.Provider);

        // And they round-trip unchanged.
        var json = System.Text.Json.JsonSerializer.Serialize(service, ClickHouseCloudClientJson.TypeInfo<Service>());
        Assert.Contains("\"state\":\"hibernating\"", json);
    }

    [Fact]
    public async Task Cancellation_before_and_during_the_request_is_honoured()
    {
        var handler = new RecordingHandler(() => Responses.Json("""{"status":200}"""));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Clients.ClickHouse(handler).DeleteServiceAsync(Org, Svc, cancelled.Token));
        Assert.Empty(handler.Requests);

        var slow = new SlowHandler();
        using var http = new HttpClient(slow) { BaseAddress = new Uri("https://api.clickhouse.test") };
        var client = new ClickHouseCloudClient(http);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListServicesAsync(Org, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.True(slow.SawCancellation);
    }

    private sealed class SlowHandler : HttpMessageHandler
    {
        public bool SawCancellation { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }

            return Responses.Json("{}");
        }
    }

    private static (Microsoft.Extensions.DependencyInjection.ServiceProvider Provider, CapturingLoggerProvider Logs) Services(RecordingHandler handler, Action<IServiceCollection> register)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        register(services);
        return (services.BuildServiceProvider(), logs);
    }

    [Fact]
    public async Task DI_retries_an_idempotent_request_honouring_Retry_After()
    {
        var handler = new RecordingHandler((_, n) =>
        {
            if (n == 1)
            {
                var busy = Responses.Json(HttpStatusCode.ServiceUnavailable, """{"status":503,"error":"busy"}""");
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                return busy;
            }

            return Responses.Json("""{"status":200,"result":[]}""");
        });
        var (provider, _) = Services(handler, s => s.AddClickHouseCloudClient(o =>
        {
            o.BaseAddress = new Uri("https://api.clickhouse.test");
            o.Username = "key-id";
            o.Password = Clients.Password;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(20); // exponential back-off alone would take far longer than Retry-After
            o.Retry.UseJitter = false;
        }).ConfigurePrimaryHttpMessageHandler(() => handler));
        using (provider)
        {
            var client = provider.GetRequiredService<ClickHouseCloudClient>();
            var watch = Stopwatch.StartNew();
            var list = await client.ListServicesAsync(Org);
            Assert.Empty(list.Result);
            Assert.Equal(2, handler.Requests.Count);
            Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
            Assert.All(handler.Requests, r => Assert.Equal(Clients.Basic("key-id", Clients.Password), r.Header("Authorization")));
        }
    }

    [Fact]
    public async Task DI_never_retries_a_POST()
    {
        var handler = new RecordingHandler(() =>
        {
            var busy = Responses.Json(HttpStatusCode.ServiceUnavailable, """{"status":503,"error":"busy"}""");
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return busy;
        });
        var (provider, _) = Services(handler, s => s.AddClickHouseCloudClient(o => o.BaseAddress = new Uri("https://api.clickhouse.test")).ConfigurePrimaryHttpMessageHandler(() => handler));
        using (provider)
        {
            var client = provider.GetRequiredService<ClickHouseCloudClient>();
            var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateServiceAsync(Org, new ServicePostRequest { Name = "a", Provider = "aws", Region = "eu" }));
            Assert.Equal(503, ex.StatusCode);
            Assert.Single(handler.Requests);
        }
    }

    [Fact]
    public async Task DI_binds_options_from_configuration()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.Created,
            """{"uuid":"b-1","name":"files","label":"Files","state":"active","visibility":"private_access","s3_endpoint":"https://s3","region_code":"eu","usage_bytes":0,"quota_bytes":100,"usage_percentage":0,"object_count":0,"created_at":"2024-05-01T10:00:00Z","updated_at":"2024-05-01T10:00:00Z","miget":{}}"""));
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Miget:BaseAddress"] = "https://config.miget.test",
            ["Miget:BearerToken"] = Clients.BearerToken,
            ["Miget:DefaultHeaders:X-Workspace-Id"] = "ws-from-config",
        }).Build();
        var (provider, _) = Services(handler, s => s.AddMigetClient(configuration.GetSection("Miget")).ConfigurePrimaryHttpMessageHandler(() => handler));
        using (provider)
        {
            await provider.GetRequiredService<MigetClient>().CreateBucketAsync(new PostApiV1Buckets { Label = "Files", MigetId = 1 });
            var r = handler.Single;
            Assert.Equal("https://config.miget.test/api/v1/buckets", r.Uri.AbsoluteUri);
            Assert.Equal("ws-from-config", r.Header("X-Workspace-Id"));
            Assert.Equal("Bearer " + Clients.BearerToken, r.Header("Authorization"));
        }
    }

    [Fact]
    public async Task Secrets_never_appear_in_exceptions_or_logs()
    {
        var handler = new RecordingHandler((_, n) => n == 1
            ? Responses.Json(HttpStatusCode.Unauthorized, """{"error":"bad token"}""")
            : Responses.Json(HttpStatusCode.Forbidden, """{"status":403,"error":"no"}"""));
        var (provider, logs) = Services(handler, s =>
        {
            s.AddMigetClient(o =>
            {
                o.BaseAddress = new Uri("https://app.miget.test");
                o.BearerToken = Clients.BearerToken;
                o.DefaultHeaders["X-Workspace-Id"] = "ws-1";
            }).ConfigurePrimaryHttpMessageHandler(() => handler);
            s.AddClickHouseCloudClient(o =>
            {
                o.BaseAddress = new Uri("https://api.clickhouse.test");
                o.Username = "key-id";
                o.Password = Clients.Password;
            }).ConfigurePrimaryHttpMessageHandler(() => handler);
        });
        using (provider)
        {
            var miget = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => provider.GetRequiredService<MigetClient>().CreateBucketAsync(new PostApiV1Buckets { Label = "x", MigetId = 1 }));
            var clickhouse = await Assert.ThrowsAsync<ApiException<ApiError>>(() => provider.GetRequiredService<ClickHouseCloudClient>().GetServiceAsync(Org, Svc));
            Assert.Equal("Bearer " + Clients.BearerToken, handler.Requests[0].Header("Authorization")); // it was sent...

            var basic = Clients.Basic("key-id", Clients.Password)["Basic ".Length..];
            foreach (var text in new[] { miget.ToString(), clickhouse.ToString(), string.Join("\n", miget.Headers.SelectMany(h => h.Value)), provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MigetClientOptions>>().Value.ToString(), logs.All })
            {
                // ...but never written anywhere.
                Assert.DoesNotContain(Clients.BearerToken, text);
                Assert.DoesNotContain(Clients.Password, text);
                Assert.DoesNotContain(basic, text);
            }

            Assert.Contains("/api/v1/buckets", logs.All); // the log does record the requests
            Assert.Contains("401", logs.All);
        }
    }

    [Fact]
    public async Task Validation_fails_before_the_network_naming_the_field()
    {
        var handler = new RecordingHandler(() => Responses.Json("""{"status":200,"result":{}}"""));
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Clients.ClickHouse(handler).UpdateServiceScalingAsync(Org, Svc, new ServiceScalingPatchRequest { MinTotalMemoryGb = 30 }));

        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal("body.minTotalMemoryGb", ex.ParamName);
        Assert.Contains("minTotalMemoryGb", ex.Message);
        Assert.Equal("multipleOf", Assert.Single(ex.Errors).Keyword);
        Assert.Empty(handler.Requests);
    }

    /// <summary>
    /// What is wrong with the call itself throws at the call, before a task exists (as HttpClient does with its
    /// arguments); what depends on the response comes from the task.
    /// </summary>
    [Fact]
    public async Task A_call_that_breaks_the_spec_throws_at_the_call_and_a_failure_status_from_the_task()
    {
        var handler = new RecordingHandler(() => Responses.Json(HttpStatusCode.Conflict, """{"error":"nope"}"""));
        var client = Clients.ClickHouse(handler);
        Assert.Throws<RequestValidationException>(() => { _ = client.UpdateServiceScalingAsync(Org, Svc, new ServiceScalingPatchRequest { MinTotalMemoryGb = 30 }); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.UpdateServiceScalingAsync(Org, Svc, null!); });
        Assert.Empty(handler.Requests);

        Task call = client.UpdateServiceScalingAsync(Org, Svc, new ServiceScalingPatchRequest { MinTotalMemoryGb = 24 });
        await Assert.ThrowsAnyAsync<ApiException>(() => call);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Validation_switched_off_sends_the_request()
    {
        var handler = new RecordingHandler(() => Responses.Json("""{"status":200,"result":{}}"""));
        await Clients.ClickHouse(handler, o => o.ValidateRequests = false).UpdateServiceScalingAsync(Org, Svc, new ServiceScalingPatchRequest { MinTotalMemoryGb = 30 });
        Assert.Equal("""{"minTotalMemoryGb":30}""", handler.Single.BodyText);
    }

    [Fact]
    public async Task Validation_reports_every_error_of_a_nested_body()
    {
        var handler = new RecordingHandler(() => Responses.Json("{}"));
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Clients.Bridgeport(handler).CreateDatabaseAsync("prod", new CreateDatabaseRequest
        {
            Name = "",
            Type = "postgres",
            Port = 70000,
            BackupFormat = "zip",
        }));
        Assert.Equal(["body.backupFormat", "body.name", "body.port"], ex.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Empty(handler.Requests);
    }
}
