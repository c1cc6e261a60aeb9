using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace ContractFirst.Package.Tests;

/// <summary>
/// Packs ContractFirst and ContractFirst.AspNetCore once per test run, from a copy of the sources in a temporary folder (so that it never races
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

        PackOutput = Run("dotnet", $"pack \"{Path.Combine(source, "src", "Runtime", "ContractFirst.Runtime.csproj")}\" -c Release -o \"{Feed}\" -p:Version={Version}", source)
            + Run("dotnet", $"pack \"{Path.Combine(source, "src", "AspNetCore", "ContractFirst.AspNetCore.csproj")}\" -c Release -o \"{Feed}\" -p:Version={Version}", source);
        Package = Path.Combine(Feed, $"ContractFirst.{Version}.nupkg");
        AspNetCorePackage = Path.Combine(Feed, $"ContractFirst.AspNetCore.{Version}.nupkg");
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Package { get; }

    /// <summary>The ContractFirst.AspNetCore package: what a web project references.</summary>
    public string AspNetCorePackage { get; }

    public string PackOutput { get; }

    public IReadOnlyList<string> Entries => EntriesOf(Package);

    public string Nuspec => NuspecOf(Package);

    public static IReadOnlyList<string> EntriesOf(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    public static string NuspecOf(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }

    /// <summary>A fresh folder for a consumer project, with the feed as its only package source besides the cache.</summary>
    public string NewConsumer(string name)
    {
        var project = Path.Combine(Root, name);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        // A Directory.Build.props of its own keeps the repository's (if the temp folder were inside it) out.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");
        return project;
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
