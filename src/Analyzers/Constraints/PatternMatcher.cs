using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ContractFirst.Patterns;

namespace ContractFirst.Analyzers.Constraints;

/// <summary>
/// Matches strings against a spec's <c>pattern</c> exactly as the runtime validator does: the translation is the same
/// source file (<see cref="EcmaPatternCompiler"/>, linked from src/Runtime). Matching is unanchored, as JSON Schema
/// says. A pattern that no engine accepts, and a match that times out, never produce a diagnostic.
/// </summary>
internal static class PatternMatcher
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    // Patterns come from specs, so there are few of them; the bound only guards a long-lived IDE process.
    private const int MaxCachedPatterns = 512;
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);
    private static readonly Func<string, Regex?> Build = BuildRegex;

    /// <summary>True/false for a definite answer; null when the pattern is invalid or the match timed out.</summary>
    public static bool? IsMatch(string pattern, string value)
    {
        if (Cache.Count > MaxCachedPatterns)
        {
            Cache.Clear();
        }

        if (Cache.GetOrAdd(pattern, Build) is not { } regex)
        {
            return null;
        }

        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static Regex? BuildRegex(string pattern)
    {
        try
        {
            return EcmaPatternCompiler.Create(pattern, RegexOptions.None, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
