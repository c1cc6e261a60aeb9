using System;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace ContractFirst.Http;

/// <summary>
/// The failure responses of an operation, as its spec declares them: which error body (if any) each failure status
/// carries. An exact status wins over its range (<c>4XX</c>), which wins over <c>default</c>; a status with a declared
/// JSON body becomes an <see cref="ApiException{TError}"/>, any other a plain <see cref="ApiException"/>. Instances are
/// immutable: each <c>On…</c> call returns a new one, so generated clients build them once, as static fields, and
/// operations with the same failures share one.
/// </summary>
/// <example><code>
/// private static readonly ErrorResponses ErrorOn400Or404 = ErrorResponses.Untyped.On(ApiJson.TypeInfo&lt;Error&gt;(), 400, 404);
/// </code></example>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ErrorResponses
{
    private readonly (int Status, ErrorBody? Body)[] _statuses;
    private readonly (int Hundreds, ErrorBody? Body)[] _ranges;
    private readonly ErrorBody? _default;

    private ErrorResponses((int, ErrorBody?)[] statuses, (int, ErrorBody?)[] ranges, ErrorBody? otherwise)
    {
        _statuses = statuses;
        _ranges = ranges;
        _default = otherwise;
    }

    /// <summary>No failure declares a body: every failure is a plain <see cref="ApiException"/> with the body as text.</summary>
    public static ErrorResponses Untyped { get; } = new([], [], null);

    /// <summary>Every failure (<c>default</c>) declares <typeparamref name="TError"/> as its body.</summary>
    /// <typeparam name="TError">The error model.</typeparam>
    /// <param name="body">Its generated metadata.</param>
    public static ErrorResponses Otherwise<TError>(JsonTypeInfo<TError> body) => new([], [], new ErrorBody<TError>(body));

    /// <summary>These statuses declare <typeparamref name="TError"/> as their body.</summary>
    /// <typeparam name="TError">The error model.</typeparam>
    /// <param name="body">Its generated metadata.</param>
    /// <param name="statuses">The status codes.</param>
    public ErrorResponses On<TError>(JsonTypeInfo<TError> body, params int[] statuses) => WithStatuses(new ErrorBody<TError>(body), statuses);

    /// <summary>These statuses declare no JSON body (although their range or <c>default</c> does).</summary>
    /// <param name="statuses">The status codes.</param>
    public ErrorResponses OnUntyped(params int[] statuses) => WithStatuses(null, statuses);

    /// <summary>A range of statuses (<c>4XX</c> is <paramref name="hundreds"/> 4) declares <typeparamref name="TError"/> as its body.</summary>
    /// <typeparam name="TError">The error model.</typeparam>
    /// <param name="hundreds">The first digit of the range.</param>
    /// <param name="body">Its generated metadata.</param>
    public ErrorResponses OnRange<TError>(int hundreds, JsonTypeInfo<TError> body) => WithRange(hundreds, new ErrorBody<TError>(body));

    /// <summary>A range of statuses (<c>4XX</c> is <paramref name="hundreds"/> 4) declares no JSON body (although <c>default</c> does).</summary>
    /// <param name="hundreds">The first digit of the range.</param>
    public ErrorResponses OnRangeUntyped(int hundreds) => WithRange(hundreds, null);

    /// <summary>Creates the exception for a failure response; reads its body. Does not dispose the response.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public Task<ApiException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ErrorBody? body = Find((int)response.StatusCode);
        return body is null ? ApiHttp.CreateExceptionAsync(response, cancellationToken) : body.CreateExceptionAsync(response, cancellationToken);
    }

    private ErrorBody? Find(int status)
    {
        foreach ((int code, ErrorBody? body) in _statuses)
        {
            if (code == status)
            {
                return body;
            }
        }

        foreach ((int hundreds, ErrorBody? body) in _ranges)
        {
            if (status / 100 == hundreds)
            {
                return body;
            }
        }

        return _default;
    }

    private ErrorResponses WithStatuses(ErrorBody? body, int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var all = new (int, ErrorBody?)[_statuses.Length + statuses.Length];
        _statuses.CopyTo(all, 0);
        for (int i = 0; i < statuses.Length; i++)
        {
            all[_statuses.Length + i] = (statuses[i], body);
        }

        return new ErrorResponses(all, _ranges, _default);
    }

    private ErrorResponses WithRange(int hundreds, ErrorBody? body)
    {
        var all = new (int, ErrorBody?)[_ranges.Length + 1];
        _ranges.CopyTo(all, 0);
        all[_ranges.Length] = (hundreds, body);
        return new ErrorResponses(_statuses, all, _default);
    }

    private abstract class ErrorBody
    {
        public abstract Task<ApiException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken);
    }

    private sealed class ErrorBody<TError>(JsonTypeInfo<TError> typeInfo) : ErrorBody
    {
        private readonly JsonTypeInfo<TError> _typeInfo = typeInfo ?? throw new ArgumentNullException(nameof(typeInfo));

        public override Task<ApiException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
            ApiHttp.CreateExceptionAsync(response, _typeInfo, cancellationToken);
    }
}
