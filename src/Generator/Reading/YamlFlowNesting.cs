using System.Text;
using System.Threading;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Keeps YamlDotNet's scanner away from deep flow nesting (<c>[[[[...</c>), which costs it time in proportion to the
/// depth for every token (its simple-key bookkeeping): 100,000 levels in 200 KB take it about a minute. A cheap lexical
/// pass finds flow collections nested deeper than the reader will ever read (the depth limit + 1 levels of
/// flow alone, so that an ancestor is always dropped, and reported, by the reader's own depth check) and blanks them to
/// <c>~</c> and spaces, keeping every line break: nothing that is read moves, and nothing that is read changes.
/// </summary>
internal static class YamlFlowNesting
{
    public static string Cut(string text, int maxDepth, CancellationToken cancellationToken)
    {
        if (text.IndexOf('[') < 0 && text.IndexOf('{') < 0) return text;
        var cutDepth = maxDepth + 2;
        var lines = YamlBlockScalars.SplitLines(text);
        StringBuilder? result = null;
        var depth = 0;
        var cutStart = -1;
        var line = 0;
        var p = 0;
        var steps = 0;
        while (p < text.Length)
        {
            if ((++steps & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();

            // At the start of a line in block context: skip block scalars (| and >), header and content: they are text.
            while (line + 1 < lines.Count && lines[line + 1].Start <= p) line++;
            if (depth == 0 && p == lines[line].Start && YamlBlockScalars.IsHeader(text, lines[line].Start, lines[line].Length, out _))
            {
                var indent = YamlBlockScalars.Indent(text, lines[line].Start, lines[line].Length);
                var next = line + 1;
                while (next < lines.Count && (YamlBlockScalars.IsSpacesOnly(text, lines[next].Start, lines[next].Length) || YamlBlockScalars.Indent(text, lines[next].Start, lines[next].Length) > indent)) next++;
                if (next >= lines.Count) break;
                line = next;
                p = lines[next].Start;
                continue;
            }

            var c = text[p];
            switch (c)
            {
                case '#' when p == 0 || text[p - 1] is ' ' or '\t' or '\n' or '\r':
                    while (p < text.Length && text[p] is not ('\n' or '\r')) p++;
                    continue;
                case '\'' or '"' when StartsNode(text, p, inFlow: depth > 0):
                    p = SkipQuoted(text, p);
                    continue;
                case '[' or '{' when depth > 0 || StartsNode(text, p, inFlow: false):
                    depth++;
                    if (depth == cutDepth) cutStart = p;
                    p++;
                    continue;
                case ']' or '}' when depth > 0:
                    if (depth == cutDepth && cutStart >= 0)
                    {
                        result ??= new StringBuilder(text);
                        Blank(result, cutStart, p);
                        cutStart = -1;
                    }

                    depth--;
                    p++;
                    continue;
                default:
                    p++;
                    continue;
            }
        }

        if (cutStart >= 0)
        {
            // Never closed: blank to the end; the reader reports the unclosed collection there.
            result ??= new StringBuilder(text);
            Blank(result, cutStart, text.Length - 1);
        }

        return result?.ToString() ?? text;
    }

    /// <summary>Whether a '[', '{' or quote at <paramref name="p"/> begins a node (rather than standing in a plain scalar).</summary>
    private static bool StartsNode(string text, int p, bool inFlow)
    {
        var q = p - 1;
        while (q >= 0 && text[q] is ' ' or '\t') q--;
        if (q < 0 || text[q] is '\n' or '\r') return true;
        var spaced = q < p - 1;
        switch (text[q])
        {
            case '[' or '{' or ',':
                return inFlow;
            case ':':
                return spaced || inFlow;
            case '-' or '?':
                return spaced && (q == 0 || text[q - 1] is ' ' or '\t' or '\n' or '\r');
        }

        // After an anchor or a tag: "&name [" or "!!seq [".
        while (q >= 0 && text[q] is not (' ' or '\t' or '\n' or '\r')) q--;
        return spaced && text[q + 1] is '&' or '!';
    }

    private static int SkipQuoted(string text, int p)
    {
        var quote = text[p];
        for (var i = p + 1; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] != quote) continue;
            if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
                continue;
            }

            return i + 1;
        }

        return text.Length;
    }

    private static void Blank(StringBuilder text, int start, int end)
    {
        for (var i = start; i <= end && i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) text[i] = ' ';
        }

        text[start] = '~';
    }
}
