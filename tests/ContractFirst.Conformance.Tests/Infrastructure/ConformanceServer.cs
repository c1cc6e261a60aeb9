using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Conformance.Tests.Infrastructure;

/// <summary>
/// The TestServer that both measurements (bodies and parameters) send their cases to: every generated server of one
/// compiled assembly registered and mapped under its prefix, and an exception that escapes it answered as the 500 that
/// Kestrel would send, with its message in a header for the report.
/// </summary>
internal static class ConformanceServer
{
    private const string ExceptionHeader = "X-Conformance-Exception";

    /// <summary>Starts the app. Each host is a generated <c>ConformanceHost</c> type with static <c>Add(IServiceCollection)</c> and <c>Map(IEndpointRouteBuilder, string)</c>.</summary>
    /// <param name="hosts">The host types and their route prefixes.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started app; dispose it when done.</returns>
    public static async Task<WebApplication> StartAsync(IReadOnlyList<(Type Host, string Prefix)> hosts, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        foreach (var (host, _) in hosts) Method(host, "Add").Invoke(null, new object[] { builder.Services });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.Clear();
                    context.Response.StatusCode = 500;
                    context.Response.Headers[ExceptionHeader] = Uri.EscapeDataString(e.GetType().Name + ": " + FirstLine(e.Message));
                }
            }
        });
        foreach (var (host, prefix) in hosts) Method(host, "Map").Invoke(null, new object[] { app, prefix });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    /// <summary>Sends one case: its status, and for an answer other than 2xx what the server said (or the exception's message).</summary>
    /// <param name="client">The app's test client.</param>
    /// <param name="request">The request.</param>
    /// <param name="errorText">Shortens an error body for the report.</param>
    /// <param name="cancellationToken">Stops the send.</param>
    /// <returns>The status and the detail.</returns>
    public static async Task<(int Status, string? Detail)> SendAsync(HttpClient client, HttpRequestMessage request, Func<string, string> errorText, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.Headers.TryGetValues(ExceptionHeader, out var values)) return (status, Uri.UnescapeDataString(values.First()));
            return (status, status >= 300 ? errorText(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) : null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // TestServer rethrows what escapes the pipeline: that is a 5xx too.
            return (500, e.GetType().Name + ": " + FirstLine(e.Message));
        }
    }

    /// <summary>The first line of a message, at most 300 characters.</summary>
    /// <param name="text">The message.</param>
    /// <returns>Its first line.</returns>
    public static string FirstLine(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        var line = end < 0 ? text : text.Substring(0, end);
        return line.Length <= 300 ? line : line.Substring(0, 300) + "…";
    }

    private static MethodInfo Method(Type host, string name) => host.GetMethod(name) ?? throw new InvalidOperationException($"{host} has no {name} method");
}
