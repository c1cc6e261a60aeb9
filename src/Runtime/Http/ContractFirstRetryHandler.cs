using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ContractFirst.Http;

/// <summary>
/// Retries transient failures of idempotent requests with a Polly pipeline: only GET, HEAD, OPTIONS, PUT, DELETE and
/// TRACE; on 408, 429, 502, 503, 504, on <see cref="HttpRequestException"/> and on timeouts that are not the caller's
/// cancellation. Honours <c>Retry-After</c> (seconds or HTTP date) up to <see cref="RetryOptions.MaxDelay"/>, and bounds
/// every request (retried or not) with all its attempts and delays by <see cref="RetryOptions.TotalTimeout"/>. Requests with a body are re-sent with the same content,
/// which must be re-readable (as <see cref="ApiHttp.JsonContent{T}"/> is).
/// </summary>
public sealed partial class ContractFirstRetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("ContractFirst.Request");

    private readonly ResiliencePipeline<HttpResponseMessage>? _pipeline;
    private readonly TimeSpan? _totalTimeout;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">The retry settings; <see cref="RetryOptions.Enabled"/> false or no attempts make the handler pass requests through.</param>
    /// <param name="timeProvider">The clock for delays and timeouts (tests pass a fake); <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Where retries are logged (method, path and status only).</param>
    public ContractFirstRetryHandler(RetryOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? NullLogger.Instance;
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        _totalTimeout = options.TotalTimeout;
        if (!options.Enabled || (options.MaxRetryAttempts <= 0 && options.TotalTimeout is null))
        {
            return;
        }

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (options.TotalTimeout is { } total)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = total });
        }

        if (options.MaxRetryAttempts > 0)
        {
            TimeSpan maxDelay = options.MaxDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = static args => new ValueTask<bool>(
                    args.Context.Properties.GetValue(RequestKey, null!) is { } request
                    && IsIdempotent(request.Method)
                    && IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, clock, maxDelay)),
                OnRetry = args =>
                {
                    HttpRequestMessage? request = args.Context.Properties.GetValue(RequestKey, null!);
                    string method = request?.Method.Method ?? "-";
                    string path = LoggingPath.Redact(request?.RequestUri);
                    if (args.Outcome.Result is { } response)
                    {
                        LogRetry(_logger, method, path, (int)response.StatusCode, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    }
                    else
                    {
                        LogRetryAfterException(_logger, method, path, args.Outcome.Exception?.GetType().Name ?? "-", args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>True for the methods this handler retries: GET, HEAD, OPTIONS, PUT, DELETE, TRACE.</summary>
    /// <param name="method">The method.</param>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>True for the statuses this handler retries: 408, 429, 502, 503, 504.</summary>
    /// <param name="status">The status code.</param>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Non-idempotent requests go through the pipeline too, for the total budget; ShouldHandle never retries them.
        if (_pipeline is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            // Surface the budget like HttpClient.Timeout does, without exposing Polly's types to callers.
            throw new TaskCanceledException(
                $"The request did not complete within its total budget of {_totalTimeout?.TotalSeconds:0.###} seconds, retries included.",
                new TimeoutException(ex.Message, ex));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken token) => outcome switch
    {
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        { Exception: HttpRequestException } => true,
        { Exception: TimeoutRejectedException } => true,
        // A timeout inside the attempt (e.g. a per-attempt handler) rather than the caller's (or the budget's) cancellation.
        { Exception: OperationCanceledException } => !token.IsCancellationRequested,
        _ => false,
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock, TimeSpan maxDelay)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null; // Polly's exponential back-off.
        }

        TimeSpan delay = retryAfter.Delta
            ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : TimeSpan.Zero);
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > maxDelay ? maxDelay : delay;
    }

    [LoggerMessage(EventId = 2101, EventName = "ContractFirstRetry", Level = LogLevel.Warning,
        Message = "Retrying {Method} {Path} after status {StatusCode} (retry {Attempt}) in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, string path, int statusCode, int attempt, double delayMs);

    [LoggerMessage(EventId = 2102, EventName = "ContractFirstRetryAfterError", Level = LogLevel.Warning,
        Message = "Retrying {Method} {Path} after {ExceptionType} (retry {Attempt}) in {DelayMs} ms")]
    private static partial void LogRetryAfterException(ILogger logger, string method, string path, string exceptionType, int attempt, double delayMs);
}
