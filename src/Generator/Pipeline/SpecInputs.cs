using System;
using System.Collections.Generic;
using System.Threading;
using ContractFirst.Generator.Model;
using ContractFirst.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContractFirst.Generator.Pipeline;

/// <summary>
/// An <c>OpenApiSpec</c> item as plain data: its path, text and item metadata. Pulled out of the AdditionalText and
/// its options in the first step, so that nothing later holds a Roslyn object.
/// </summary>
internal sealed record SpecInput(string Path, string Text, string? Namespace, string? ClientName, string? Generate)
{
    public static SpecInput? TryCreate(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue("build_metadata.AdditionalFiles.ContractFirstSpec", out var isSpec) ||
            !string.Equals(isSpec, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecInput(
            PathUtil.Normalize(file.Path),
            text,
            Metadata(options, "Namespace"),
            Metadata(options, "ClientName"),
            Metadata(options, "Generate"));
    }

    private static string? Metadata(AnalyzerConfigOptions options, string name)
        => options.TryGetValue("build_metadata.AdditionalFiles." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The generate kinds asked for; null when the value is not valid.</summary>
    public GenerateKinds? ParseGenerate(out string? badValue)
    {
        badValue = null;
        if (Generate is null) return GenerateKinds.Models | GenerateKinds.Client;
        var kinds = GenerateKinds.None;
        foreach (var raw in Generate.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.Trim();
            if (part.Length == 0) continue;
            if (string.Equals(part, "Models", StringComparison.OrdinalIgnoreCase)) kinds |= GenerateKinds.Models;
            else if (string.Equals(part, "Client", StringComparison.OrdinalIgnoreCase)) kinds |= GenerateKinds.Client | GenerateKinds.Models;
            else if (string.Equals(part, "Server", StringComparison.OrdinalIgnoreCase)) kinds |= GenerateKinds.Server | GenerateKinds.Models;
            else if (string.Equals(part, "None", StringComparison.OrdinalIgnoreCase)) { }
            else
            {
                badValue = part;
                return null;
            }
        }

        return kinds;
    }
}

/// <summary>What the parse step needs: the spec, the root namespace, and only the documents it references.</summary>
internal sealed record ParseRequest(SpecInput Spec, string? RootNamespace, ImmutableEquatableArray<SpecInput> Referenced);

/// <summary>The parse step's output: the model (null when nothing can be generated) and located diagnostics.</summary>
internal sealed record ParseResult(SpecModel? Model, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The names of the pipeline's steps, for incremental tests.</summary>
internal static class TrackingNames
{
    public const string RootNamespace = nameof(RootNamespace);
    public const string SpecInputs = nameof(SpecInputs);
    public const string AllSpecInputs = nameof(AllSpecInputs);
    public const string ParseRequests = nameof(ParseRequests);
    public const string ParseResults = nameof(ParseResults);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string HasAspNetCore = nameof(HasAspNetCore);
    public const string Outputs = nameof(Outputs);
    public const string OutputPlans = nameof(OutputPlans);
    public const string PlannedOutputs = nameof(PlannedOutputs);
}

/// <summary>Finds the files a spec reaches through external $refs, by a cheap scan of its text (no parsing).</summary>
internal static class ReferenceScanner
{
    public static ImmutableEquatableArray<SpecInput> Referenced(SpecInput spec, ImmutableEquatableArray<SpecInput> all)
    {
        var byPath = new Dictionary<string, SpecInput>(StringComparer.Ordinal);
        foreach (var input in all) byPath[input.Path] = input;
        var result = new List<SpecInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { spec.Path };
        var queue = new Queue<SpecInput>();
        queue.Enqueue(spec);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var file in ExternalFiles(current.Text))
            {
                var path = PathUtil.Resolve(current.Path, file);
                if (seen.Add(path) && byPath.TryGetValue(path, out var target))
                {
                    result.Add(target);
                    queue.Enqueue(target);
                }
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return result.ToImmutableEquatableArray();
    }

    /// <summary>
    /// The file parts of the $ref values in a text: quoted values are read to their closing quote (so a file name may
    /// hold spaces), plain ones to the first space or flow delimiter. Local refs and URLs are no files.
    /// </summary>
    internal static IEnumerable<string> ExternalFiles(string text)
    {
        var index = 0;
        while ((index = text.IndexOf("$ref", index, StringComparison.Ordinal)) >= 0)
        {
            index += 4;
            var i = index;
            if (i < text.Length && text[i] is '"' or '\'') i++;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            if (i >= text.Length || text[i] != ':') continue;
            i++;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            var quote = i < text.Length && text[i] is '"' or '\'' ? text[i++] : '\0';
            var start = i;
            while (i < text.Length && text[i] is not ('\n' or '\r') && (quote != '\0' ? text[i] != quote : text[i] is not (' ' or '\t' or ',' or '}' or ']')))
            {
                if (quote == '"' && text[i] == '\\') i++;
                i++;
            }

            var value = text.Substring(start, Math.Min(i, text.Length) - start);
            if (quote == '"') value = value.Replace("\\/", "/").Replace("\\\\", "\\");
            var hash = value.IndexOf('#');
            var file = hash < 0 ? value : value.Substring(0, hash);
            if (file.Length > 0 && file.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                yield return file;
            }
        }
    }
}
