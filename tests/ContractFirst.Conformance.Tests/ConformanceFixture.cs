using ContractFirst.Conformance.Tests.Infrastructure;

namespace ContractFirst.Conformance.Tests;

/// <summary>An xUnit fact that is skipped, visibly, when ../shared/json-schema-test-suite is not beside the checkout.</summary>
public sealed class SuiteFactAttribute : FactAttribute
{
    public SuiteFactAttribute()
    {
        if (TestSuite.Root is null) Skip = "../shared/json-schema-test-suite is not beside the checkout: conformance tests skipped.";
    }
}

/// <summary>
/// Runs the whole measurement once for the test class: both drafts, every keyword file, in batches of a few documents
/// per compilation and TestServer.
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    /// <summary>Keyword files per batch (one generator run, one compilation, one TestServer).</summary>
    public const int FilesPerBatch = 8;

    public ConformanceResults Results { get; private set; } = new();

    public async Task InitializeAsync()
    {
        if (TestSuite.Root is null) return;
        var batches = new List<IReadOnlyList<KeywordFile>>();
        foreach (var draft in new[] { Draft.Draft202012, Draft.Draft4 })
        {
            var files = TestSuite.Load(draft);
            for (var i = 0; i < files.Count; i += FilesPerBatch) batches.Add(files.Skip(i).Take(FilesPerBatch).ToList());
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        Results = await ConformanceRunner.RunAsync(batches, timeout.Token);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance.md"), Report.Summary(Results) + Environment.NewLine + "### Exclusions" + Environment.NewLine + Environment.NewLine + Report.Exclusions(Results));
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-details.md"), Report.Details(Results));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
