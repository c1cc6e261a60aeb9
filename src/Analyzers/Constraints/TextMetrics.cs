using System;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>String helpers for the checks and their messages.</summary>
internal static class TextMetrics
{
    /// <summary>
    /// The optimal-string-alignment form of the Damerau-Levenshtein distance, ignoring case: insertions, deletions,
    /// substitutions and transpositions of adjacent characters each cost one. Stops early (returning a value greater
    /// than <paramref name="limit"/>) once the distance must exceed it.
    /// </summary>
    public static int DamerauLevenshtein(string source, string target, int limit)
    {
        if (Math.Abs(source.Length - target.Length) > limit)
        {
            return limit + 1;
        }

        var n = source.Length;
        var m = target.Length;
        var previousPrevious = new int[m + 1];
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            var s = char.ToUpperInvariant(source[i - 1]);
            for (var j = 1; j <= m; j++)
            {
                var t = char.ToUpperInvariant(target[j - 1]);
                var cost = s == t ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && s == char.ToUpperInvariant(target[j - 2]) && char.ToUpperInvariant(source[i - 2]) == t)
                {
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previousPrevious, previous, current) = (previous, current, previousPrevious);
        }

        return previous[m];
    }

    /// <summary>A string constant as it appears in a message: quoted, and cut short when long.</summary>
    public static string Quote(string value, int maxLength = 60) =>
        value.Length <= maxLength ? "'" + value + "'" : "'" + value.Substring(0, maxLength) + "…'";

    /// <summary>"1 item", "4 items".</summary>
    public static string Count(int count, string singular, string plural) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    /// <summary>"at least 1", "at most 63", "1 to 63".</summary>
    public static string DescribeRange(int? minimum, int? maximum)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (minimum is { } min && maximum is { } max)
        {
            return min.ToString(culture) + " to " + max.ToString(culture);
        }

        return minimum is { } onlyMin ? "at least " + onlyMin.ToString(culture) : "at most " + maximum.GetValueOrDefault().ToString(culture);
    }
}
