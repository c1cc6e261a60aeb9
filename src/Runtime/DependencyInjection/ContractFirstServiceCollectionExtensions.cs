using System;
using System.Net.Http;
using ContractFirst.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContractFirst.DependencyInjection;

/// <summary>
/// Registration behind each generated <c>services.Add{ClientName}(…)</c>: options, a typed client through
/// <see cref="IHttpClientFactory"/>, and the retry and logging handlers. Trim and AOT safe: the client is created by
/// the generated factory delegate and options are read without the reflection binder.
/// </summary>
public static class ContractFirstServiceCollectionExtensions
{
    /// <summary>The category of the request log.</summary>
    public const string LoggerCategory = "ContractFirst.Client";

    /// <summary>
    /// Registers <typeparamref name="TClient"/> with its options. Order of configuration: <paramref name="configuration"/>
    /// (via <see cref="ContractFirstClientOptions.Bind"/>), then <paramref name="configure"/>. The client's
    /// <see cref="HttpClient.BaseAddress"/> is the options' <see cref="ContractFirstClientOptions.BaseAddress"/>. Handlers,
    /// outermost first: retry (<see cref="ContractFirstRetryHandler"/>, from <see cref="ContractFirstClientOptions.Retry"/>),
    /// then logging of each attempt (<see cref="ContractFirstLoggingHandler"/>). <see cref="IHttpClientFactory"/>'s
    /// own request loggers are removed (they log the full URI), and header values are redacted should one be added back.
    /// </summary>
    /// <typeparam name="TClient">The generated client.</typeparam>
    /// <typeparam name="TOptions">The generated options.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="factory">Creates the client, e.g. <c>(http, sp) =&gt; new MyClient(http, sp.GetRequiredService&lt;IOptions&lt;MyClientOptions&gt;&gt;().Value)</c>.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <param name="configuration">A configuration section to read options from.</param>
    /// <returns>The builder, to add handlers or policies of one's own.</returns>
    public static IHttpClientBuilder AddContractFirstClient<TClient, TOptions>(
        this IServiceCollection services,
        Func<HttpClient, IServiceProvider, TClient> factory,
        Action<TOptions>? configure = null,
        IConfiguration? configuration = null)
        where TClient : class
        where TOptions : ContractFirstClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);

        OptionsBuilder<TOptions> options = services.AddOptions<TOptions>();
        if (configuration is not null)
        {
            options.Configure(o => o.Bind(configuration));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        IHttpClientBuilder builder = services.AddHttpClient<TClient, TClient>(factory);
        builder.ConfigureHttpClient(static (sp, http) =>
        {
            if (sp.GetRequiredService<IOptions<TOptions>>().Value.BaseAddress is { } baseAddress)
            {
                http.BaseAddress = baseAddress;
            }
        });
        builder.AddHttpMessageHandler(static sp => new ContractFirstRetryHandler(
            sp.GetRequiredService<IOptions<TOptions>>().Value.Retry,
            sp.GetService<TimeProvider>(),
            CreateLogger(sp)));
        builder.AddHttpMessageHandler(static sp => new ContractFirstLoggingHandler(CreateLogger(sp)));
        // IHttpClientFactory's own loggers write the full URI, query included (an api key in the query would leak on
        // Microsoft.Extensions.Http 8), and header names: ContractFirstLoggingHandler replaces them with redacted logs.
        builder.RemoveAllLoggers();
        builder.RedactLoggedHeaders(static _ => true);
        return builder;
    }

    /// <summary>Registers <typeparamref name="TClient"/> with options read from <paramref name="configuration"/> and then set by <paramref name="configure"/>.</summary>
    /// <typeparam name="TClient">The generated client.</typeparam>
    /// <typeparam name="TOptions">The generated options.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <param name="factory">Creates the client.</param>
    /// <param name="configure">Sets options in code, after the configuration.</param>
    public static IHttpClientBuilder AddContractFirstClient<TClient, TOptions>(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<HttpClient, IServiceProvider, TClient> factory,
        Action<TOptions>? configure = null)
        where TClient : class
        where TOptions : ContractFirstClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddContractFirstClient(factory, configure, configuration);
    }

    private static ILogger CreateLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
}
