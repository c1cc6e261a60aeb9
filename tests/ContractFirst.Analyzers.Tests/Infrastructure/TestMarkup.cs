using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Analyzers.Tests.Infrastructure;

/// <summary>A diagnostic that a test expects: its ID and where it is.</summary>
public readonly record struct ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>
/// Test sources with markup: <c>{|CF1001:30|}</c> expects diagnostic CF1001 on <c>30</c>; <c>[|30|]</c> expects the
/// test's default ID there. Markup may nest. The markup is removed from the source that gets compiled.
/// </summary>
public static class TestMarkup
{
    public static (string Source, ImmutableArray<ExpectedDiagnostic> Expected) Parse(string markup, string? defaultId = null)
    {
        var output = new StringBuilder(markup.Length);
        var open = new Stack<(string? Id, int Start)>();
        var expected = ImmutableArray.CreateBuilder<ExpectedDiagnostic>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at {i} has no ':'.");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), output.Length));
                i = colon;
            }
            else if (At(markup, i, "[|"))
            {
                open.Push((null, output.Length));
                i++;
            }
            else if (At(markup, i, "|}") || At(markup, i, "|]"))
            {
                var closesNamed = markup[i + 1] == '}';
                if (open.Count == 0 || (open.Peek().Id is not null) != closesNamed)
                {
                    throw new FormatException($"Unbalanced markup at {i}.");
                }

                var (id, start) = open.Pop();
                id ??= defaultId ?? throw new FormatException("'[|...|]' needs a default diagnostic ID.");
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, output.Length)));
                i++;
            }
            else
            {
                output.Append(markup[i]);
            }
        }

        if (open.Count != 0)
        {
            throw new FormatException("Unclosed markup.");
        }

        return (output.ToString(), expected.ToImmutable());
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
