using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.RegularExpressions;
using ContractFirst.Patterns;

namespace ContractFirst.Validation;

/// <summary>
/// Compiles JSON Schema <c>pattern</c>s (ECMA-262 syntax, unanchored) into cached .NET regular expressions, with the
/// translation of <see cref="EcmaPatternCompiler"/> (shared with the analyzers).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EcmaRegex
{
    /// <summary>How long one match may take before it counts as a failure.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Returns the cached regular expression for a pattern.</summary>
    /// <param name="pattern">An ECMA-262 pattern.</param>
    /// <exception cref="ArgumentException">Neither ECMAScript nor .NET syntax accepts the pattern.</exception>
    public static Regex Get(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Cache.GetOrAdd(pattern, static p => Create(p));
    }

    /// <summary>True when <paramref name="input"/> contains a match of <paramref name="pattern"/> (unanchored).</summary>
    /// <param name="input">The string to test.</param>
    /// <param name="pattern">An ECMA-262 pattern.</param>
    /// <exception cref="RegexMatchTimeoutException">The match took longer than <see cref="MatchTimeout"/>.</exception>
    public static bool IsMatch(string input, string pattern) => Get(pattern).IsMatch(input);

    private static Regex Create(string pattern)
    {
        try
        {
            return EcmaPatternCompiler.Create(pattern, RegexOptions.Compiled, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The pattern '{pattern}' is not a valid regular expression: {ex.Message}", nameof(pattern), ex);
        }
    }
}
