using System.Diagnostics;
using Xunit.Abstractions;

namespace ContractFirst.Client.Tests;

/// <summary>
/// samples/ClientAot, published trimmed and self-contained for linux-x64 (the sample turns every trim/AOT analyzer
/// warning into an error), then run: its output proves the generated client works trimmed with reflection-based JSON off.
/// </summary>
public class AotSampleTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Trimmed_publish_of_the_ClickHouse_sample_runs()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            output.WriteLine("linux-x64 only: skipped.");
            return;
        }

        var root = RepoRoot();
        var outDir = Path.Combine(Path.GetTempPath(), "cf-clientaot-" + Guid.NewGuid().ToString("N"));
        try
        {
            // PublishTrimmed comes from the sample's project file (see there why not from the command line).
            var (code, log) = await RunAsync("dotnet", ["publish", Path.Combine(root, "samples", "ClientAot", "ClientAot.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", outDir, "-nologo", "-clp:NoSummary"], root, TimeSpan.FromMinutes(5));
            output.WriteLine(log);
            Assert.True(code == 0, "dotnet publish failed:\n" + log);
            Assert.DoesNotMatch(@"warning IL\d{4}", log);
            Assert.False(File.Exists(Path.Combine(outDir, "System.Private.Xml.dll")), "the publish was not trimmed"); // unused: trimmed away

            var (exit, text) = await RunAsync(Path.Combine(outDir, "ClientAot"), [], outDir, TimeSpan.FromMinutes(1));
            output.WriteLine(text);
            Assert.Equal(0, exit);
            Assert.Equal(
                [
                    "list: 2 services, first warehouse (hibernating, known=False)",
                    """create: sent {"name":"analytics","provider":"aws","region":"eu-west-1","minTotalMemoryGb":24}; password p@ss""",
                    "error: 404 Service not found request 0b9c6f53-6a2c-4a43-9d1b-55b0a1c1e001",
                    "validation: body.minTotalMemoryGb",
                    "unexpected: a JSON body for ServiceResponse",
                    "di: 1 backups, status done",
                    "done",
                ],
                text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
