using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractFirst.Patterns;

/// <summary>
/// How a JSON Schema <c>pattern</c> (ECMA-262 syntax, unanchored) becomes a .NET <see cref="Regex"/>. This one file is
/// compiled into ContractFirst.Runtime (server and client validation) and linked into ContractFirst.Analyzers (CF1004),
/// so that a constant the analyzer accepts is one the server accepts too.
/// </summary>
/// <remarks>
/// <see cref="RegexOptions.ECMAScript"/> is used where .NET accepts the pattern under it; patterns that it rejects
/// (Unicode property escapes such as <c>\p{L}</c>, lookbehind, named groups) fall back to .NET's own syntax with
/// <see cref="RegexOptions.CultureInvariant"/>, and <c>\d</c>/<c>\w</c> are rewritten to their ASCII ECMA meaning.
/// In both modes <c>$</c> matches only at the very end, as in ECMA-262 (not before a final newline as in .NET).
/// </remarks>
internal static class EcmaPatternCompiler
{
    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="ArgumentException"/> when no engine accepts it.</summary>
    public static Regex Create(string pattern, RegexOptions extraOptions, TimeSpan matchTimeout)
    {
        try
        {
            return new Regex(Translate(pattern, asciiClasses: false), RegexOptions.ECMAScript | extraOptions, matchTimeout);
        }
        catch (ArgumentException)
        {
            // Not expressible under RegexOptions.ECMAScript: use .NET syntax, which is a superset for these constructs.
        }

        return new Regex(Translate(pattern, asciiClasses: true), RegexOptions.CultureInvariant | extraOptions, matchTimeout);
    }

    /// <summary>
    /// Rewrites the parts whose meaning differs between ECMA-262 and .NET: an unescaped <c>$</c> outside a class becomes
    /// <c>(?!\n)$</c> (end of input only); with <paramref name="asciiClasses"/> also <c>\d \D \w \W</c> become ASCII classes.
    /// </summary>
    private static string Translate(string pattern, bool asciiClasses)
    {
        if (pattern.IndexOf('$') < 0 && (!asciiClasses || pattern.IndexOf('\\') < 0))
        {
            return pattern;
        }

        var sb = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char next = pattern[++i];
                string? replacement = asciiClasses ? (next, inClass) switch
                {
                    ('d', false) => "[0-9]",
                    ('d', true) => "0-9",
                    ('D', false) => "[^0-9]",
                    ('w', false) => "[a-zA-Z0-9_]",
                    ('w', true) => "a-zA-Z0-9_",
                    ('W', false) => "[^a-zA-Z0-9_]",
                    _ => null,
                } : null;
                if (replacement is null)
                {
                    sb.Append(c).Append(next);
                }
                else
                {
                    sb.Append(replacement);
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
            }
            else if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                // A ']' or '^]' right after '[' is ECMA's empty or negated-empty class; .NET reads ']' there as a literal,
                // so leave the class state to the following characters.
                continue;
            }
            else if (c == '$')
            {
                // ECMA-262 '$' (without the m flag) is the end of input only; .NET's also matches before a final '\n'.
                sb.Append(@"(?!\n)$");
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
