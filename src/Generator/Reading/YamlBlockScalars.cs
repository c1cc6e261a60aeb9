using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Repairs the one block-scalar form that libyaml (and so PyYAML, Ruby, and most spec tooling) reads but YamlDotNet
/// rejects with "While scanning a literal block scalar, found extra spaces in first line" (or, folded, "found more
/// spaces in lines above first content line"): a block scalar without an indentation indicator whose leading empty
/// lines hold spaces, e.g. an editor that keeps the indentation on the blank first line of a <c>description: |</c>.
/// <para>
/// A leading empty line of a block scalar contributes one line break whatever spaces it holds, as long as it holds no
/// more than the content's indentation: libyaml takes the indentation as the most spaces among the leading empty lines
/// and the first content line. So those spaces are removed when they are no more than the first content line's
/// indentation, or when the scalar has no content line at all (<c>example: |+</c> followed by a line of spaces). Lines
/// that hold more spaces than the content (an error for libyaml too, yaml-test-suite W9L4) are left for the reader to
/// report. Only spaces on lines of nothing but spaces are removed, so every other line and column stays where it was.
/// </para>
/// </summary>
internal static class YamlBlockScalars
{
    // A block scalar header at the end of a line: '|' or '>' as a token of its own, optional indicators, optional comment.
    private static readonly Regex Header = new(@"(?:^|[ \t])[|>](?<indicators>[1-9][+-]?|[+-][1-9]?)?[ \t]*(?:#.*)?$", RegexOptions.CultureInvariant);

    public static string Repair(string text)
    {
        if (text.IndexOf('|') < 0 && text.IndexOf('>') < 0) return text;
        var lines = SplitLines(text);
        List<(int Start, int Length)>? blanked = null;
        var i = 0;
        while (i < lines.Count)
        {
            var (start, length) = lines[i];
            if (!IsHeader(text, start, length, out var hasIndicator))
            {
                i++;
                continue;
            }

            var headerIndent = Indent(text, start, length);
            var next = i + 1;
            while (next < lines.Count && IsSpacesOnly(text, lines[next].Start, lines[next].Length)) next++;
            var contentIndent = next < lines.Count ? Indent(text, lines[next].Start, lines[next].Length) : -1;
            var hasContent = contentIndent > headerIndent;
            if (!hasIndicator)
            {
                for (var k = i + 1; k < next; k++)
                {
                    var spaces = lines[k].Length;
                    if (spaces == 0 || (hasContent && spaces > contentIndent)) continue;
                    (blanked ??= new List<(int, int)>()).Add(lines[k]);
                }
            }

            // Skip the scalar's content, so that a '|' at the end of a content line (a Markdown table) is not a header.
            i = next;
            while (i < lines.Count && (IsSpacesOnly(text, lines[i].Start, lines[i].Length) || Indent(text, lines[i].Start, lines[i].Length) > headerIndent)) i++;
        }

        if (blanked is null) return text;
        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var (start, length) in blanked)
        {
            result.Append(text, copied, start - copied);
            copied = start + length;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    internal static bool IsHeader(string text, int start, int length, out bool hasIndicator)
    {
        hasIndicator = false;
        var end = start + length;
        var p = start;
        while (p < end && text[p] == ' ') p++;
        if (p == end || text[p] == '#') return false;
        var q = end - 1;
        while (q > p && text[q] is not ('|' or '>')) q--;
        if (text[q] is not ('|' or '>')) return false;
        var match = Header.Match(text.Substring(start, length));
        if (!match.Success) return false;
        var indicators = match.Groups["indicators"].Value;
        foreach (var ch in indicators) hasIndicator |= ch is >= '1' and <= '9';
        return true;
    }

    internal static int Indent(string text, int start, int length)
    {
        var n = 0;
        while (n < length && text[start + n] == ' ') n++;
        return n;
    }

    internal static bool IsSpacesOnly(string text, int start, int length)
    {
        for (var p = start; p < start + length; p++)
        {
            if (text[p] != ' ') return false;
        }

        return true;
    }

    /// <summary>Each line's start and length, without its line break ("\n", "\r\n" or "\r").</summary>
    internal static List<(int Start, int Length)> SplitLines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add((start, i - start));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                start = i + 1;
            }
        }

        lines.Add((start, text.Length - start));
        return lines;
    }
}
