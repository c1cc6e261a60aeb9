using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace ContractFirst.Http;

/// <summary>An OpenAPI <c>style</c> for query parameters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum QueryStyle
{
    /// <summary><c>form</c> (the default): <c>a=1&amp;a=2</c> exploded, <c>a=1,2</c> not.</summary>
    Form,

    /// <summary><c>spaceDelimited</c>: <c>a=1%202</c>.</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c>: <c>a=1%7C2</c>.</summary>
    PipeDelimited,

    /// <summary><c>deepObject</c>: <c>a%5Bkey%5D=value</c> (that is, <c>a[key]=value</c>).</summary>
    DeepObject,
}

/// <summary>
/// Builds the relative URL of an operation: path literals as the spec writes them, path parameters escaped per RFC 3986
/// (a <c>/</c> in a value becomes <c>%2F</c>), and query parameters with OpenAPI <c>style</c>/<c>explode</c>.
/// <see langword="null"/> query values are left out. Values are formatted by <see cref="WireFormat.Format{T}"/>.
/// </summary>
/// <example><code>
/// var url = new UrlBuilder().AppendLiteral("/v1/organizations/").AppendPath(organizationId).AppendLiteral("/services")
///     .AddQuery("limit", limit).AddQueryArray("tag", tags);
/// </code></example>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UrlBuilder
{
    // RFC 3986 unreserved characters: the only ones Uri.EscapeDataString leaves as they are.
    private static readonly SearchValues<char> Unreserved = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    // The last base address seen and its root (scheme, authority and path, without a trailing '/'): a client sends to
    // the same base call after call, and Uri is immutable, so the root is computed once per base, not once per request.
    private static BaseRoot? s_lastRoot;

    // The path, in a buffer of its own (one array for the common case), and the query, made only when there is one.
    private char[] _path;
    private int _pathLength;
    private StringBuilder? _query;

    /// <summary>Creates an empty builder.</summary>
    public UrlBuilder() => _path = new char[64];

    /// <summary>Creates a builder that starts with a path literal.</summary>
    /// <param name="pathLiteral">The first literal, e.g. <c>"/v1/organizations/"</c>.</param>
    public UrlBuilder(string pathLiteral)
    {
        // Room for the literal and, typically, a parameter or two: most paths then fit without growing.
        _path = new char[Math.Max(64, (pathLiteral?.Length ?? 0) + 96)];
        AppendRaw(pathLiteral);
    }

    /// <summary>Appends a part of the path template as it is (no escaping).</summary>
    /// <param name="literal">The literal text.</param>
    public UrlBuilder AppendLiteral(string literal)
    {
        AppendRaw(literal);
        return this;
    }

    /// <summary>Appends a path parameter (<c>style: simple</c>), escaped per RFC 3986.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value; path parameters are required, so <see langword="null"/> throws.</param>
    /// <param name="name">The parameter's name, for the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public UrlBuilder AppendPath<T>(T value, string? name = null)
    {
        // Guids and integers are written straight into the buffer (WireFormat's text: "D", invariant digits), and they
        // never need escaping; everything else goes through WireFormat.Format and Uri.EscapeDataString.
        if (typeof(T) == typeof(Guid))
        {
            Guid guid = (Guid)(object)value!;
            EnsureCapacity(36);
            guid.TryFormat(_path.AsSpan(_pathLength), out int written, "D");
            _pathLength += written;
            return this;
        }

        if (typeof(T) == typeof(int) || typeof(T) == typeof(long))
        {
            long number = typeof(T) == typeof(int) ? (int)(object)value! : (long)(object)value!;
            EnsureCapacity(20);
            number.TryFormat(_path.AsSpan(_pathLength), out int written, default, CultureInfo.InvariantCulture);
            _pathLength += written;
            return this;
        }

        string text = WireFormat.Format(value) ?? throw new ArgumentNullException(name ?? nameof(value), "A path parameter cannot be null.");
        AppendEscaped(text);
        return this;
    }

    /// <summary>Appends an array path parameter (<c>style: simple</c>): escaped items joined by <c>,</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items.</param>
    /// <param name="name">The parameter's name, for the exception.</param>
    public UrlBuilder AppendPathArray<T>(IEnumerable<T> values, string? name = null) => AppendPathArray(values, name, ",");

    /// <summary>
    /// Appends an array path parameter with its items joined by <paramref name="separator"/>, which is written as it is:
    /// <c>"."</c> for an exploded <c>label</c> (<c>.a.b</c>), <c>";id="</c> for an exploded <c>matrix</c> (<c>;id=a;id=b</c>).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items.</param>
    /// <param name="name">The parameter's name, for the exception.</param>
    /// <param name="separator">What goes between two items.</param>
    public UrlBuilder AppendPathArray<T>(IEnumerable<T> values, string? name, string separator)
    {
        ArgumentNullException.ThrowIfNull(values, name ?? nameof(values));
        ArgumentNullException.ThrowIfNull(separator);
        bool first = true;
        foreach (T item in values)
        {
            if (!first)
            {
                AppendRaw(separator);
            }

            AppendEscaped(WireFormat.Format(item) ?? string.Empty);
            first = false;
        }

        return this;
    }

    /// <summary>Adds a query parameter with a single value (<c>name=value</c>); <see langword="null"/> is left out.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    public UrlBuilder AddQuery<T>(string name, T value)
    {
        if (WireFormat.Format(value) is { } text)
        {
            AppendPair(name, text);
        }

        return this;
    }

    /// <summary>
    /// Adds an array query parameter. <see cref="QueryStyle.Form"/> exploded gives <c>a=1&amp;a=2</c>, not exploded
    /// <c>a=1,2</c>; <see cref="QueryStyle.SpaceDelimited"/> <c>a=1%202</c>; <see cref="QueryStyle.PipeDelimited"/>
    /// <c>a=1%7C2</c>. A <see langword="null"/> array, or an empty exploded one, is left out; null items are skipped.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="values">The items.</param>
    /// <param name="style">The OpenAPI style.</param>
    /// <param name="explode">The OpenAPI explode flag (only <see cref="QueryStyle.Form"/> explodes).</param>
    public UrlBuilder AddQueryArray<T>(string name, IEnumerable<T>? values, QueryStyle style = QueryStyle.Form, bool explode = true)
    {
        if (values is null)
        {
            return this;
        }

        if (style == QueryStyle.DeepObject)
        {
            throw new ArgumentException("deepObject applies to objects, not arrays.", nameof(style));
        }

        if (style == QueryStyle.Form && explode)
        {
            foreach (T item in values)
            {
                if (WireFormat.Format(item) is { } text)
                {
                    AppendPair(name, text);
                }
            }

            return this;
        }

        string delimiter = style switch
        {
            QueryStyle.SpaceDelimited => "%20",
            QueryStyle.PipeDelimited => "%7C",
            _ => ",",
        };
        StartPair(name);
        bool first = true;
        foreach (T item in values)
        {
            if (WireFormat.Format(item) is not { } text)
            {
                continue;
            }

            if (!first)
            {
                Query.Append(delimiter);
            }

            Query.Append(Uri.EscapeDataString(text));
            first = false;
        }

        return this;
    }

    /// <summary>
    /// Adds an object (or map) query parameter. <see cref="QueryStyle.DeepObject"/> gives <c>a[k]=v</c> (brackets
    /// escaped); <see cref="QueryStyle.Form"/> exploded gives <c>k=v</c>, not exploded <c>a=k,v,k2,v2</c>.
    /// <see langword="null"/> objects and properties are left out.
    /// </summary>
    /// <typeparam name="TValue">The property value type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="properties">The object's properties, by wire name.</param>
    /// <param name="style">The OpenAPI style (<see cref="QueryStyle.Form"/> or <see cref="QueryStyle.DeepObject"/>).</param>
    /// <param name="explode">The OpenAPI explode flag.</param>
    public UrlBuilder AddQueryObject<TValue>(string name, IEnumerable<KeyValuePair<string, TValue>>? properties, QueryStyle style = QueryStyle.DeepObject, bool explode = true)
    {
        if (properties is null)
        {
            return this;
        }

        switch (style)
        {
            case QueryStyle.DeepObject:
                foreach (KeyValuePair<string, TValue> pair in properties)
                {
                    if (WireFormat.Format(pair.Value) is { } text)
                    {
                        AppendPair(name + "[" + pair.Key + "]", text);
                    }
                }

                break;
            case QueryStyle.Form when explode:
                foreach (KeyValuePair<string, TValue> pair in properties)
                {
                    if (WireFormat.Format(pair.Value) is { } text)
                    {
                        AppendPair(pair.Key, text);
                    }
                }

                break;
            case QueryStyle.Form:
                StartPair(name);
                bool first = true;
                foreach (KeyValuePair<string, TValue> pair in properties)
                {
                    if (WireFormat.Format(pair.Value) is not { } text)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        Query.Append(',');
                    }

                    Query.Append(Uri.EscapeDataString(pair.Key)).Append(',').Append(Uri.EscapeDataString(text));
                    first = false;
                }

                break;
            default:
                throw new ArgumentException($"{style} applies to arrays, not objects.", nameof(style));
        }

        return this;
    }

    /// <summary>The relative URL: path, then <c>?</c> and the query when there is one.</summary>
    public override string ToString() => _query is not { Length: > 0 } query
        ? new string(_path, 0, _pathLength)
        : string.Concat(_path.AsSpan(0, _pathLength), "?", query.ToString());

    /// <summary>
    /// The absolute URI under <paramref name="baseAddress"/>. The path is appended to the base's path (a base of
    /// <c>https://h/v1</c> and a path <c>/items</c> give <c>https://h/v1/items</c>), unlike <see cref="Uri(Uri, string)"/>,
    /// which would drop <c>/v1</c>.
    /// </summary>
    /// <param name="baseAddress">An absolute base address.</param>
    public Uri ToUri(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be absolute.", nameof(baseAddress));
        }

        BaseRoot? last = s_lastRoot;
        if (last is null || !ReferenceEquals(last.Address, baseAddress))
        {
            s_lastRoot = last = new BaseRoot(baseAddress, baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        }

        // The absolute URI's text is written once, at its exact length: root, '/' when the path lacks one, path, query.
        string root = last.Root;
        bool slash = _pathLength > 0 && _path[0] != '/';
        int queryLength = _query?.Length ?? 0;
        int length = root.Length + (slash ? 1 : 0) + _pathLength + (queryLength > 0 ? 1 + queryLength : 0);
        string text = string.Create(length, (Builder: this, Root: root, Slash: slash), static (span, state) =>
        {
            state.Root.AsSpan().CopyTo(span);
            int at = state.Root.Length;
            if (state.Slash)
            {
                span[at++] = '/';
            }

            state.Builder._path.AsSpan(0, state.Builder._pathLength).CopyTo(span[at..]);
            at += state.Builder._pathLength;
            if (state.Builder._query is { Length: > 0 } query)
            {
                span[at++] = '?';
                query.CopyTo(0, span[at..], query.Length);
            }
        });
        return new Uri(text, UriKind.Absolute);
    }

    private StringBuilder Query => _query ??= new StringBuilder();

    private void EnsureCapacity(int extra)
    {
        if (_pathLength + extra > _path.Length)
        {
            Array.Resize(ref _path, Math.Max(_path.Length * 2, _pathLength + extra));
        }
    }

    /// <summary>Appends a path value, percent-encoded only when it has a character outside the unreserved set.</summary>
    private void AppendEscaped(string text) => AppendRaw(text.AsSpan().ContainsAnyExcept(Unreserved) ? Uri.EscapeDataString(text) : text);

    private void AppendRaw(ReadOnlySpan<char> text)
    {
        EnsureCapacity(text.Length);
        text.CopyTo(_path.AsSpan(_pathLength));
        _pathLength += text.Length;
    }

    private void StartPair(string name)
    {
        StringBuilder query = Query;
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(Uri.EscapeDataString(name)).Append('=');
    }

    private void AppendPair(string name, string value)
    {
        StartPair(name);
        Query.Append(Uri.EscapeDataString(value));
    }

    private sealed class BaseRoot(Uri address, string root)
    {
        public Uri Address { get; } = address;

        public string Root { get; } = root;
    }
}
