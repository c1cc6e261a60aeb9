using System;
using AnalyzerDemo.Contracts;

namespace AnalyzerDemo;

/// <summary>The diagnostics that need keywords the three demo specs do not use (see ShowcaseContracts.cs).</summary>
internal static class Showcase
{
    public static void Run()
    {
        // CF1007: 'Owner' is required by the spec but not set (and C# `required` does not enforce it).
        // CF1004: 'My_Widget' does not match '^[a-z][a-z0-9-]*$'.
        // CF1006: 4 labels, at most 3.
        var widget = new WidgetRequest
        {
            Slug = "My_Widget",
            Labels = ["a", "b", "c", "d"],
        };

        // CF1009: deprecated in the spec (reported by the compiler through [Obsolete]).
        widget.LegacyName = "old";

        Console.WriteLine(widget);
    }
}
