using System;
using System.Collections.Generic;
using System.Text;

namespace ContractFirst.Http;

/// <summary>An OpenAPI <c>style</c> for query parameters.</summary>
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
public sealed class UrlBuilder
{
    private readonly StringBuilder _path = new(64);
    private readonly StringBuilder _query = new();

    /// <summary>Creates an empty builder.</summary>
    public UrlBuilder()
    {
    }

    /// <summary>Creates a builder that starts with a path literal.</summary>
    /// <param name="pathLiteral">The first literal, e.g. <c>"/v1/organizations/"</c>.</param>
    public UrlBuilder(string pathLiteral) => _path.Append(pathLiteral);

    /// <summary>Appends a part of the path template as it is (no escaping).</summary>
    /// <param name="literal">The literal text.</param>
    public UrlBuilder AppendLiteral(string literal)
    {
        _path.Append(literal);
        return this;
    }

    /// <summary>Appends a path parameter (<c>style: simple</c>), escaped per RFC 3986.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value; path parameters are required, so <see langword="null"/> throws.</param>
    /// <param name="name">The parameter's name, for the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public UrlBuilder AppendPath<T>(T value, string? name = null)
    {
        string text = WireFormat.Format(value) ?? throw new ArgumentNullException(name ?? nameof(value), "A path parameter cannot be null.");
        _path.Append(Uri.EscapeDataString(text));
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
                _path.Append(separator);
            }

            _path.Append(Uri.EscapeDataString(WireFormat.Format(item) ?? string.Empty));
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
                _query.Append(delimiter);
            }

            _query.Append(Uri.EscapeDataString(text));
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
                        _query.Append(',');
                    }

                    _query.Append(Uri.EscapeDataString(pair.Key)).Append(',').Append(Uri.EscapeDataString(text));
                    first = false;
                }

                break;
            default:
                throw new ArgumentException($"{style} applies to arrays, not objects.", nameof(style));
        }

        return this;
    }

    /// <summary>The relative URL: path, then <c>?</c> and the query when there is one.</summary>
    public override string ToString() => _query.Length == 0 ? _path.ToString() : _path.ToString() + "?" + _query.ToString();

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

        string root = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        string path = _path.ToString();
        var sb = new StringBuilder(root.Length + path.Length + _query.Length + 2).Append(root);
        if (path.Length > 0 && path[0] != '/')
        {
            sb.Append('/');
        }

        sb.Append(path);
        if (_query.Length > 0)
        {
            sb.Append('?').Append(_query);
        }

        return new Uri(sb.ToString(), UriKind.Absolute);
    }

    private void StartPair(string name)
    {
        if (_query.Length > 0)
        {
            _query.Append('&');
        }

        _query.Append(Uri.EscapeDataString(name)).Append('=');
    }

    private void AppendPair(string name, string value)
    {
        StartPair(name);
        _query.Append(Uri.EscapeDataString(value));
    }
}
