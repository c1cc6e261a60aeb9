using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace ContractFirst.Http;

/// <summary>
/// Settings of a generated client; each generated <c>{ClientName}Options</c> derives from it. Secrets
/// (<see cref="BearerToken"/>, <see cref="Password"/>, <see cref="ApiKey"/>, header values) never appear in
/// <see cref="ToString"/>, in logs or in exceptions.
/// </summary>
public class ContractFirstClientOptions
{
    private const string Redacted = "***";

    /// <summary>The API's base address; overrides <see cref="System.Net.Http.HttpClient.BaseAddress"/> when set.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The token for <c>http</c> <c>bearer</c> security schemes (sent as <c>Authorization: Bearer …</c>).</summary>
    public string? BearerToken { get; set; }

    /// <summary>The user name for <c>http</c> <c>basic</c> security schemes.</summary>
    public string? Username { get; set; }

    /// <summary>The password for <c>http</c> <c>basic</c> security schemes.</summary>
    public string? Password { get; set; }

    /// <summary>The key for <c>apiKey</c> security schemes, sent in the header, query parameter or cookie the scheme names.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Headers sent with every request, e.g. <c>X-Workspace-Id</c>.</summary>
    public IDictionary<string, string> DefaultHeaders { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the client checks requests against the spec's constraints before sending them (default true).</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>How transient failures of idempotent requests are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Reads the settings from a configuration section without the reflection binder (trim and AOT safe). Keys:
    /// <c>BaseAddress</c>, <c>BearerToken</c>, <c>Username</c>, <c>Password</c>, <c>ApiKey</c>, <c>ValidateRequests</c>,
    /// <c>DefaultHeaders:{Name}</c>, and <c>Retry:Enabled</c>, <c>Retry:MaxRetryAttempts</c>, <c>Retry:BaseDelay</c>,
    /// <c>Retry:MaxDelay</c>, <c>Retry:TotalTimeout</c>, <c>Retry:UseJitter</c> (time spans as <c>hh:mm:ss</c>).
    /// Keys that are absent leave the current value. Derived options override it to read keys of their own.
    /// </summary>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("ClickHouseCloud")</c>.</param>
    /// <exception cref="InvalidOperationException">A value cannot be converted; the message names the key, never the value.</exception>
    public virtual void Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[nameof(BaseAddress)] is { Length: > 0 } baseAddress)
        {
            BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri) ? uri : throw Invalid(configuration, nameof(BaseAddress), "an absolute URI");
        }

        BearerToken = configuration[nameof(BearerToken)] ?? BearerToken;
        Username = configuration[nameof(Username)] ?? Username;
        Password = configuration[nameof(Password)] ?? Password;
        ApiKey = configuration[nameof(ApiKey)] ?? ApiKey;
        ValidateRequests = ReadBool(configuration, nameof(ValidateRequests), ValidateRequests);
        foreach (IConfigurationSection header in configuration.GetSection(nameof(DefaultHeaders)).GetChildren())
        {
            if (header.Value is { } value)
            {
                DefaultHeaders[header.Key] = value;
            }
        }

        IConfigurationSection retry = configuration.GetSection(nameof(Retry));
        Retry.Enabled = ReadBool(retry, nameof(RetryOptions.Enabled), Retry.Enabled);
        Retry.UseJitter = ReadBool(retry, nameof(RetryOptions.UseJitter), Retry.UseJitter);
        if (retry[nameof(RetryOptions.MaxRetryAttempts)] is { Length: > 0 } attempts)
        {
            Retry.MaxRetryAttempts = int.TryParse(attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0
                ? n
                : throw Invalid(retry, nameof(RetryOptions.MaxRetryAttempts), "a non-negative integer");
        }

        Retry.BaseDelay = ReadTimeSpan(retry, nameof(RetryOptions.BaseDelay)) ?? Retry.BaseDelay;
        Retry.MaxDelay = ReadTimeSpan(retry, nameof(RetryOptions.MaxDelay)) ?? Retry.MaxDelay;
        Retry.TotalTimeout = ReadTimeSpan(retry, nameof(RetryOptions.TotalTimeout)) ?? Retry.TotalTimeout;
    }

    /// <summary>The settings with every secret redacted.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(GetType().Name).Append(" { ");
        sb.Append("BaseAddress = ").Append(BaseAddress?.GetLeftPart(UriPartial.Path) ?? "(null)");
        sb.Append(", BearerToken = ").Append(Secret(BearerToken));
        sb.Append(", Username = ").Append(Username ?? "(null)");
        sb.Append(", Password = ").Append(Secret(Password));
        sb.Append(", ApiKey = ").Append(Secret(ApiKey));
        sb.Append(", DefaultHeaders = [").AppendJoin(", ", DefaultHeaders.Keys).Append(']');
        sb.Append(", ValidateRequests = ").Append(ValidateRequests ? "true" : "false");
        sb.Append(", Retry = ").Append(Retry);
        return sb.Append(" }").ToString();
    }

    private static string Secret(string? value) => value is null ? "(null)" : Redacted;

    private static bool ReadBool(IConfiguration section, string key, bool current) => section[key] switch
    {
        null or "" => current,
        { } text when bool.TryParse(text, out bool value) => value,
        _ => throw Invalid(section, key, "true or false"),
    };

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key) => section[key] switch
    {
        null or "" => null,
        { } text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) && value >= TimeSpan.Zero => value,
        _ => throw Invalid(section, key, "a non-negative time span (hh:mm:ss)"),
    };

    private static InvalidOperationException Invalid(IConfiguration section, string key, string expected)
    {
        string path = section is IConfigurationSection s ? s.Path + ":" + key : key;
        return new InvalidOperationException($"The configuration value '{path}' must be {expected}.");
    }
}

/// <summary>
/// Retries of transient failures: only for idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE), on 408, 429,
/// 502, 503, 504 and network errors, with exponential back-off, honouring <c>Retry-After</c> up to <see cref="MaxDelay"/>.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Whether retries happen at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt (default 3; 0 turns retrying off).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first back-off delay; it doubles with each retry (default 0.5 s).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single delay, also the cap for a server's <c>Retry-After</c> (default 30 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The budget for a request with all its retries and delays (default 100 s, like <see cref="System.Net.Http.HttpClient.Timeout"/>);
    /// <see langword="null"/> for none. When it runs out the request fails with a <see cref="System.Threading.Tasks.TaskCanceledException"/>
    /// whose inner exception is a <see cref="TimeoutException"/>, as an <see cref="System.Net.Http.HttpClient"/> timeout does.
    /// </summary>
    public TimeSpan? TotalTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Whether back-off delays are randomised (decorrelated jitter) to spread retries of many clients (default true).</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The settings, for diagnostics.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{{ Enabled = {Enabled}, MaxRetryAttempts = {MaxRetryAttempts}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, TotalTimeout = {TotalTimeout?.ToString() ?? "(none)"}, UseJitter = {UseJitter} }}");
}
