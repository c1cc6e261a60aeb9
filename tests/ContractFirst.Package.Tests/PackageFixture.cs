using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace ContractFirst.Package.Tests;

/// <summary>
/// Packs ContractFirst once per test run, from a copy of the sources in a temporary folder (so that it never races
/// the solution's own build), with a version unique to the run (so that no stale package is taken from the cache).
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("cf-package-").FullName;
        Feed = Path.Combine(Root, "feed");
        // The product version (Directory.Build.props, through ContractFirst.Package.Tests.csproj), unique to the run.
        Version = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProductVersion").Value + "-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        var source = Path.Combine(Root, "source");
        var repo = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        CopyTree(Path.Combine(repo, "src"), Path.Combine(source, "src"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "README.md" })
        {
            File.Copy(Path.Combine(repo, file), Path.Combine(source, file));
        }

        PackOutput = Run("dotnet", $"pack \"{Path.Combine(source, "src", "Runtime", "ContractFirst.Runtime.csproj")}\" -c Release -o \"{Feed}\" -p:Version={Version}", source);
        Package = Path.Combine(Feed, $"ContractFirst.{Version}.nupkg");
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Package { get; }

    public string PackOutput { get; }

    public IReadOnlyList<string> Entries => ZipFile.OpenRead(Package).Entries.Select(e => e.FullName).ToList();

    public string Nuspec
    {
        get
        {
            using var zip = ZipFile.OpenRead(Package);
            using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            return reader.ReadToEnd();
        }
    }

    /// <summary>Runs a command to completion (bounded), returning its output; throws with the output when it fails.</summary>
    public static string Run(string file, string arguments, string workingDirectory, int timeoutSeconds = 600, bool allowFailure = false)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeoutSeconds} s:\n{output}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}:\n{output}");
        }

        return output.ToString();
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj") continue;
            CopyTree(dir, Path.Combine(to, name));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
