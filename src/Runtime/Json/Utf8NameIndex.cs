using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ContractFirst.Json;

/// <summary>
/// A fixed list of property names, found by the UTF-8 name a reader or a <see cref="JsonProperty"/> stands on, without
/// reading it out as a string where that can be helped. Shared by the model converters and the schema evaluators.
/// </summary>
/// <remarks>
/// A search starts at a hint, the slot after the previous match (JSON usually lists properties in the declared order), so
/// an object in that order costs one comparison per property. Up to <see cref="LinearLimit"/> names a miss compares
/// every name; above it, a miss of the hint reads the name once for a dictionary, so that a large model read from a
/// hostile body costs linear, not quadratic, time.
/// </remarks>
internal sealed class Utf8NameIndex
{
    private const int LinearLimit = 32;

    private readonly byte[][] _utf8;
    private readonly Dictionary<string, int>? _index;

    public Utf8NameIndex(IReadOnlyList<string> names)
    {
        _utf8 = new byte[names.Count][];
        for (var i = 0; i < names.Count; i++) _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        if (names.Count > LinearLimit)
        {
            _index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
            for (var i = names.Count - 1; i >= 0; i--) _index[names[i]] = i; // the first of equal names, as the linear search
        }
    }

    /// <summary>The index of the property name the reader stands on, or -1; <paramref name="hint"/> moves past a match.</summary>
    public int IndexOf(ref Utf8JsonReader reader, ref int hint)
    {
        var n = _utf8.Length;
        if (_index is null)
        {
            for (var k = 0; k < n; k++)
            {
                var i = hint + k;
                if (i >= n) i -= n;
                if (reader.ValueTextEquals(_utf8[i])) return Found(i, ref hint);
            }

            return -1;
        }

        if (hint < n && reader.ValueTextEquals(_utf8[hint])) return Found(hint, ref hint);
        return _index.TryGetValue(reader.GetString()!, out var found) ? Found(found, ref hint) : -1;
    }

    /// <summary>The index of the name of <paramref name="property"/>, or -1; <paramref name="hint"/> moves past a match.</summary>
    public int IndexOf(JsonProperty property, ref int hint)
    {
        var n = _utf8.Length;
        if (_index is null)
        {
            for (var k = 0; k < n; k++)
            {
                var i = hint + k;
                if (i >= n) i -= n;
                if (property.NameEquals(_utf8[i])) return Found(i, ref hint);
            }

            return -1;
        }

        if (hint < n && property.NameEquals(_utf8[hint])) return Found(hint, ref hint);
        return _index.TryGetValue(property.Name, out var found) ? Found(found, ref hint) : -1;
    }

    private int Found(int i, ref int hint)
    {
        hint = i + 1 == _utf8.Length ? 0 : i + 1;
        return i;
    }
}
