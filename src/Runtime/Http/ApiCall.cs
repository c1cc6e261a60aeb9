using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace ContractFirst.Http;

/// <summary>
/// The second half of a generated operation method, compiled once here instead of once per operation: send the
/// request that the method built, read a 2xx body the one way the operation declares, and turn any other status into
/// the exception that <see cref="ErrorResponses"/> describes. Each method owns the request: it disposes it (and its
/// content) when the call ends, whatever happens.
/// </summary>
/// <example><code>
/// HttpRequestMessage request = ApiHttp.CreateRequest(_http, HttpMethod.Get, url, _options);
/// return ApiCall.SendForJsonAsync(_http, request, "getService", ApiJson.TypeInfo&lt;Service&gt;(), ErrorOn404, cancellationToken);
/// </code></example>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiCall
{
    /// <summary>Sends the request; any 2xx completes, whatever its body.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request (disposed here).</param>
    /// <param name="operationId">The spec's operation id (see <see cref="ApiHttp.SendAsync(HttpClient, HttpRequestMessage, string?, CancellationToken)"/>).</param>
    /// <param name="errors">The operation's failure responses.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task SendAsync(HttpClient client, HttpRequestMessage request, string? operationId, ErrorResponses errors, CancellationToken cancellationToken)
    {
        using (request)
        {
            using HttpResponseMessage response = await ApiHttp.SendAsync(client, request, operationId, cancellationToken).ConfigureAwait(false);
            if (!IsSuccess(response))
            {
                throw await errors.CreateExceptionAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends the request; a 2xx body is JSON for <typeparamref name="T"/> (see <see cref="ApiHttp.ReadJsonAsync{T}"/>).</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="request">The request (disposed here).</param>
    /// <param name="operationId">The spec's operation id.</param>
    /// <param name="typeInfo">The body type's generated metadata.</param>
    /// <param name="errors">The operation's failure responses.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<T> SendForJsonAsync<T>(HttpClient client, HttpRequestMessage request, string? operationId, JsonTypeInfo<T> typeInfo, ErrorResponses errors, CancellationToken cancellationToken)
    {
        using (request)
        {
            using HttpResponseMessage response = await ApiHttp.SendAsync(client, request, operationId, cancellationToken).ConfigureAwait(false);
            if (IsSuccess(response))
            {
                return await ApiHttp.ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
            }

            throw await errors.CreateExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request; a 2xx body is text (see <see cref="ApiHttp.ReadTextAsync"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request (disposed here).</param>
    /// <param name="operationId">The spec's operation id.</param>
    /// <param name="errors">The operation's failure responses.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<string> SendForTextAsync(HttpClient client, HttpRequestMessage request, string? operationId, ErrorResponses errors, CancellationToken cancellationToken)
    {
        using (request)
        {
            using HttpResponseMessage response = await ApiHttp.SendAsync(client, request, operationId, cancellationToken).ConfigureAwait(false);
            if (IsSuccess(response))
            {
                return await ApiHttp.ReadTextAsync(response, cancellationToken).ConfigureAwait(false);
            }

            throw await errors.CreateExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the request; a 2xx body comes back as a stream that is not buffered and owns the response (see
    /// <see cref="ApiHttp.ReadStreamAsync"/>): the caller disposes it. Any other outcome disposes the response here.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request (disposed here).</param>
    /// <param name="operationId">The spec's operation id.</param>
    /// <param name="errors">The operation's failure responses.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<Stream> SendForStreamAsync(HttpClient client, HttpRequestMessage request, string? operationId, ErrorResponses errors, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response = await ApiHttp.SendAsync(client, request, operationId, cancellationToken).ConfigureAwait(false);
            bool handedOver = false;
            try
            {
                if (IsSuccess(response))
                {
                    Stream body = await ApiHttp.ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);
                    handedOver = true; // the stream owns the response now
                    return body;
                }

                throw await errors.CreateExceptionAsync(response, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!handedOver)
                {
                    response.Dispose();
                }
            }
        }
    }

    private static bool IsSuccess(HttpResponseMessage response) => (int)response.StatusCode is >= 200 and <= 299;
}
