extern alias quickstart;

using QuickStartDemo = quickstart::QuickStart.QuickStartDemo;

namespace ContractFirst.Emulator.Tests;

/// <summary>The main job's scenario, run in-process: it must succeed and say so.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task QuickStart_scenario_succeeds()
    {
        using var output = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var exitCode = await QuickStartDemo.RunAsync(output, timeout.Token);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains("HTTP 400 ApiError", text);
        Assert.Contains("HTTP 409 CONFLICT", text);
        Assert.Contains("DATABASE_URL", text);
        Assert.Contains("Done: ", text);
        Assert.DoesNotContain("dev-secret", text);
    }
}
