using System.Text;
using System.Text.Json;
using ContractFirst.Http;

namespace ContractFirst.Runtime.Tests;

/// <summary>
/// ApiCall and ErrorResponses: the half of a generated operation that the runtime compiles once. Which exception a
/// failure status becomes (exact status, then its range, then default), what a 2xx yields, and that the request and
/// the response are disposed exactly when the caller no longer needs them.
/// </summary>
public class ApiCallTests
{
    private const string ErrorJson = """{"code":"E1","message":"broken","requestId":"r-1"}""";

    private static HttpClient Client(StubHandler stub) => new(stub) { BaseAddress = new Uri("https://api.example.com/") };

    private static HttpRequestMessage Request(HttpClient http, TrackingContent? content = null)
    {
        HttpRequestMessage request = ApiHttp.CreateRequest(http, HttpMethod.Post, new UrlBuilder("/services"));
        request.Content = content;
        return request;
    }

    private static StubHandler Answer(int status, string body, string contentType = "application/json") =>
        new((_, _) => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    // 400 and 409 declare ErrorBody; 404 declares no body although 4XX does; 4XX declares ErrorBody; default declares none.
    private static readonly ErrorResponses Mixed = ErrorResponses.Untyped
        .OnRange(4, SampleJson.Info<ErrorBody>())
        .On(SampleJson.Info<ErrorBody>(), 400, 409)
        .OnUntyped(404);

    [Theory]
    [InlineData(400, true)]  // exact, typed
    [InlineData(404, false)] // exact, untyped, wins over its typed range
    [InlineData(422, true)]  // no exact entry: its range
    [InlineData(500, false)] // no exact entry, no range: default
    public async Task A_failure_status_throws_what_its_most_specific_response_declares(int status, bool typed)
    {
        using HttpClient http = Client(Answer(status, ErrorJson));
        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => ApiCall.SendForJsonAsync(http, Request(http), "createService", SampleJson.Info<Service>(), Mixed, CancellationToken.None));
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(ErrorJson, ex.ResponseBody);
        if (typed)
        {
            Assert.Equal("E1", Assert.IsType<ApiException<ErrorBody>>(ex).Error.Code);
        }
        else
        {
            Assert.IsType<ApiException>(ex);
        }
    }

    [Fact]
    public async Task A_typed_default_applies_to_every_status_without_an_entry()
    {
        ErrorResponses errors = ErrorResponses.Otherwise(SampleJson.Info<ErrorBody>()).OnRangeUntyped(5);
        using HttpClient http = Client(Answer(418, ErrorJson));
        var typed = await Assert.ThrowsAsync<ApiException<ErrorBody>>(() => ApiCall.SendAsync(http, Request(http), null, errors, CancellationToken.None));
        Assert.Equal("broken", typed.Error.Message);

        using HttpClient http5 = Client(Answer(503, ErrorJson));
        Assert.IsType<ApiException>(await Assert.ThrowsAnyAsync<ApiException>(() => ApiCall.SendAsync(http5, Request(http5), null, errors, CancellationToken.None)));
    }

    [Fact]
    public async Task Each_On_call_returns_a_new_map_and_leaves_the_one_it_started_from_as_it_was()
    {
        ErrorResponses typed = ErrorResponses.Untyped.On(SampleJson.Info<ErrorBody>(), 400);
        using HttpClient http = Client(Answer(400, ErrorJson));
        Assert.IsType<ApiException>(await Assert.ThrowsAnyAsync<ApiException>(() => ApiCall.SendAsync(http, Request(http), null, ErrorResponses.Untyped, CancellationToken.None)));
        Assert.IsType<ApiException<ErrorBody>>(await Assert.ThrowsAnyAsync<ApiException>(() => ApiCall.SendAsync(http, Request(http), null, typed, CancellationToken.None)));
    }

    [Fact]
    public async Task A_2xx_yields_the_body_read_as_declared()
    {
        using HttpClient json = Client(Answer(201, """{"name":"s1","tier":"production"}"""));
        Service service = await ApiCall.SendForJsonAsync(json, Request(json), "createService", SampleJson.Info<Service>(), ErrorResponses.Untyped, CancellationToken.None);
        Assert.Equal("s1", service.Name);

        using HttpClient text = Client(Answer(200, "plain words", "text/plain"));
        Assert.Equal("plain words", await ApiCall.SendForTextAsync(text, Request(text), null, ErrorResponses.Untyped, CancellationToken.None));

        // No body declared: any 2xx completes, whatever came.
        using HttpClient none = Client(Answer(202, "ignored"));
        await ApiCall.SendAsync(none, Request(none), null, ErrorResponses.Untyped, CancellationToken.None);

        // A 2xx body that does not match is still an UnexpectedResponseException, as from ApiHttp.ReadJsonAsync.
        using HttpClient bad = Client(Answer(200, """{"tier":"production"}"""));
        await Assert.ThrowsAsync<UnexpectedResponseException>(() => ApiCall.SendForJsonAsync(bad, Request(bad), null, SampleJson.Info<Service>(), ErrorResponses.Untyped, CancellationToken.None));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task The_request_and_its_content_are_disposed_whatever_the_outcome(int status)
    {
        using HttpClient http = Client(Answer(status, """{"name":"s1","tier":"production"}"""));
        var content = new TrackingContent();
        try
        {
            await ApiCall.SendForJsonAsync(http, Request(http, content), null, SampleJson.Info<Service>(), ErrorResponses.Untyped, CancellationToken.None);
        }
        catch (ApiException)
        {
            Assert.Equal(500, status);
        }

        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task A_stream_owns_the_response_until_the_caller_disposes_it_and_a_failure_disposes_it_at_once()
    {
        var body = new TrackingContent("binary bytes");
        using HttpClient http = Client(new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = body }));
        Stream stream = await ApiCall.SendForStreamAsync(http, Request(http), null, ErrorResponses.Untyped, CancellationToken.None);
        Assert.False(body.Disposed);
        Assert.Equal("binary bytes", await new StreamReader(stream).ReadToEndAsync());
        await stream.DisposeAsync();
        Assert.True(body.Disposed);

        var failed = new TrackingContent(ErrorJson);
        using HttpClient http500 = Client(new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = failed }));
        await Assert.ThrowsAnyAsync<ApiException>(() => ApiCall.SendForStreamAsync(http500, Request(http500), null, ErrorResponses.Untyped, CancellationToken.None));
        Assert.True(failed.Disposed);
    }

    /// <summary>Content that records whether it was disposed.</summary>
    private sealed class TrackingContent(string text = "") : HttpContent
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_bytes));

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
