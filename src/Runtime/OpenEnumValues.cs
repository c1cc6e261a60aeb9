using System.Collections.Generic;
using System.ComponentModel;

namespace ContractFirst;

/// <summary>
/// The known values of generated open enums, computed once per type from the enum's own list (issue #13: each wire value
/// is written once in the generated enum, not once per use). Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OpenEnumValues
{
    /// <summary>The wire values of <paramref name="known"/>, in its order.</summary>
    public static IReadOnlyList<string> Wire<T>(IReadOnlyList<T> known) where T : struct, IOpenEnum<T>
    {
        var values = new string[known.Count];
        for (var i = 0; i < values.Length; i++) values[i] = known[i].Value;
        return values;
    }

    /// <summary>The wire values of <paramref name="known"/>, in its order.</summary>
    public static IReadOnlyList<long> WireInt<T>(IReadOnlyList<T> known) where T : struct, IOpenIntEnum<T>
    {
        var values = new long[known.Count];
        for (var i = 0; i < values.Length; i++) values[i] = known[i].Value;
        return values;
    }

    /// <summary>True when <paramref name="value"/> is a value that <typeparamref name="T"/> knows.</summary>
    public static bool IsKnown<T>(string value) where T : struct, IOpenEnum<T> => Known<T>.Set.Contains(value);

    /// <summary>True when <paramref name="value"/> is a value that <typeparamref name="T"/> knows.</summary>
    public static bool IsKnownInt<T>(long value) where T : struct, IOpenIntEnum<T> => KnownInt<T>.Set.Contains(value);

    private static class Known<T> where T : struct, IOpenEnum<T>
    {
        public static readonly HashSet<string> Set = new(T.KnownValues, System.StringComparer.Ordinal);
    }

    private static class KnownInt<T> where T : struct, IOpenIntEnum<T>
    {
        public static readonly HashSet<long> Set = new(T.KnownValues);
    }
}
