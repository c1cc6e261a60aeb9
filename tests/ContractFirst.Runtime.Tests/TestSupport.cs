using System.Globalization;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContractFirst;
using ContractFirst.Json;

namespace ContractFirst.Runtime.Tests;

/// <summary>What the generator emits for a string enum.</summary>
public readonly struct Tier : IOpenEnum<Tier>, IEquatable<Tier>
{
    public Tier(string value) => Value = value;

    public static Tier Development => new("development");
    public static Tier Production => new("production");
    public static IReadOnlyList<string> KnownValues { get; } = ["development", "production"];

    public string Value { get; }
    public bool IsKnown => Value is "development" or "production";

    public static Tier FromWire(string value) => new(value);
    public static implicit operator Tier(string value) => new(value);
    public bool Equals(Tier other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is Tier other && Equals(other);
    public override int GetHashCode() => Value?.GetHashCode(StringComparison.Ordinal) ?? 0;
    public override string ToString() => Value;
}

/// <summary>What the generator emits for an integer enum.</summary>
public readonly struct Priority : IOpenIntEnum<Priority>
{
    public Priority(long value) => Value = value;
    public static IReadOnlyList<long> KnownValues { get; } = [1, 2, 3];
    public long Value { get; }
    public bool IsKnown => Value is >= 1 and <= 3;
    public static Priority FromWire(long value) => new(value);
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record Service
{
    public required string Name { get; set; }
    public required Tier Tier { get; set; }
    public int? Replicas { get; set; }
    public DateOnly? Created { get; set; }
    public double? Ratio { get; set; }
}

public sealed record ErrorBody(string Code, string Message, string? RequestId);

/// <summary>A converter of the shape the generator emits (by hand here, so the runtime is tested on its own).</summary>
public sealed class ServiceConverter : JsonConverter<Service>
{
    public override Service Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw JsonWire.Expected(ref reader, "an object", "Service", null);
        string? name = null;
        Tier? tier = null;
        int? replicas = null;
        DateOnly? created = null;
        double? ratio = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string property = reader.GetString()!;
            reader.Read();
            switch (property)
            {
                case "name": name = reader.GetString(); break;
                case "tier": tier = OpenEnumJsonConverter<Tier>.Instance.Read(ref reader, typeof(Tier), options); break;
                case "replicas": replicas = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32(); break;
                case "created": created = DateOnly.Parse(reader.GetString()!, CultureInfo.InvariantCulture); break;
                case "ratio": ratio = reader.GetDouble(); break;
                default: reader.Skip(); break;
            }
        }

        if (name is null || tier is null)
        {
            throw JsonWire.MissingRequired("Service", name is null ? "name" : null, tier is null ? "tier" : null);
        }

        return new Service { Name = name, Tier = tier.Value, Replicas = replicas, Created = created, Ratio = ratio };
    }

    public override void Write(Utf8JsonWriter writer, Service value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WritePropertyName("tier");
        OpenEnumJsonConverter<Tier>.Instance.Write(writer, value.Tier, options);
        if (value.Replicas is { } r) writer.WriteNumber("replicas", r);
        if (value.Created is { } c) writer.WriteString("created", c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (value.Ratio is { } ratio) writer.WriteNumber("ratio", ratio);
        writer.WriteEndObject();
    }
}

public sealed class ErrorBodyConverter : JsonConverter<ErrorBody>
{
    public override ErrorBody Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw JsonWire.Expected(ref reader, "an object", "Error", null);
        string? code = null, message = null, requestId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string property = reader.GetString()!;
            reader.Read();
            switch (property)
            {
                case "code": code = reader.GetString(); break;
                case "message": message = reader.GetString(); break;
                case "requestId": requestId = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        if (code is null || message is null)
        {
            throw JsonWire.MissingRequired("Error", code is null ? "code" : null, message is null ? "message" : null);
        }

        return new ErrorBody(code, message, requestId);
    }

    public override void Write(Utf8JsonWriter writer, ErrorBody value, JsonSerializerOptions options) => throw new NotSupportedException();
}

/// <summary>What the generator emits as the spec's resolver.</summary>
public sealed class SampleResolver : IJsonTypeInfoResolver
{
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(Service)) return ContractFirstJson.CreateValueInfo(options, new ServiceConverter());
        if (type == typeof(ErrorBody)) return ContractFirstJson.CreateValueInfo(options, new ErrorBodyConverter());
        if (type == typeof(Tier)) return ContractFirstJson.CreateValueInfo(options, OpenEnumJsonConverter<Tier>.Instance);
        if (type == typeof(Priority)) return ContractFirstJson.CreateValueInfo(options, OpenIntEnumJsonConverter<Priority>.Instance);
        if (type == typeof(List<Service>))
        {
            return JsonMetadataServices.CreateListInfo<List<Service>, Service>(options, new JsonCollectionInfoValues<List<Service>> { ObjectCreator = static () => [] });
        }

        if (type == typeof(Dictionary<Tier, int>))
        {
            return JsonMetadataServices.CreateDictionaryInfo<Dictionary<Tier, int>, Tier, int>(options, new JsonCollectionInfoValues<Dictionary<Tier, int>> { ObjectCreator = static () => [] });
        }

        if (type == typeof(Dictionary<Priority, string>))
        {
            return JsonMetadataServices.CreateDictionaryInfo<Dictionary<Priority, string>, Priority, string>(options, new JsonCollectionInfoValues<Dictionary<Priority, string>> { ObjectCreator = static () => [] });
        }

        return null;
    }
}

public static class SampleJson
{
    public static JsonSerializerOptions Options { get; } = ContractFirstJson.CreateOptions(new SampleResolver());

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

/// <summary>An HttpMessageHandler that answers from a function and records what it was sent.</summary>
public sealed class StubHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _calls;

    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
        : this((request, n, _) => Task.FromResult(respond(request, n)))
    {
    }

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        int n = Interlocked.Increment(ref _calls);
        return respond(request, n, cancellationToken);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string contentType = "application/json") =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, contentType) };
}

/// <summary>
/// A clock whose timers below <see cref="FireBelow"/> fire at once and are recorded, so that retry delays are observed
/// without waiting; longer timers (e.g. a total timeout) never fire.
/// </summary>
public sealed class InstantTimeProvider : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public TimeSpan FireBelow { get; set; } = TimeSpan.FromMinutes(10);

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime < FireBelow)
        {
            Delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => default;
    }
}
