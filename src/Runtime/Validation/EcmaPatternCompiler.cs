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
/// The translation is <see cref="EcmaPatternTranslator"/>'s (ECMA-262 with the <c>u</c> flag, as JSON Schema requires):
/// the generator translates at build time and reports what cannot be translated; this compiles the same translation.
/// </remarks>
internal static class EcmaPatternCompiler
{
    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="ArgumentException"/> when it has no .NET translation.</summary>
    public static Regex Create(string pattern, RegexOptions extraOptions, TimeSpan matchTimeout)
    {
        var translated = EcmaPatternTranslator.Translate(pattern, out var error) ?? throw new ArgumentException(error, nameof(pattern));
        return new Regex(translated, RegexOptions.CultureInvariant | extraOptions, matchTimeout);
    }
}
