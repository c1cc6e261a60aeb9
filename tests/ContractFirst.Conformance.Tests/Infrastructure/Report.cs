using System.Globalization;
using System.Text;

namespace ContractFirst.Conformance.Tests.Infrastructure;

/// <summary>The markdown that the conformance test prints and writes (conformance.md, conformance-details.md).</summary>
public static class Report
{
    private static string Percent(int agree, int cases) => (100.0 * ConformanceResults.Ratio(agree, cases)).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>The tables (per draft and path), the totals over the covered files, and every group that did not run.</summary>
    public static string Summary(ConformanceResults results)
    {
        var sb = new StringBuilder();
        foreach (var draft in new[] { Draft.Draft202012, Draft.Draft4 })
        {
            var files = results.Files.Where(f => f.Draft == draft).ToList();
            if (files.Count == 0) continue;
            var cases = results.Cases.Where(c => c.Draft == draft).ToList();

            sb.AppendLine($"### {draft.Label()}: server (POST over TestServer; agree = valid→2xx, invalid→400)").AppendLine();
            sb.AppendLine("| keyword file | groups run | groups excluded | cases | agree | % | 5xx |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var file in files.Where(f => f.FileExclusion is null))
            {
                var mine = cases.Where(c => c.File == file.Name).ToList();
                var run = file.Groups.Count(g => g.Exclusion is null);
                sb.AppendLine($"| {Name(file)} | {run} | {file.Groups.Count - run} | {mine.Count} | {mine.Count(c => c.ServerAgrees)} | {Percent(mine.Count(c => c.ServerAgrees), mine.Count)} | {mine.Count(c => c.Is5xx)} |");
            }

            AppendTotals(sb, results, draft, c => c.ServerAgrees, c => c.Is5xx);
            sb.AppendLine();

            sb.AppendLine($"### {draft.Label()}: models (`{{\"v\": data}}` read with the generated JSON options, then `Validate`)").AppendLine();
            sb.AppendLine("| keyword file | cases | agree | % | exceptions |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var file in files.Where(f => f.FileExclusion is null))
            {
                var mine = cases.Where(c => c.File == file.Name).ToList();
                sb.AppendLine($"| {Name(file)} | {mine.Count} | {mine.Count(c => c.ValidateAgrees)} | {Percent(mine.Count(c => c.ValidateAgrees), mine.Count)} | {mine.Count(c => c.ValidateCrashed)} |");
            }

            AppendTotals(sb, results, draft, c => c.ValidateAgrees, c => c.ValidateCrashed, fiveColumns: true);
            sb.AppendLine();
        }

        sb.AppendLine("`*` not in the covered totals (see the exclusions). \"exceptions\": the model path threw something else than a `JsonException`.").AppendLine();

        sb.AppendLine("### Groups that did not run (all their cases count as disagreeing)").AppendLine();
        if (results.Failures.Count == 0) sb.AppendLine("None.");
        else
        {
            sb.AppendLine("| file | group | description | reason |");
            sb.AppendLine("| --- | ---: | --- | --- |");
            foreach (var f in results.Failures) sb.AppendLine($"| {f.Draft.Folder()}/{f.File} | {f.Group} | {Cell(f.Description)} | {Cell(f.Reason)} |");
        }

        sb.AppendLine();
        sb.AppendLine("### Requests that answered 5xx").AppendLine();
        var fives = results.Cases.Where(c => c.Is5xx).ToList();
        if (fives.Count == 0) sb.AppendLine("None.");
        else
        {
            sb.AppendLine("| file | group | case | data | status | exception |");
            sb.AppendLine("| --- | ---: | --- | --- | ---: | --- |");
            foreach (var c in fives) sb.AppendLine($"| {c.Draft.Folder()}/{c.File} | {c.Group} | {Cell(c.Description)} | `{Cell(Short(c.DataJson))}` | {c.Status} | {Cell(c.ServerDetail ?? "")} |");
        }

        sb.AppendLine();
        sb.AppendLine($"Wall time of the measurement: {results.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.");
        return sb.ToString();
    }

    /// <summary>The exclusions: whole files and single groups, with their reasons.</summary>
    public static string Exclusions(ConformanceResults results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| file | group | description | reason |");
        sb.AppendLine("| --- | --- | --- | --- |");
        foreach (var file in results.Files)
        {
            if (file.FileExclusion is not null) sb.AppendLine($"| {file.Draft.Folder()}/{file.Name} | all ({file.Groups.Count}) | | {Cell(file.FileExclusion)} |");
            else if (file.NotCoveredReason is not null) sb.AppendLine($"| {file.Draft.Folder()}/{file.Name} | (measured, not covered) | | {Cell(file.NotCoveredReason)} |");
        }

        foreach (var file in results.Files.Where(f => f.FileExclusion is null))
        {
            foreach (var group in file.Groups.Where(g => g.Exclusion is not null)) sb.AppendLine($"| {file.Draft.Folder()}/{file.Name} | {group.Index} | {Cell(group.Description)} | {Cell(group.Exclusion!)} |");
        }

        return sb.ToString();
    }

    /// <summary>Every disagreement, case by case, for whoever fixes them.</summary>
    public static string Details(ConformanceResults results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Conformance: every disagreement").AppendLine();
        sb.AppendLine("| file | group | case | data | expected | server | server detail | Validate | Validate detail |");
        sb.AppendLine("| --- | ---: | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var c in results.Cases.Where(c => !c.ServerAgrees || !c.ValidateAgrees).OrderBy(c => c.Draft).ThenBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.Group).ThenBy(c => c.Case))
        {
            var validate = c.ValidateValid switch { true => "valid", false => "invalid", null => "-" };
            sb.AppendLine($"| {c.Draft.Folder()}/{c.File} | {c.Group} | {Cell(c.Description)} | `{Cell(Short(c.DataJson))}` | {(c.Valid ? "valid" : "invalid")} | {(c.ServerAgrees ? "ok " : "**")}{c.Status?.ToString(CultureInfo.InvariantCulture) ?? "-"}{(c.ServerAgrees ? "" : "**")} | {Cell(c.ServerDetail ?? "")} | {(c.ValidateAgrees ? "ok " : "**")}{validate}{(c.ValidateAgrees ? "" : "**")} | {Cell(c.ValidateDetail ?? "")} |");
        }

        sb.AppendLine().AppendLine("## Generator diagnostics inside groups").AppendLine();
        foreach (var d in results.Diagnostics) sb.AppendLine($"- {d.Draft.Folder()}/{d.File} g{d.Group}: {d.Severity} {d.Id} {Cell(d.Message)}");
        sb.AppendLine().AppendLine("## Timing").AppendLine();
        foreach (var line in results.Log) sb.AppendLine("    " + line);
        return sb.ToString();
    }

    private static string Name(KeywordFile file) => file.Covered ? file.Name : file.Name + " *";

    private static string Short(string json)
    {
        var flat = json.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        return flat.Length <= 80 ? flat : flat.Substring(0, 80) + "…";
    }

    private static void AppendTotals(StringBuilder sb, ConformanceResults results, Draft draft, Func<CaseResult, bool> agrees, Func<CaseResult, bool> bad, bool fiveColumns = false)
    {
        var covered = results.Covered.Where(c => c.Draft == draft).ToList();
        var all = results.Cases.Where(c => c.Draft == draft).ToList();
        if (fiveColumns)
        {
            sb.AppendLine($"| **covered files** | **{covered.Count}** | **{covered.Count(agrees)}** | **{Percent(covered.Count(agrees), covered.Count)}** | **{covered.Count(bad)}** |");
            sb.AppendLine($"| all measured files | {all.Count} | {all.Count(agrees)} | {Percent(all.Count(agrees), all.Count)} | {all.Count(bad)} |");
        }
        else
        {
            sb.AppendLine($"| **covered files** | | | **{covered.Count}** | **{covered.Count(agrees)}** | **{Percent(covered.Count(agrees), covered.Count)}** | **{covered.Count(bad)}** |");
            sb.AppendLine($"| all measured files | | | {all.Count} | {all.Count(agrees)} | {Percent(all.Count(agrees), all.Count)} | {all.Count(bad)} |");
        }
    }
}
