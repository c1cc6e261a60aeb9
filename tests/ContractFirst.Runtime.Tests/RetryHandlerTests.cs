using System.Net.Http.Headers;
using ContractFirst.Http;

namespace ContractFirst.Runtime.Tests;

public class RetryHandlerTests
{
    private static (HttpClient Client, StubHandler Stub, InstantTimeProvider Clock) Create(
        Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond,
        Action<RetryOptions>? configure = null)
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), UseJitter = false, TotalTimeout = null };
        configure?.Invoke(options);
        var clock = new InstantTimeProvider();
        var stub = new StubHandler(respond);
        var handler = new ContractFirstRetryHandler(options, clock) { InnerHandler = stub };
        return (new HttpClient(handler) { BaseAddress = new Uri("https://h/") }, stub, clock);
    }

    private static Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> Statuses(params HttpStatusCode[] statuses) =>
        (_, n, _) => Task.FromResult(new HttpResponseMessage(statuses[Math.Min(n, statuses.Length) - 1]));

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    public async Task Idempotent_methods_are_retried_on_transient_statuses(string method)
    {
        var (client, stub, clock) = Create(Statuses(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK));
        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "x"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, stub.Calls);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], clock.Delays);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task Non_idempotent_methods_are_never_retried(string method)
    {
        var (client, stub, _) = Create(Statuses(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK));
        using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "x") { Content = new StringContent("{}") });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, 2)]
    [InlineData(HttpStatusCode.TooManyRequests, 2)]
    [InlineData(HttpStatusCode.GatewayTimeout, 2)]
    [InlineData(HttpStatusCode.InternalServerError, 1)]
    [InlineData(HttpStatusCode.NotFound, 1)]
    [InlineData(HttpStatusCode.BadRequest, 1)]
    public async Task Only_transient_statuses_are_retried(HttpStatusCode first, int expectedCalls)
    {
        var (client, stub, _) = Create(Statuses(first, HttpStatusCode.OK));
        using HttpResponseMessage _ = await client.GetAsync("x");
        Assert.Equal(expectedCalls, stub.Calls);
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_last_response_is_returned()
    {
        var (client, stub, clock) = Create(Statuses(HttpStatusCode.ServiceUnavailable), o => o.MaxRetryAttempts = 2);
        using HttpResponseMessage response = await client.GetAsync("x");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, stub.Calls);
        Assert.Equal(2, clock.Delays.Count);
    }

    [Fact]
    public async Task Retry_after_delta_seconds_is_honoured_and_capped()
    {
        var (client, stub, clock) = Create((_, n, _) =>
        {
            var r = new HttpResponseMessage(n < 3 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK);
            if (n == 1) r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
            if (n == 2) r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120));
            return Task.FromResult(r);
        });
        using HttpResponseMessage response = await client.GetAsync("x");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)], clock.Delays);
    }

    [Fact]
    public async Task Retry_after_http_date_is_honoured()
    {
        InstantTimeProvider? clockRef = null;
        var (client, stub, clock) = Create((_, n, _) =>
        {
            var r = new HttpResponseMessage(n == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
            if (n == 1) r.Headers.RetryAfter = new RetryConditionHeaderValue(clockRef!.Now.AddSeconds(7));
            return Task.FromResult(r);
        });
        clockRef = clock;
        using HttpResponseMessage response = await client.GetAsync("x");
        Assert.Equal(2, stub.Calls);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Delays);
    }

    [Fact]
    public async Task Network_errors_and_attempt_timeouts_are_retried()
    {
        var (client, stub, _) = Create((_, n, _) => n switch
        {
            1 => throw new HttpRequestException("connection refused"),
            2 => throw new TaskCanceledException("attempt timed out", new TimeoutException()),
            _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)),
        });
        using HttpResponseMessage response = await client.GetAsync("x");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, stub.Calls);
    }

    [Fact]
    public async Task Caller_cancellation_is_never_retried()
    {
        using var cts = new CancellationTokenSource();
        var (client, stub, _) = Create((_, _, token) =>
        {
            cts.Cancel();
            token.ThrowIfCancellationRequested();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("x", cts.Token));
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Exhausted_network_errors_surface_the_exception()
    {
        var (client, stub, _) = Create((_, _, _) => throw new HttpRequestException("down"), o => o.MaxRetryAttempts = 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("x"));
        Assert.Equal(2, stub.Calls);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    public async Task Can_be_switched_off(bool enabled, int attempts)
    {
        var (client, stub, _) = Create(Statuses(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), o => { o.Enabled = enabled; o.MaxRetryAttempts = attempts; });
        using HttpResponseMessage response = await client.GetAsync("x");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Total_budget_bounds_the_whole_sequence(string method)
    {
        // Real clock, tiny numbers: each attempt hangs until cancelled; the budget ends it.
        var options = new RetryOptions { TotalTimeout = TimeSpan.FromMilliseconds(300), BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false };
        var stub = new StubHandler(async (_, _, token) => { await Task.Delay(Timeout.Infinite, token); return new HttpResponseMessage(HttpStatusCode.OK); });
        using var client = new HttpClient(new ContractFirstRetryHandler(options) { InnerHandler = stub }) { BaseAddress = new Uri("https://h/") };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "x")));
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(1, stub.Calls); // the budget's own cancellation is not a transient failure
    }

    [Fact]
    public async Task Request_bodies_are_resent_on_retry()
    {
        var bodies = new List<string>();
        var (client, _, _) = Create(async (request, n, _) =>
        {
            bodies.Add(await request.Content!.ReadAsStringAsync());
            return new HttpResponseMessage(n == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.OK);
        });
        using HttpResponseMessage response = await client.PutAsync("x", ApiHttp.JsonContent(new Service { Name = "a", Tier = "b" }, SampleJson.Info<Service>()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
    }
}
