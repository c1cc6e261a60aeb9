using System;
using System.Collections.Generic;
using System.Globalization;
using ContractFirst.Generator.Diagnostics;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// The model's own problems (conflicts, cycles and depth), each reported once, where it is in the spec (CF0010, CF0005).
/// </summary>
internal sealed class ModelReporter(SpecLoader loader)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public void Conflict(string pointer, string message)
    {
        if (_reported.Add(pointer)) loader.Report(DiagnosticDescriptors.SchemaConflict, loader.Locate(pointer), pointer, message);
    }

    public void TooDeep(string pointer, int maxDepth)
    {
        if (_reported.Add(pointer)) loader.Report(DiagnosticDescriptors.SkippedElement, loader.Locate(pointer), pointer, $"it nests deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} levels; the value is typed as any JSON");
    }

    /// <summary>A property declared twice (allOf parts, a base and a derived type) with two JSON kinds: the first is kept.</summary>
    public void CategoryConflict(PropertyBuilder kept, string category, string pointer, string owner)
    {
        if (kept.Category == "any" || category == "any" || kept.Category == category) return;
        Conflict(pointer, $"property '{kept.WireName}' of '{owner}' is {category} here but {kept.Category} at '{kept.Pointer}'; '{owner}' keeps the {kept.Category}");
    }
}
