using System;
using System.ComponentModel;
using System.Globalization;

namespace ContractFirst.Http;

/// <summary>How path, query and header values are written: invariant culture, as the spec's formats say.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireFormat
{
    /// <summary>
    /// Formats a value for a URL or a header: strings as they are, <c>true</c>/<c>false</c>, numbers invariant (doubles
    /// round-trip), <see cref="DateTimeOffset"/> as ISO 8601 ("O"), <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>,
    /// <see cref="Guid"/> as "D", open enums by wire value. Returns <see langword="null"/> for <see langword="null"/>.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public static string? Format<T>(T value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        Guid g => g.ToString("D", CultureInfo.InvariantCulture),
        Uri u => u.OriginalString,
        Enum e => e.ToString(),
        // Generated open enums format to their wire value; numbers and the rest go through IFormattable.
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
