using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace ContractFirst.Http;

/// <summary>
/// The parts of a request that generated operation methods add besides the URL: header and cookie parameters, and the
/// non-JSON bodies (text, binary, <c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>). Values are
/// formatted by <see cref="WireFormat.Format{T}"/>; <see langword="null"/> values are left out.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiRequest
{
    /// <summary>Sets a header parameter (<c>style: simple</c>), replacing a default header of the same name.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The value; <see langword="null"/> leaves the request as it is.</param>
    /// <exception cref="ArgumentException">The value contains a line break (it would split the header).</exception>
    public static void SetHeader<T>(HttpRequestMessage request, string name, T value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WireFormat.Format(value) is { } text)
        {
            Set(request, name, text);
        }
    }

    /// <summary>Sets an array header parameter (<c>style: simple</c>): the items joined by <c>,</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="values">The items; <see langword="null"/> leaves the request as it is.</param>
    public static void SetHeaderArray<T>(HttpRequestMessage request, string name, IEnumerable<T>? values)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (values is not null)
        {
            Set(request, name, Join(values, ","));
        }
    }

    /// <summary>Adds a cookie parameter (<c>name=value</c>, the value percent-encoded) to the <c>Cookie</c> header.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="name">The cookie's name.</param>
    /// <param name="value">The value; <see langword="null"/> adds nothing.</param>
    public static void AddCookie<T>(HttpRequestMessage request, string name, T value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WireFormat.Format(value) is not { } text)
        {
            return;
        }

        string cookie = name + "=" + Uri.EscapeDataString(text);
        if (request.Headers.TryGetValues("Cookie", out IEnumerable<string>? existing))
        {
            cookie = string.Join("; ", existing) + "; " + cookie;
            request.Headers.Remove("Cookie");
        }

        request.Headers.TryAddWithoutValidation("Cookie", cookie);
    }

    /// <summary>A text body (UTF-8) with the spec's media type, e.g. <c>text/plain</c>.</summary>
    /// <typeparam name="T">The body's type; anything but a string is formatted by <see cref="WireFormat.Format{T}"/>.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="mediaType">The media type.</param>
    public static HttpContent TextContent<T>(T value, string mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(WireFormat.Format(value) ?? string.Empty));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    /// <summary>
    /// A binary body streamed from <paramref name="stream"/>, e.g. <c>application/octet-stream</c>. The stream is read
    /// once and not disposed; a retry cannot send it again unless it is seekable (it is rewound when it is).
    /// </summary>
    /// <param name="stream">The body.</param>
    /// <param name="mediaType">The media type.</param>
    public static HttpContent StreamContent(Stream stream, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var content = new RewindingStreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>Adds a field of an <c>application/x-www-form-urlencoded</c> body; <see langword="null"/> is left out.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="fields">The fields so far.</param>
    /// <param name="name">The field's name.</param>
    /// <param name="value">The value.</param>
    public static void AddFormField<T>(List<KeyValuePair<string, string>> fields, string name, T value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (WireFormat.Format(value) is { } text)
        {
            fields.Add(new KeyValuePair<string, string>(name, text));
        }
    }

    /// <summary>Adds an array field of a form body, exploded (<c>a=1&amp;a=2</c>, the default for forms).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fields">The fields so far.</param>
    /// <param name="name">The field's name.</param>
    /// <param name="values">The items; <see langword="null"/> is left out.</param>
    public static void AddFormFieldArray<T>(List<KeyValuePair<string, string>> fields, string name, IEnumerable<T>? values)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (values is null)
        {
            return;
        }

        foreach (T item in values)
        {
            AddFormField(fields, name, item);
        }
    }

    /// <summary>The <c>application/x-www-form-urlencoded</c> body of <paramref name="fields"/>.</summary>
    /// <param name="fields">The fields.</param>
    public static HttpContent FormContent(List<KeyValuePair<string, string>> fields) => new FormUrlEncodedContent(fields);

    /// <summary>Adds a text part of a <c>multipart/form-data</c> body; <see langword="null"/> is left out.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="content">The body.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The value.</param>
    public static void AddPart<T>(MultipartFormDataContent content, string name, T value)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (WireFormat.Format(value) is { } text)
        {
            content.Add(new StringContent(text, Encoding.UTF8), Quote(name));
        }
    }

    /// <summary>Adds an array as one text part per item (the default encoding of arrays in multipart bodies).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="content">The body.</param>
    /// <param name="name">The parts' name.</param>
    /// <param name="values">The items; <see langword="null"/> is left out.</param>
    public static void AddPartArray<T>(MultipartFormDataContent content, string name, IEnumerable<T>? values)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (values is null)
        {
            return;
        }

        foreach (T item in values)
        {
            AddPart(content, name, item);
        }
    }

    /// <summary>Adds an object as an <c>application/json</c> part (the default encoding of objects in multipart bodies).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="content">The body.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The value; <see langword="null"/> is left out.</param>
    /// <param name="typeInfo">Its generated metadata.</param>
    public static void AddJsonPart<T>(MultipartFormDataContent content, string name, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (value is not null)
        {
            content.Add(ApiHttp.JsonContent(value, typeInfo), Quote(name));
        }
    }

    /// <summary>
    /// Adds a file part (<c>format: binary</c>) streamed from <paramref name="stream"/>, as <c>application/octet-stream</c>.
    /// The file name is <paramref name="fileName"/>, else the name of a <see cref="FileStream"/>, else the part's name.
    /// The stream is not disposed.
    /// </summary>
    /// <param name="content">The body.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="stream">The file's content; <see langword="null"/> is left out.</param>
    /// <param name="fileName">The file name to send.</param>
    public static void AddFilePart(MultipartFormDataContent content, string name, Stream? stream, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (stream is null)
        {
            return;
        }

        var part = new RewindingStreamContent(stream);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, Quote(name), Quote(FileNameOf(name, stream, fileName)));
    }

    /// <summary>Adds a file part from bytes (see <see cref="AddFilePart(MultipartFormDataContent, string, Stream?, string?)"/>).</summary>
    /// <param name="content">The body.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="bytes">The file's content; <see langword="null"/> is left out.</param>
    /// <param name="fileName">The file name to send; the part's name when <see langword="null"/>.</param>
    public static void AddFilePart(MultipartFormDataContent content, string name, byte[]? bytes, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (bytes is null)
        {
            return;
        }

        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, Quote(name), Quote(string.IsNullOrEmpty(fileName) ? name : fileName));
    }

    private static string FileNameOf(string name, Stream stream, string? fileName) =>
        !string.IsNullOrEmpty(fileName) ? fileName
        : stream is FileStream { Name: { Length: > 0 } path } ? Path.GetFileName(path)
        : name;

    // Content-Disposition parameters: quoted, with quotes and line breaks (which would end the header) escaped away.
    private static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char ch in value)
        {
            switch (ch)
            {
                case '"':
                case '\\':
                    sb.Append('\\').Append(ch);
                    break;
                case '\r':
                case '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The value of the header '{name}' contains a line break.", name);
        }

        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    private static string Join<T>(IEnumerable<T> values, string separator)
    {
        var sb = new StringBuilder();
        foreach (T item in values)
        {
            if (WireFormat.Format(item) is not { } text)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(separator);
            }

            sb.Append(text);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Stream content that rewinds a seekable stream before each send, so that a retried request sends it whole. It
    /// never disposes the stream: the caller owns it.
    /// </summary>
    private sealed class RewindingStreamContent : HttpContent
    {
        private readonly Stream _stream;
        private readonly long _start;

        public RewindingStreamContent(Stream stream)
        {
            _stream = stream;
            _start = stream.CanSeek ? stream.Position : -1;
        }

        protected override System.Threading.Tasks.Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, System.Threading.CancellationToken.None);

        protected override async System.Threading.Tasks.Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, System.Threading.CancellationToken cancellationToken)
        {
            if (_start >= 0)
            {
                _stream.Position = _start;
            }

            await _stream.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            if (_start >= 0)
            {
                length = _stream.Length - _start;
                return true;
            }

            length = 0;
            return false;
        }
    }
}
