using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContractFirst.Generator.Model;

/// <summary>
/// Turns spec names into C# identifiers, as CONTRACT.md (Names) says: PascalCase, characters that cannot stand in an
/// identifier dropped, a leading digit prefixed with '_', and C# keywords suffixed.
/// </summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // contextual keywords that break generated code in some positions
        "value", "var", "dynamic", "record", "required", "scoped", "file", "field", "await", "async", "nameof", "global",
    };

    /// <summary>
    /// PascalCase of a spec name: word boundaries are non-identifier characters, '_' and '-', and lower-to-upper
    /// transitions are kept ("minTotalMemoryGb" -> "MinTotalMemoryGb", "service_type" -> "ServiceType",
    /// "Api_V1_Entities_Service" -> "ApiV1EntitiesService", "VALIDATION_ERROR" -> "ValidationError").
    /// Never empty: falls back to <paramref name="fallback"/>.
    /// </summary>
    public static string ToPascalCase(string? name, string fallback = "Value")
    {
        if (string.IsNullOrEmpty(name)) return fallback;
        var builder = new StringBuilder(name!.Length);
        var word = new StringBuilder();
        foreach (var ch in name)
        {
            if (IsIdentifierPart(ch) && ch != '_')
            {
                word.Append(ch);
            }
            else
            {
                AppendWord(builder, word);
            }
        }

        AppendWord(builder, word);
        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>
    /// One word (between separators): its first letter upper-cased, the rest kept ("minTotalMemoryGb"), except a word
    /// written all in capitals, which is read as a word and not an acronym chain ("VALIDATION" -> "Validation").
    /// </summary>
    private static void AppendWord(StringBuilder builder, StringBuilder word)
    {
        if (word.Length == 0) return;
        var letters = 0;
        var allUpper = true;
        for (var i = 0; i < word.Length; i++)
        {
            if (!char.IsLetter(word[i])) continue;
            letters++;
            if (!char.IsUpper(word[i])) allUpper = false;
        }

        builder.Append(char.ToUpperInvariant(word[0]));
        for (var i = 1; i < word.Length; i++)
        {
            builder.Append(allUpper && letters > 1 ? char.ToLowerInvariant(word[i]) : word[i]);
        }

        word.Clear();
    }

    /// <summary>camelCase, for parameters: PascalCase with the first letter lowered, and keywords escaped with '@'.</summary>
    public static string ToCamelCase(string? name, string fallback = "value")
    {
        var pascal = ToPascalCase(name, fallback);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>A type or member name that is not a C# keyword (keywords get the suffix "Value").</summary>
    public static string Safe(string identifier) => Keywords.Contains(identifier) ? identifier + "Value" : identifier;

    /// <summary>Makes <paramref name="name"/> unique in <paramref name="taken"/> with a stable numeric suffix (2, 3, ...).</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        if (taken.Add(name)) return name;
        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(candidate)) return candidate;
        }
    }

    private static bool IsIdentifierStart(char ch) => ch == '_' || char.IsLetter(ch);

    private static bool IsIdentifierPart(char ch)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(ch))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return true;
            default:
                return false;
        }
    }
}
