using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>How a response body is read.</summary>
internal enum ReadKind
{
    /// <summary>No body: nothing is read.</summary>
    None,

    /// <summary>JSON, through the generated <c>{ClientName}Json.TypeInfo&lt;T&gt;()</c>.</summary>
    Json,

    /// <summary>Text, as a <see cref="string"/>.</summary>
    Text,

    /// <summary>Anything else (binary, or a schema with <c>format: binary</c>): a <c>Stream</c>, not buffered.</summary>
    Stream,
}

/// <summary>The shape of what an operation method returns.</summary>
internal enum ResultShape
{
    /// <summary>No success response has a body: <c>Task</c>.</summary>
    None,

    /// <summary>Every success response with a body has the same type: <c>Task&lt;T&gt;</c> (<c>T?</c> when some have none).</summary>
    Single,

    /// <summary>Success responses have different types: <c>Task&lt;{Operation}Result&gt;</c>, one property per status.</summary>
    Multiple,
}

/// <summary>
/// The responses of one operation, as the client method handles them. Success: the <c>2xx</c> responses (and
/// <c>default</c> when the spec declares no <c>2xx</c>). Failure: everything else, typed where the spec declares a JSON
/// body for the status, its range (<c>4XX</c>) or <c>default</c>.
/// </summary>
internal sealed class ResponsePlan
{
    private const string Http = "global::ContractFirst.Http.";

    private ResponsePlan(OperationModel op, string jsonClass)
    {
        JsonClass = jsonClass;
        Default = op.Responses.FirstOrDefault(r => r.IsDefault);
        Successes = op.Responses.Where(r => r.IsSuccess).ToList();
        if (Successes.Count == 0 && Default is not null)
        {
            DefaultIsSuccess = true;
            Successes.Add(Default);
        }

        Errors = op.Responses.Where(r => !r.IsSuccess && !r.IsDefault).ToList();
        var withBody = Successes.Where(r => KindOf(r) != ReadKind.None).ToList();
        var distinct = withBody.Select(ValueType).Distinct().ToList();
        Shape = distinct.Count switch
        {
            0 => ResultShape.None,
            1 => ResultShape.Single,
            _ => ResultShape.Multiple,
        };
        Primary = withBody.FirstOrDefault();
        NullableSingle = Shape == ResultShape.Single && Successes.Any(r => KindOf(r) == ReadKind.None);
        ReturnsStream = withBody.Any(r => KindOf(r) == ReadKind.Stream);
    }

    public string JsonClass { get; }

    public ResponseModel? Default { get; }

    /// <summary>True when the spec declares no 2xx response, so that <c>default</c> describes success (and failure).</summary>
    public bool DefaultIsSuccess { get; }

    public List<ResponseModel> Successes { get; }

    /// <summary>Failure responses with a status code or a range (not <c>default</c>).</summary>
    public List<ResponseModel> Errors { get; }

    public ResultShape Shape { get; }

    /// <summary>The first success response with a body.</summary>
    public ResponseModel? Primary { get; }

    /// <summary>Single shape where some success statuses carry no body: those return <see langword="null"/>.</summary>
    public bool NullableSingle { get; }

    /// <summary>Some success response is returned as a stream that owns the response.</summary>
    public bool ReturnsStream { get; }

    public static ResponsePlan For(OperationModel op, string jsonClass) => new(op, jsonClass);

    public static ReadKind KindOf(ResponseModel r)
    {
        if (r.Type is null) return ReadKind.None;
        if (r.Type.Primitive == PrimitiveKind.Stream) return ReadKind.Stream;
        return r.Kind switch
        {
            BodyKind.Json => ReadKind.Json,
            BodyKind.Text => ReadKind.Text,
            _ => ReadKind.Stream,
        };
    }

    /// <summary>The C# type of the value that a response with a body yields.</summary>
    public static string ValueType(ResponseModel r) => KindOf(r) switch
    {
        ReadKind.Json => r.Type!.CSharpType,
        ReadKind.Text => "string",
        _ => "global::System.IO.Stream",
    };

    /// <summary>The C# return type of the method (without <c>Task</c>), given the name of the result type for the multiple shape.</summary>
    public string? ReturnType(string? resultType) => Shape switch
    {
        ResultShape.None => null,
        ResultShape.Single => ValueType(Primary!) + (NullableSingle ? "?" : ""),
        _ => resultType,
    };

    /// <summary>An expression that reads the body of <paramref name="r"/> from the local <paramref name="response"/>.</summary>
    public string ReadExpression(ResponseModel r, string response) => KindOf(r) switch
    {
        ReadKind.Json => $"await {Http}ApiHttp.ReadJsonAsync({response}, {JsonClass}.TypeInfo<{r.Type!.CSharpType}>(), cancellationToken).ConfigureAwait(false)",
        ReadKind.Text => $"await {Http}ApiHttp.ReadTextAsync({response}, cancellationToken).ConfigureAwait(false)",
        ReadKind.Stream => $"await {Http}ApiHttp.ReadStreamAsync({response}, cancellationToken).ConfigureAwait(false)",
        _ => "default",
    };

    /// <summary>The typed error body of a failure response: a JSON body with a schema.</summary>
    public static string? ErrorType(ResponseModel? r) =>
        r is not null && KindOf(r) == ReadKind.Json ? r.Type!.CSharpType : null;

    /// <summary>What a status falls through to when it has no case of its own: its range, else <c>default</c>.</summary>
    public ResponseModel? RangeOrDefault(string status) =>
        Errors.FirstOrDefault(r => r.StatusCode.Length == 3 && r.StatusCode[0] == status[0] && r.StatusCode.EndsWith("XX", System.StringComparison.Ordinal))
        ?? Default;

    /// <summary>The ranges (<c>4XX</c>, <c>5XX</c>, …) of failure responses.</summary>
    public IEnumerable<ResponseModel> ErrorRanges => Errors.Where(r => r.StatusCode.EndsWith("XX", System.StringComparison.Ordinal));

    /// <summary>Failure responses with an exact status code.</summary>
    public IEnumerable<ResponseModel> ExactErrors => Errors.Where(r => !r.StatusCode.EndsWith("XX", System.StringComparison.Ordinal));

    /// <summary>The success responses with an exact status code.</summary>
    public IEnumerable<ResponseModel> ExactSuccesses => Successes.Where(r => IsExact(r.StatusCode));

    /// <summary>The success response that covers an undeclared 2xx status: <c>2XX</c>, else a success <c>default</c>.</summary>
    public ResponseModel? SuccessFallback =>
        Successes.FirstOrDefault(r => r.StatusCode == "2XX") ?? (DefaultIsSuccess ? Default : null);

    public static bool IsExact(string status) => status.Length == 3 && char.IsDigit(status[1]) && char.IsDigit(status[2]);
}
