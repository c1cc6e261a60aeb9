using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContractFirst.Http;

namespace ContractFirst.Runtime.Tests;

public class ApiHttpTests
{
    private const string Secret = "sk_live_TOPSECRET_123";

    private static HttpClient Client(StubHandler stub, string baseAddress = "https://api.example.com/v1/") =>
        new(stub) { BaseAddress = new Uri(baseAddress) };

    private static async Task<HttpResponseMessage> Send(HttpClient http, ContractFirstClientOptions? options = null, HttpMethod? method = null)
    {
        using HttpRequestMessage request = ApiHttp.CreateRequest(http, method ?? HttpMethod.Get, new UrlBuilder("/services/").AppendPath("s1"), options);
        ApiAuth.ApplyBearer(request, options?.BearerToken);
        return await ApiHttp.SendAsync(http, request, "getService", CancellationToken.None);
    }

    [Fact]
    public async Task Reads_json_and_resolves_under_the_base_path()
    {
        var stub = new StubHandler((req, _) => StubHandler.Json(HttpStatusCode.OK, """{"name":"s1","tier":"production"}"""));
        using HttpClient http = Client(stub);
        using HttpResponseMessage response = await Send(http);
        Service service = await ApiHttp.ReadJsonAsync(response, SampleJson.Info<Service>(), CancellationToken.None);
        Assert.Equal("s1", service.Name);
        Assert.Equal("https://api.example.com/v1/services/s1", Assert.Single(stub.Requests).RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Options_base_address_and_default_headers_apply()
    {
        var stub = new StubHandler((req, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var http = new HttpClient(stub);
        var options = new ContractFirstClientOptions { BaseAddress = new Uri("https://other.example.com"), DefaultHeaders = { ["X-Workspace-Id"] = "ws-1" } };
        using (await Send(http, options))
        {
        }

        HttpRequestMessage sent = Assert.Single(stub.Requests);
        Assert.Equal("https://other.example.com/services/s1", sent.RequestUri!.AbsoluteUri);
        Assert.Equal("ws-1", sent.Headers.GetValues("X-Workspace-Id").Single());
        Assert.Throws<InvalidOperationException>(() => ApiHttp.CreateRequest(new HttpClient(stub), HttpMethod.Get, new UrlBuilder("/"), null));
    }

    [Theory]
    [InlineData("{\"name\":\"s1\",", "does not match")] // truncated
    [InlineData("{\"tier\":\"production\"}", "missing the required property 'name'")]
    [InlineData("null", "JSON null")]
    [InlineData("", "an empty body")]
    public async Task Malformed_json_throws_UnexpectedResponseException_with_the_body(string body, string expected)
    {
        var stub = new StubHandler((req, _) => StubHandler.Json(HttpStatusCode.OK, body));
        using HttpClient http = Client(stub);
        using HttpResponseMessage response = await Send(http);
        var ex = await Assert.ThrowsAsync<UnexpectedResponseException>(() => ApiHttp.ReadJsonAsync(response, SampleJson.Info<Service>(), CancellationToken.None));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("expected a JSON body for Service", ex.Message);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(body.Length == 0 ? null : body, ex.ResponseBody);
        if (body.Length > 0 && body != "null")
        {
            Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        }
    }

    [Fact]
    public async Task Wrong_content_type_throws_UnexpectedResponseException()
    {
        var stub = new StubHandler((req, _) => StubHandler.Json(HttpStatusCode.OK, "<html>login</html>", "text/html"));
        using HttpClient http = Client(stub);
        using HttpResponseMessage response = await Send(http);
        var ex = await Assert.ThrowsAsync<UnexpectedResponseException>(() => ApiHttp.ReadJsonAsync(response, SampleJson.Info<Service>(), CancellationToken.None));
        Assert.Equal("content type 'text/html'", ex.Actual);
        Assert.Contains("expected a JSON body for Service, but got content type 'text/html'", ex.Message);
        Assert.Equal("<html>login</html>", ex.ResponseBody);
        Assert.StartsWith("text/html", ex.ContentType);
    }

    [Theory]
    [InlineData("application/problem+json")]
    [InlineData("text/json")]
    [InlineData(null)]
    public async Task Json_like_or_absent_content_types_are_accepted(string? contentType)
    {
        var stub = new StubHandler((req, _) =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"a","tier":"x"}"""));
            if (contentType is not null)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using HttpClient http = Client(stub);
        using HttpResponseMessage response = await Send(http);
        Assert.Equal("a", (await ApiHttp.ReadJsonAsync(response, SampleJson.Info<Service>(), CancellationToken.None)).Name);
    }

    [Fact]
    public async Task Typed_error_with_request_id_from_header()
    {
        var stub = new StubHandler((req, _) =>
        {
            HttpResponseMessage r = StubHandler.Json(HttpStatusCode.BadRequest, """{"code":"INVALID","message":"bad tier"}""");
            r.Headers.Add("X-Request-Id", "req-123");
            r.Headers.Add("Set-Cookie", "session=" + Secret);
            return r;
        });
        using HttpClient http = Client(stub);
        var options = new ContractFirstClientOptions { BearerToken = Secret, ApiKey = Secret, Password = Secret, Username = "u" };
        using HttpResponseMessage response = await Send(http, options);
        ApiException ex = await ApiHttp.CreateExceptionAsync(response, SampleJson.Info<ErrorBody>(), CancellationToken.None);
        var typed = Assert.IsType<ApiException<ErrorBody>>(ex);
        Assert.Equal("INVALID", typed.Error.Code);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("req-123", ex.RequestId);
        Assert.Equal("HTTP 400 Bad Request. Request id: req-123. Body: {\"code\":\"INVALID\",\"message\":\"bad tier\"}", ex.Message);
        Assert.Equal("[redacted]", ex.Headers["Set-Cookie"].Single());
        AssertNoSecret(ex);
        // The request did carry the secret: it just never reaches the exception.
        Assert.Equal(Secret, stub.Requests.Single().Headers.Authorization!.Parameter);
    }

    [Fact]
    public async Task Request_id_from_body_and_untyped_fallback()
    {
        var stub = new StubHandler((req, n) => n switch
        {
            1 => StubHandler.Json(HttpStatusCode.Conflict, """{"code":"C","message":"m","requestId":"body-id"}"""),
            2 => StubHandler.Json(HttpStatusCode.InternalServerError, "oops", "text/plain"),
            _ => StubHandler.Json(HttpStatusCode.BadGateway, """{"unexpected":true}"""),
        });
        using HttpClient http = Client(stub);

        using (HttpResponseMessage r1 = await Send(http))
        {
            ApiException e1 = await ApiHttp.CreateExceptionAsync(r1, CancellationToken.None);
            Assert.IsNotType<ApiException<ErrorBody>>(e1);
            Assert.Equal("body-id", e1.RequestId);
        }

        using (HttpResponseMessage r2 = await Send(http))
        {
            ApiException e2 = await ApiHttp.CreateExceptionAsync(r2, SampleJson.Info<ErrorBody>(), CancellationToken.None);
            Assert.IsNotType<ApiException<ErrorBody>>(e2);
            Assert.Equal("oops", e2.ResponseBody);
            Assert.Null(e2.RequestId);
        }

        using (HttpResponseMessage r3 = await Send(http))
        {
            ApiException e3 = await ApiHttp.CreateExceptionAsync(r3, SampleJson.Info<ErrorBody>(), CancellationToken.None);
            Assert.IsNotType<ApiException<ErrorBody>>(e3);
            Assert.IsAssignableFrom<JsonException>(e3.InnerException);
        }
    }

    [Theory]
    [InlineData("Request-Id")]
    [InlineData("X-Amzn-RequestId")]
    public async Task Request_id_headers(string header)
    {
        var stub = new StubHandler((req, _) =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.NotFound);
            r.Headers.Add(header, "abc");
            return r;
        });
        using HttpClient http = Client(stub);
        using HttpResponseMessage response = await Send(http);
        ApiException ex = await ApiHttp.CreateExceptionAsync(response, CancellationToken.None);
        Assert.Equal("abc", ex.RequestId);
        Assert.Contains("The response body is empty.", ex.Message);
    }

    [Fact]
    public void Long_bodies_are_truncated_in_the_message()
    {
        string body = new string('x', 5000);
        var ex = new ApiException(500, "Internal Server Error", body);
        Assert.True(ex.Message.Length < 700, ex.Message);
        Assert.Contains("4488 more characters", ex.Message);
        Assert.Equal(body, ex.ResponseBody);
    }

    [Fact]
    public async Task Streams_are_not_buffered_and_own_the_response()
    {
        var source = new TrackingStream(new byte[1 << 20]);
        var stub = new StubHandler((req, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(source) });
        using HttpClient http = Client(stub);
        HttpResponseMessage response = await Send(http);
        await using (Stream stream = await ApiHttp.ReadStreamAsync(response, CancellationToken.None))
        {
            Assert.Equal(0, source.BytesRead);
            var buffer = new byte[100];
            int read = await stream.ReadAsync(buffer);
            Assert.True(read > 0);
            Assert.True(source.BytesRead < 1 << 20);
        }

        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task Text_and_json_bodies()
    {
        var stub = new StubHandler((req, _) => StubHandler.Json(HttpStatusCode.OK, "plain ü", "text/plain"));
        using HttpClient http = Client(stub);
        using HttpResponseMessage response = await Send(http);
        Assert.Equal("plain ü", await ApiHttp.ReadTextAsync(response, CancellationToken.None));

        HttpContent content = ApiHttp.JsonContent(new Service { Name = "n", Tier = Tier.Development }, SampleJson.Info<Service>());
        Assert.Equal("application/json; charset=utf-8", content.Headers.ContentType!.ToString());
        Assert.Equal("""{"name":"n","tier":"development"}""", await content.ReadAsStringAsync());
        Assert.NotNull(content.Headers.ContentLength);
    }

    [Fact]
    public async Task Activity_per_request_with_method_path_and_status()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ContractFirstDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) activities.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        var stub = new StubHandler((req, _) => new HttpResponseMessage(HttpStatusCode.NotFound));
        using HttpClient http = Client(stub);
        using HttpRequestMessage request = ApiHttp.CreateRequest(http, HttpMethod.Get, new UrlBuilder("/items/").AppendPath("7").AddQuery("api_key", Secret), null);
        using (await ApiHttp.SendAsync(http, request, "getItem", CancellationToken.None))
        {
        }

        Activity activity;
        lock (activities) activity = Assert.Single(activities, a => a.DisplayName == "getItem");
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("/v1/items/7", activity.GetTagItem("url.path"));
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.DoesNotContain(activity.TagObjects, t => t.Value?.ToString()?.Contains(Secret) == true);
    }

    private static void AssertNoSecret(ApiException ex)
    {
        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.DoesNotContain(Secret, ex.Message);
        Assert.DoesNotContain(Secret, ex.ResponseBody ?? string.Empty);
        Assert.DoesNotContain(ex.Headers, h => h.Value.Any(v => v.Contains(Secret)));
    }

    private sealed class TrackingStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }
        public bool Disposed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) { int n = base.Read(buffer, offset, count); BytesRead += n; return n; }
        public override int Read(Span<byte> buffer) { int n = base.Read(buffer); BytesRead += n; return n; }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
        protected override void Dispose(bool disposing) { Disposed = true; base.Dispose(disposing); }
    }
}
