using System.Globalization;
using System.Text;
using ContractFirst.Conformance.Tests.Infrastructure;

namespace ContractFirst.Conformance.Tests.Parameters;

/// <summary>Runs the parameter measurement once for the test class: both drafts, every keyword file.</summary>
public sealed class ParameterFixture : IAsyncLifetime
{
    public ParameterResults Results { get; private set; } = new();

    public async Task InitializeAsync()
    {
        if (TestSuite.Root is null) return;
        var batches = new[] { Draft.Draft202012, Draft.Draft4 }.Select(d => (IReadOnlyList<KeywordFile>)TestSuite.Load(d)).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        Results = await ParameterRunner.RunAsync(batches, timeout.Token);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "parameter-conformance.md"), ParameterReport.Summary(Results));
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "parameter-conformance-details.md"), ParameterReport.Details(Results));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Issue 11 for parameters: every suite group whose cases a query string can carry, as a required query parameter
/// <c>v</c> of the group's schema (form, explode), through the generated server (2xx against 400) and the generated
/// client's checks before sending. The table goes to parameter-conformance.md beside the test binaries and
/// docs/validation.md ("Parameters").
/// </summary>
public sealed class ParameterConformanceTests(ParameterFixture run, ITestOutputHelper output) : IClassFixture<ParameterFixture>
{
    public const double MinimumServerAgreement = 0.98;
    public const double MinimumClientAgreement = 0.98;

    private ParameterResults Results => run.Results;

    [SuiteFact]
    public void PrintsTheTable()
    {
        output.WriteLine(ParameterReport.Summary(Results));
        foreach (var line in Results.Log) output.WriteLine(line);
        Assert.True(Results.Cases.Count > 500, Results.Cases.Count + " cases sent");
        foreach (var draft in new[] { Draft.Draft202012, Draft.Draft4 }) Assert.Contains(Results.Cases, c => c.Draft == draft);
    }

    [SuiteFact]
    public void EveryGroupGenerates()
    {
        Assert.True(Results.Failures.Count == 0, "Groups whose operation was not generated or does not compile:\n" + string.Join("\n", Results.Failures.Select(f => $"{f.Draft.Folder()}/{f.File} g{f.Group}: {f.Reason}")));
    }

    [SuiteFact]
    public void NoRequestAnswers5xx()
    {
        var fives = Results.Cases.Where(c => c.Is5xx).ToList();
        Assert.True(fives.Count == 0, $"{fives.Count} requests answered 5xx:\n" + string.Join("\n", fives.Take(40).Select(c => $"{c.Draft.Folder()}/{c.File} g{c.Group} {c.Query}: {c.Status} {c.ServerDetail}")));
    }

    [SuiteFact]
    public void TheClientNeverCrashes()
    {
        var crashes = Results.Cases.Where(c => c.ClientDetail?.StartsWith("CRASH", StringComparison.Ordinal) == true).ToList();
        Assert.True(crashes.Count == 0, string.Join("\n", crashes.Take(40).Select(c => $"{c.Draft.Folder()}/{c.File} g{c.Group} {c.DataJson}: {c.ClientDetail}")));
    }

    [SuiteFact]
    public void ServerAgreementMeetsTheFloor()
    {
        foreach (var draft in new[] { Draft.Draft202012, Draft.Draft4 }) AssertFloor("server", draft, c => c.ServerAgrees, MinimumServerAgreement);
    }

    [SuiteFact]
    public void ClientAgreementMeetsTheFloor()
    {
        foreach (var draft in new[] { Draft.Draft202012, Draft.Draft4 }) AssertFloor("client", draft, c => c.ClientAgrees, MinimumClientAgreement);
    }

