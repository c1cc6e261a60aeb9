using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Client.Tests;

/// <summary>What the client put on the wire: captured before the handler answers, body included.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An in-process server: records every request and answers from a script. No network.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, HttpResponseMessage> _respond;

    public RecordingHandler(Func<RecordedRequest, int, HttpResponseMessage> respond) => _respond = respond;

    public RecordingHandler(Func<HttpResponseMessage> respond) : this((_, _) => respond())
    {
    }

    public List<RecordedRequest> Requests { get; } = new();

    public RecordedRequest Single => Assert.Single(Requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) headers[header.Key] = string.Join(", ", header.Value);
        byte[] body = [];
        string? contentType = null;
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers) headers[header.Key] = string.Join(", ", header.Value);
            contentType = request.Content.Headers.ContentType?.ToString();
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, contentType, body);
        lock (Requests) Requests.Add(recorded);
        var response = _respond(recorded, Requests.Count);
        response.RequestMessage = request;
        return response;
    }
}

public static class Responses
{
    public static HttpResponseMessage Json(HttpStatusCode status, string json, string contentType = "application/json")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8) };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return response;
    }

    public static HttpResponseMessage Json(string json) => Json(HttpStatusCode.OK, json);

    public static HttpResponseMessage Text(HttpStatusCode status, string text, string contentType = "text/plain")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8) };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return response;
    }

    public static HttpResponseMessage Empty(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };
}

/// <summary>Collects every log line (message and exception text) of every category.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join("\n", Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs) owner.Lines.Enqueue($"  {pair.Key}={pair.Value}");
            }
        }
    }
}

public static class Clients
{
    public const string BearerToken = "tok-SECRET-7f3a9";
    public const string Password = "pw-SECRET-c81d";

    public static Miget.MigetClient Miget(RecordingHandler handler, Action<Miget.MigetClientOptions>? configure = null)
    {
        var options = new Miget.MigetClientOptions { BaseAddress = new Uri("https://app.miget.test"), BearerToken = BearerToken };
        options.DefaultHeaders["X-Workspace-Id"] = "ws-42";
        configure?.Invoke(options);
        return new Miget.MigetClient(new HttpClient(handler), options);
    }

    public static ClickHouse.Cloud.ClickHouseCloudClient ClickHouse(RecordingHandler handler, Action<ClickHouse.Cloud.ClickHouseCloudClientOptions>? configure = null)
    {
        var options = new ClickHouse.Cloud.ClickHouseCloudClientOptions { BaseAddress = new Uri("https://api.clickhouse.test/"), Username = "key-id", Password = Password };
        configure?.Invoke(options);
        return new ClickHouse.Cloud.ClickHouseCloudClient(new HttpClient(handler), options);
    }

    public static Bridgeport.BridgeportClient Bridgeport(RecordingHandler handler, Action<Bridgeport.BridgeportClientOptions>? configure = null)
    {
        var options = new Bridgeport.BridgeportClientOptions { BaseAddress = new Uri("https://bridgeport.test/base"), BearerToken = BearerToken };
        configure?.Invoke(options);
        return new Bridgeport.BridgeportClient(new HttpClient(handler), options);
    }

    public static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
}
