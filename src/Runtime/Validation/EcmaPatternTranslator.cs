using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContractFirst.Patterns;

/// <summary>
/// Translates a JSON Schema <c>pattern</c> (ECMA-262 syntax with the <c>u</c> flag, unanchored) into a .NET regular
/// expression with the same meaning, to be run with <c>RegexOptions.CultureInvariant</c> only. This one file is compiled
/// into ContractFirst.Runtime and linked into the generator (which translates at build time and reports what cannot be
/// translated, at the pattern) and the analyzers, so that all three accept exactly the same strings.
/// </summary>
/// <remarks>
/// What differs between the two engines, and how it is mapped:
/// <list type="bullet">
/// <item><c>\d \w \s \b</c> are ASCII (and ECMA's white space set) in ECMA-262; .NET's are Unicode: spelled out.</item>
/// <item><c>.</c> matches any code point but line terminators; a negated class matches one code point: astral
/// characters (surrogate pairs) count once, as in <c>u</c> mode.</item>
/// <item><c>$</c> is the end of input (.NET's also matches before a final newline): <c>\z</c>.</item>
/// <item><c>\p{Letter}</c>, <c>\p{General_Category=Lu}</c>, <c>\p{ASCII}</c>…: long names map to .NET's short ones;
/// scripts and other binary properties are not expressible and are reported.</item>
/// <item><c>\u{1F600}</c> and astral literals become a surrogate pair grouped as one atom.</item>
/// <item>.NET-only syntax (<c>(?i)</c>, <c>(?#…)</c>, <c>(?&gt;…)</c>, <c>\A</c>, class subtraction) is an error in
/// ECMA-262 <c>u</c> mode and is reported.</item>
/// </list>
/// </remarks>
internal static class EcmaPatternTranslator
{
    private const string AsciiWord = "a-zA-Z0-9_";
    private const string EcmaSpace = @"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
    private const string AnyCodePoint = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S])";
    private const string Astral = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";

    /// <summary>Translates <paramref name="pattern"/>; returns null and a reason when it cannot be expressed in .NET.</summary>
    public static string? Translate(string pattern, out string? error)
    {
        try
        {
            var result = new Translator(pattern).Run();
            error = null;
            return result;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private sealed class Translator(string pattern)
    {
        private readonly StringBuilder _out = new(pattern.Length + 16);
        private int _pos;

        public string Run()
        {
            while (_pos < pattern.Length)
            {
                Atom();
            }

            return _out.ToString();
        }

        private void Atom()
        {
            char c = pattern[_pos];
            switch (c)
            {
                case '\\':
                    _pos++;
                    Escape(inClass: false);
                    return;
                case '[':
                    _pos++;
                    Class();
                    return;
                case '.':
                    _pos++;
                    _out.Append(@"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n\r\u2028\u2029])");
                    return;
                case '$':
                    _pos++;
                    _out.Append(@"\z");
                    return;
                case '(':
                    _pos++;
                    Group();
                    return;
                case '{':
                    Quantifier();
                    return;
                case ']' or '}':
                    // Annex B reads a lone bracket literally; published specs rely on it.
                    _out.Append('\\').Append(c);
                    _pos++;
                    return;
                default:
                    if (char.IsHighSurrogate(c) && _pos + 1 < pattern.Length && char.IsLowSurrogate(pattern[_pos + 1]))
                    {
                        _out.Append("(?:").Append(c).Append(pattern[_pos + 1]).Append(')');
                        _pos += 2;
                        return;
                    }

                    // .NET treats '#' and white space literally without IgnorePatternWhitespace, like ECMA-262.
                    _out.Append(c);
                    _pos++;
                    return;
            }
        }

        private void Quantifier()
        {
            // {n}, {n,}, {n,m}: the same in both engines. A '{' that does not start one is an error in unicode mode.
            // A '{' that starts none is read literally (Annex B), as published specs expect.
            int end = pattern.IndexOf('}', _pos);
            var body = end < 0 ? "" : pattern.Substring(_pos + 1, end - _pos - 1);
            var parts = body.Split(',');
            if (end < 0 || parts.Length > 2 || parts[0].Length == 0 || !IsDigits(parts[0]) || (parts.Length == 2 && parts[1].Length > 0 && !IsDigits(parts[1])))
            {
                _out.Append(@"\{");
                _pos++;
                return;
            }

            _out.Append(pattern, _pos, end - _pos + 1);
            _pos = end + 1;
        }

        private static bool IsDigits(string s)
        {
            foreach (char ch in s)
            {
                if (ch is < '0' or > '9') return false;
            }

            return true;
        }

        private void Group()
        {
            if (_pos < pattern.Length && pattern[_pos] == '?')
            {
                string rest = pattern.Substring(_pos);
                if (rest.StartsWith("?:", StringComparison.Ordinal) || rest.StartsWith("?=", StringComparison.Ordinal) || rest.StartsWith("?!", StringComparison.Ordinal))
                {
                    _out.Append('(').Append(rest, 0, 2);
                    _pos += 2;
                }
                else if (rest.StartsWith("?<=", StringComparison.Ordinal) || rest.StartsWith("?<!", StringComparison.Ordinal))
                {
                    _out.Append('(').Append(rest, 0, 3);
                    _pos += 3;
                }
                else if (rest.StartsWith("?<", StringComparison.Ordinal))
                {
                    int close = pattern.IndexOf('>', _pos);
                    if (close < 0) throw new FormatException("an unterminated group name");
                    string name = pattern.Substring(_pos + 2, close - _pos - 2);
                    if (name.Length == 0 || !IsGroupName(name)) throw new FormatException($"'{name}' is not a group name");
                    _out.Append("(?<").Append(name).Append('>');
                    _pos = close + 1;
                }
                else
                {
                    throw new FormatException($"'(?{(rest.Length > 1 ? rest[1].ToString() : "")}' is not ECMA-262 syntax (position {_pos - 1})");
                }
            }
            else
            {
                _out.Append('(');
            }

            while (_pos < pattern.Length && pattern[_pos] != ')')
            {
                Atom();
            }

            if (_pos >= pattern.Length) throw new FormatException("an unterminated group");
            _out.Append(')');
            _pos++;
        }

        private static bool IsGroupName(string name)
        {
            for (int i = 0; i < name.Length; i++)
            {
                char ch = name[i];
                bool ok = ch == '_' || (ch is >= 'a' and <= 'z') || (ch is >= 'A' and <= 'Z') || (i > 0 && ch is >= '0' and <= '9');
                if (!ok) return false;
            }

            return true;
        }

        /// <summary>After a backslash.</summary>
        private void Escape(bool inClass)
        {
            if (_pos >= pattern.Length) throw new FormatException("the pattern ends with a lone '\\'");
            char c = pattern[_pos++];
            switch (c)
            {
                case 'd':
                    _out.Append(inClass ? "0-9" : "[0-9]");
                    return;
                case 'D':
                    _out.Append(inClass ? @"\x00-/:-\uFFFF" : "[^0-9]");
                    return;
                case 'w':
                    _out.Append(inClass ? AsciiWord : "[" + AsciiWord + "]");
                    return;
                case 'W':
                    _out.Append(inClass ? @"\x00-/:-@\[-^`{-\uFFFF" : "[^" + AsciiWord + "]");
                    return;
                case 's':
                    _out.Append(inClass ? EcmaSpace : "[" + EcmaSpace + "]");
                    return;
                case 'S':
                    if (inClass) throw new FormatException(@"'\S' inside a character class is not supported");
                    _out.Append("[^" + EcmaSpace + "]");
                    return;
                case 'b':
                    _out.Append(inClass ? @"\x08" : @"(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))");
                    return;
                case 'B':
                    if (inClass) throw new FormatException(@"'\B' inside a character class is not allowed");
                    _out.Append(@"(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))");
                    return;
                case 'p':
                case 'P':
                    Property(c == 'P', inClass);
                    return;
                case 'u':
                    Unicode(inClass);
                    return;
                case 'x':
                    if (_pos + 2 > pattern.Length || !IsHex(pattern[_pos]) || !IsHex(pattern[_pos + 1])) throw new FormatException(@"'\x' needs two hex digits");
                    _out.Append(@"\x").Append(pattern, _pos, 2);
                    _pos += 2;
                    return;
                case 'c':
                    if (_pos >= pattern.Length || !char.IsLetter(pattern[_pos]) || pattern[_pos] > 'z') throw new FormatException(@"'\c' needs a letter");
                    _out.Append(@"\c").Append(pattern[_pos++]);
                    return;
                case '0':
                    if (_pos < pattern.Length && pattern[_pos] is >= '0' and <= '9') throw new FormatException("octal escapes are not allowed in unicode mode");
                    _out.Append(@"\x00");
                    return;
                case 'k':
                    if (inClass) throw new FormatException(@"'\k' inside a character class is not allowed");
                    int close = pattern.IndexOf('>', _pos);
                    if (_pos >= pattern.Length || pattern[_pos] != '<' || close < 0) throw new FormatException(@"'\k' needs a group name");
                    _out.Append(@"\k").Append(pattern, _pos, close - _pos + 1);
                    _pos = close + 1;
                    return;
                case 't' or 'n' or 'r' or 'v' or 'f':
                    _out.Append('\\').Append(c);
                    return;
                case '-':
                    if (!inClass) throw new FormatException(@"'\-' is only allowed inside a character class");
                    _out.Append(@"\-");
                    return;
                case '/' or '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|':
                    _out.Append('\\').Append(c);
                    return;
                default:
                    if (c is >= '1' and <= '9' && !inClass)
                    {
                        _out.Append('\\').Append(c);
                        while (_pos < pattern.Length && pattern[_pos] is >= '0' and <= '9') _out.Append(pattern[_pos++]);
                        return;
                    }

                    if (!char.IsLetterOrDigit(c) && !char.IsSurrogate(c))
                    {
                        // An identity escape of punctuation (\_, \@, \") is that character: harmless, and common in specs.
                        _out.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        return;
                    }

                    throw new FormatException($"'\\{c}' is not a valid escape in unicode mode");
            }
        }

        private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

        private void Unicode(bool inClass)
        {
            int codePoint;
            if (_pos < pattern.Length && pattern[_pos] == '{')
            {
                int close = pattern.IndexOf('}', _pos);
                if (close < 0 || close == _pos + 1) throw new FormatException(@"'\u{' needs hex digits and '}'");
                string hex = pattern.Substring(_pos + 1, close - _pos - 1);
                foreach (char h in hex)
                {
                    if (!IsHex(h)) throw new FormatException($"'\\u{{{hex}}}' is not a code point");
                }

                if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out codePoint) || codePoint > 0x10FFFF) throw new FormatException($"'\\u{{{hex}}}' is not a code point");
                _pos = close + 1;
            }
            else
            {
                codePoint = Hex4(_pos);
                _pos += 4;
                // A surrogate pair written as two escapes is one code point.
                if (codePoint is >= 0xD800 and <= 0xDBFF && _pos + 6 <= pattern.Length && pattern[_pos] == '\\' && pattern[_pos + 1] == 'u' && TryHex4(_pos + 2, out int low) && low is >= 0xDC00 and <= 0xDFFF)
                {
                    codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
                    _pos += 6;
                }
            }

            if (codePoint > 0xFFFF)
            {
                if (inClass) throw new FormatException("astral characters inside a character class are not supported");
                string pair = char.ConvertFromUtf32(codePoint);
                _out.Append(@"(?:\u").Append(((int)pair[0]).ToString("X4", CultureInfo.InvariantCulture)).Append(@"\u").Append(((int)pair[1]).ToString("X4", CultureInfo.InvariantCulture)).Append(')');
            }
            else
            {
                _out.Append(@"\u").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        private int Hex4(int at) => TryHex4(at, out int value) ? value : throw new FormatException(@"'\u' needs four hex digits");

        private bool TryHex4(int at, out int value)
        {
            value = 0;
            if (at + 4 > pattern.Length) return false;
            for (int i = at; i < at + 4; i++)
            {
                if (!IsHex(pattern[i])) return false;
            }

            return int.TryParse(pattern.Substring(at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
        }

        private void Property(bool negated, bool inClass)
        {
            if (_pos >= pattern.Length || pattern[_pos] != '{') throw new FormatException(@"'\p' needs a property name in braces");
            int close = pattern.IndexOf('}', _pos);
            if (close < 0) throw new FormatException(@"an unterminated '\p{'");
            string name = pattern.Substring(_pos + 1, close - _pos - 1);
            _pos = close + 1;
            string? net = PropertyClass(name);
            if (net is null) throw new FormatException($"the Unicode property '{name}' has no .NET equivalent");

            // .NET sees UTF-16 units: an astral code point is two surrogates, neither of which is a letter. Outside a class,
            // \p{X} also takes any astral code point, so that nothing the pattern may allow is refused.
            if (negated)
            {
                _out.Append(inClass ? @"\P{" + net + "}" : @"(?:" + Astral + @"|\P{" + net + "})");
            }
            else
            {
                _out.Append(inClass ? @"\p{" + net + @"}\uD800-\uDFFF" : @"(?:" + Astral + @"|\p{" + net + "})");
            }
        }

        private void Class()
        {
            bool negated = _pos < pattern.Length && pattern[_pos] == '^';
            if (negated) _pos++;
            if (_pos < pattern.Length && pattern[_pos] == ']')
            {
                // ECMA-262's empty class matches nothing; its negation matches any code point.
                _pos++;
                _out.Append(negated ? AnyCodePoint : "(?!)");
                return;
            }

            var start = _out.Length;
            _out.Append('[');
            while (true)
            {
                if (_pos >= pattern.Length) throw new FormatException("an unterminated character class");
                char c = pattern[_pos];
                if (c == ']')
                {
                    _pos++;
                    break;
                }

                if (c == '\\')
                {
                    _pos++;
                    Escape(inClass: true);
                    continue;
                }

                if (c == '[')
                {
                    _out.Append(@"\[");
                    _pos++;
                    continue;
                }

                if (char.IsHighSurrogate(c)) throw new FormatException("astral characters inside a character class are not supported");
                _out.Append(c);
                _pos++;
            }

            _out.Append(']');
            if (negated)
            {
                // One code point that is not in the class (an astral one counts once).
                string positive = _out.ToString(start, _out.Length - start);
                _out.Length = start;
                _out.Append("(?:(?!").Append(positive).Append(')').Append(AnyCodePoint).Append(')');
            }
        }
    }

    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["L"] = "L", ["Letter"] = "L",
        ["Lu"] = "Lu", ["Uppercase_Letter"] = "Lu",
        ["Ll"] = "Ll", ["Lowercase_Letter"] = "Ll",
        ["Lt"] = "Lt", ["Titlecase_Letter"] = "Lt",
        ["Lm"] = "Lm", ["Modifier_Letter"] = "Lm",
        ["Lo"] = "Lo", ["Other_Letter"] = "Lo",
        ["M"] = "M", ["Mark"] = "M", ["Combining_Mark"] = "M",
        ["Mn"] = "Mn", ["Nonspacing_Mark"] = "Mn",
        ["Mc"] = "Mc", ["Spacing_Mark"] = "Mc",
        ["Me"] = "Me", ["Enclosing_Mark"] = "Me",
        ["N"] = "N", ["Number"] = "N",
        ["Nd"] = "Nd", ["Decimal_Number"] = "Nd", ["digit"] = "Nd",
        ["Nl"] = "Nl", ["Letter_Number"] = "Nl",
        ["No"] = "No", ["Other_Number"] = "No",
        ["P"] = "P", ["Punctuation"] = "P", ["punct"] = "P",
        ["Pc"] = "Pc", ["Connector_Punctuation"] = "Pc",
        ["Pd"] = "Pd", ["Dash_Punctuation"] = "Pd",
        ["Ps"] = "Ps", ["Open_Punctuation"] = "Ps",
        ["Pe"] = "Pe", ["Close_Punctuation"] = "Pe",
        ["Pi"] = "Pi", ["Initial_Punctuation"] = "Pi",
        ["Pf"] = "Pf", ["Final_Punctuation"] = "Pf",
        ["Po"] = "Po", ["Other_Punctuation"] = "Po",
        ["S"] = "S", ["Symbol"] = "S",
        ["Sm"] = "Sm", ["Math_Symbol"] = "Sm",
        ["Sc"] = "Sc", ["Currency_Symbol"] = "Sc",
        ["Sk"] = "Sk", ["Modifier_Symbol"] = "Sk",
        ["So"] = "So", ["Other_Symbol"] = "So",
        ["Z"] = "Z", ["Separator"] = "Z",
        ["Zs"] = "Zs", ["Space_Separator"] = "Zs",
        ["Zl"] = "Zl", ["Line_Separator"] = "Zl",
        ["Zp"] = "Zp", ["Paragraph_Separator"] = "Zp",
        ["C"] = "C", ["Other"] = "C",
        ["Cc"] = "Cc", ["Control"] = "Cc", ["cntrl"] = "Cc",
        ["Cf"] = "Cf", ["Format"] = "Cf",
        ["Cs"] = "Cs", ["Surrogate"] = "Cs",
        ["Co"] = "Co", ["Private_Use"] = "Co",
        ["Cn"] = "Cn", ["Unassigned"] = "Cn",
    };

    /// <summary>The .NET spelling of an ECMA-262 property (what goes inside <c>\p{…}</c>), or null.</summary>
    private static string? PropertyClass(string name)
    {
        int eq = name.IndexOf('=');
        if (eq >= 0)
        {
            string key = name.Substring(0, eq);
            if (key is not ("General_Category" or "gc")) return null; // Script=, Script_Extensions=: no .NET equivalent
            name = name.Substring(eq + 1);
        }

        return Categories.TryGetValue(name, out var net) ? net : null;
    }
}