    /// <summary>An error of a parameter names the parameter: <c>v</c>, or <c>v[n]</c> for an item.</summary>
    [SuiteFact]
    public void ErrorsNameTheParameter()
    {
        var refused = Results.Cases.Where(c => c.Status == 400).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, c => Assert.Matches("\"v(\\[\\d+\\])?\"|'v(\\[\\d+\\])?'|\\bv(\\[\\d+\\])?\\b", c.ServerDetail ?? ""));
    }

    private void AssertFloor(string path, Draft draft, Func<ParameterCaseResult, bool> agrees, double floor)
    {
        var cases = Results.Covered.Where(c => c.Draft == draft).ToList();
        var measured = ConformanceResults.Ratio(cases.Count(agrees), cases.Count);
        var text = $"{path} agreement of parameters over the covered files of {draft.Label()}: {measured.ToString("P1", CultureInfo.InvariantCulture)} of {cases.Count} (floor {floor.ToString("P1", CultureInfo.InvariantCulture)})";
        output.WriteLine(text);
        Assert.True(measured >= floor, text + "\n" + string.Join("\n", cases.Where(c => !agrees(c)).Take(30).Select(c => $"{c.File} g{c.Group} {c.Query} valid={c.Valid}: {c.Status} {c.ServerDetail} | client {c.ClientValid} {c.ClientDetail}")));
    }
}

public static class ParameterReport
{
    public static string Summary(ParameterResults results)
    {
        var sb = new StringBuilder();
        foreach (var draft in new[] { Draft.Draft202012, Draft.Draft4 })
        {
            var groups = results.Groups.Where(g => g.File.Draft == draft).ToList();
            if (groups.Count == 0) continue;
            sb.AppendLine($"### Parameters, {draft.Label()} (GET ?v=…; server: valid→2xx, invalid→400; client: checks before sending)").AppendLine();
            sb.AppendLine("| keyword file | groups | cases sent | cases not sendable | server agree | % | 5xx | client agree | % |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var file in groups.GroupBy(g => g.File).OrderBy(f => f.Key.Name, StringComparer.Ordinal))
            {
                var cases = results.Cases.Where(c => c.Draft == draft && c.File == file.Key.Name).ToList();
                var excluded = file.Sum(g => g.Cases.Count(c => c.Exclusion is not null));
                var server = cases.Count(c => c.ServerAgrees);
                var client = cases.Count(c => c.ClientAgrees);
                sb.AppendLine($"| {file.Key.Name}{(file.Key.Covered ? "" : " *")} | {file.Count()} | {cases.Count} | {excluded} | {server} | {ParameterSuite.Percent(server, cases.Count)} | {cases.Count(c => c.Is5xx)} | {client} | {ParameterSuite.Percent(client, cases.Count)} |");
            }

            var covered = results.Covered.Where(c => c.Draft == draft).ToList();
            var s = covered.Count(c => c.ServerAgrees);
            var k = covered.Count(c => c.ClientAgrees);
            sb.AppendLine($"| **covered files** | | **{covered.Count}** | | **{s}** | **{ParameterSuite.Percent(s, covered.Count)}** | **{covered.Count(c => c.Is5xx)}** | **{k}** | **{ParameterSuite.Percent(k, covered.Count)}** |");
            sb.AppendLine();
            sb.AppendLine("Cases not sent, by reason:").AppendLine();
            foreach (var reason in groups.SelectMany(g => g.Cases).Where(c => c.Exclusion is not null).GroupBy(c => c.Exclusion!).OrderByDescending(r => r.Count()))
            {
                sb.AppendLine($"- {reason.Count()}: {reason.Key}");
            }

            sb.AppendLine();
        }

        sb.AppendLine("`*` not in the covered totals (as for bodies).").AppendLine();
        sb.AppendLine("Groups that did not generate: " + (results.Failures.Count == 0 ? "none." : string.Join("; ", results.Failures.Select(f => $"{f.Draft.Folder()}/{f.File} g{f.Group}: {f.Reason}"))));
        sb.AppendLine().AppendLine($"Wall time of the measurement: {results.Elapsed.TotalSeconds:0} s.");
        return sb.ToString();
    }

    public static string Details(ParameterResults results)
    {
        var sb = new StringBuilder("# Parameter disagreements\n\n");
        foreach (var c in results.Cases.Where(c => !c.ServerAgrees || !c.ClientAgrees))
        {
            var g = results.Groups.First(x => x.File.Draft == c.Draft && x.File.Name == c.File && x.Group.Index == c.Group);
            sb.AppendLine($"- {c.Draft.Folder()}/{c.File} g{c.Group} `{g.Group.Schema?.ToJsonString()}` {c.Description}: data `{c.DataJson}` valid={c.Valid} query `{c.Query}`; server {c.Status} {c.ServerDetail}; client {c.ClientValid} {c.ClientDetail}");
        }

        return sb.ToString();
    }
}
