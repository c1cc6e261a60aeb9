using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractFirst.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Conformance.Tests.Infrastructure;

/// <summary>
/// Runs keyword files in batches: one generator run and one compilation per batch (one OpenAPI document per file),
/// then one TestServer per batch on which every case is POSTed, and every case through the body model's Validate.
/// </summary>
public static class ConformanceRunner
{
    /// <summary>Rounds of "drop the groups whose generated code does not compile, generate again" before giving up on a batch.</summary>
    private const int MaxCompileRounds = 10;

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly Regex GroupName = new(@"(?<![A-Za-z0-9])(?:Handle)?G(\d+)(?![0-9])", RegexOptions.CultureInvariant);

    public static async Task<ConformanceResults> RunAsync(IEnumerable<IReadOnlyList<KeywordFile>> batches, CancellationToken cancellationToken = default)
    {
        var results = new ConformanceResults();
        var total = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            results.Files.AddRange(batch);
            var watch = Stopwatch.StartNew();
            await RunBatchAsync(batch, results, cancellationToken).ConfigureAwait(false);
            results.Log.Add($"batch {string.Join(", ", batch.Select(f => f.Draft.Folder() + "/" + f.Name))}: {watch.Elapsed.TotalSeconds:0.0} s");
        }

        results.Elapsed = total.Elapsed;
        return results;
    }

    private static async Task RunBatchAsync(IReadOnlyList<KeywordFile> batch, ConformanceResults results, CancellationToken cancellationToken)
    {
        // The groups still in each document; groups whose code does not compile leave it, round after round.
        var included = batch.Where(f => f.FileExclusion is null).ToDictionary(f => f, f => f.Runnable.ToList());
        var failed = new Dictionary<(KeywordFile File, int Group), string>();
        Assembly? assembly = null;
        List<ConformanceDocument> documents = new();
        Dictionary<ConformanceDocument, INamedTypeSymbol> interfaces = new();
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < MaxCompileRounds && assembly is null; round++)
        {
            documents = included.Where(e => e.Value.Count > 0).Select(e => ConformanceDocument.Build(e.Key, e.Value)).ToList();
            if (documents.Count == 0) break;
            var (output, generatorDiagnostics) = Harness.Generate(documents.Select(d => (d.SpecPath, d.Text, d.Namespace, d.ClientName)), cancellationToken);
            if (round == 0) RecordGeneratorDiagnostics(documents, generatorDiagnostics, results);

            interfaces = new Dictionary<ConformanceDocument, INamedTypeSymbol>();
            var retry = false;
            var sources = new List<SyntaxTree>();
            foreach (var document in documents)
            {
                var server = output.GetTypeByMetadataName(document.Namespace + ".I" + document.Api + "Server");
                if (server is null)
                {
                    // The whole document did not generate: find the groups that stop it (each alone), take them out and
                    // generate the rest again; without such a group, every group of the document fails.
                    var culprits = FindCulprits(document, cancellationToken);
                    foreach (var (group, reason) in culprits) failed[(document.File, group.Index)] = reason;
                    if (culprits.Count > 0)
                    {
                        included[document.File].RemoveAll(g => culprits.Any(c => c.Group.Index == g.Index));
                        retry = true;
                        continue;
                    }

                    var why = string.Join("; ", generatorDiagnostics.Where(d => d.Location.GetLineSpan().Path == document.SpecPath && d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                    foreach (var group in document.Groups) failed[(document.File, group.Index)] = "no server interface was generated for the document (" + why + "), though each group alone generates";
                    included[document.File].Clear();
                    continue;
                }

                interfaces[document] = server;
                var methods = server.GetMembers().OfType<IMethodSymbol>().ToList();
                foreach (var group in document.Groups)
                {
                    if (!methods.Any(m => m.Name == MethodName(group)))
                    {
                        failed[(document.File, group.Index)] = "its operation was not generated" + DiagnosticsOf(document, group, generatorDiagnostics);
                    }
                }

                sources.Add(CSharpSyntaxTree.ParseText(ImplementationSource(document, server), Harness.ParseOptions, path: ImplementationPath(document), encoding: Encoding.UTF8, cancellationToken: cancellationToken));
            }

            if (retry) continue;
            var (loaded, errors) = Harness.Emit(output.AddSyntaxTrees(sources), cancellationToken);
            if (loaded is not null)
            {
                assembly = loaded;
                break;
            }

            DropWhatDoesNotCompile(errors, documents, included, g => g.Index, failed);
        }

        results.Log.Add($"  generate+compile {watch.Elapsed.TotalSeconds:0.0} s");
        foreach (var ((file, index), reason) in failed.OrderBy(f => f.Key.File.Name, StringComparer.Ordinal).ThenBy(f => f.Key.Group))
        {
            results.Failures.Add(new GroupFailure(file.Draft, file.Name, index, file.Groups[index].Description, reason));
        }

        // The cases of groups that are not run at all (failures), so that they count as disagreeing.
        foreach (var ((file, index), reason) in failed)
        {
            var group = file.Groups[index];
            for (var i = 0; i < group.Cases.Count; i++)
            {
                var c = group.Cases[i];
                results.Cases.Add(new CaseResult(file.Draft, file.Name, index, i, c.Description, c.DataJson, c.Valid, null, reason, null, reason));
            }
        }

        if (assembly is null) return;
        var live = documents.Where(d => interfaces.ContainsKey(d)).ToList();
        watch.Restart();
        await RunServerAsync(assembly, live, failed, results, cancellationToken).ConfigureAwait(false);
        results.Log.Add($"  server {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        RunValidate(assembly, live, failed, results);
        results.Log.Add($"  validate {watch.Elapsed.TotalSeconds:0.0} s");
        CompareBytesWithDocument(assembly, live, failed, results);
    }

    /// <summary>The groups that, alone in a document, stop it from generating (no server interface), with the generator's reasons.</summary>
    private static List<(SuiteGroup Group, string Reason)> FindCulprits(ConformanceDocument document, CancellationToken cancellationToken)
    {
        var culprits = new List<(SuiteGroup, string)>();
        foreach (var group in document.Groups)
        {
            var alone = ConformanceDocument.Build(document.File, new[] { group });
            var (output, diagnostics) = Harness.Generate(new[] { (alone.SpecPath, alone.Text, alone.Namespace, alone.ClientName) }, cancellationToken);
            if (output.GetTypeByMetadataName(alone.Namespace + ".I" + alone.Api + "Server") is null)
            {
                var why = string.Join("; ", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                culprits.Add((group, "it stops the whole document from generating (" + why + ")"));
            }
        }

        return culprits;
    }

    private static string MethodName(SuiteGroup group) => "G" + group.Index + "Async";

    private static string ImplementationPath(ConformanceDocument document) => "Conformance/" + document.Namespace + ".Implementation.cs";

    /// <summary>
    /// C# for the server interface as generated: every method answers its success result (204), and a host class that
    /// registers and maps it with the generated extensions.
    /// </summary>
    public static string ImplementationSource(ConformanceDocument document, INamedTypeSymbol server) => ImplementationSource(document.Namespace, document.Api, server);

    /// <summary>The same, for the generated server of API <paramref name="api"/> in <paramref name="ns"/>.</summary>
    public static string ImplementationSource(string ns, string api, INamedTypeSymbol server)
    {
        var sb = new StringBuilder();
        sb.AppendLine("#nullable enable");
        sb.AppendLine("namespace " + ns + ";");
        sb.AppendLine();
        sb.AppendLine("public sealed class ConformanceServer : I" + api + "Server");
        sb.AppendLine("{");
        foreach (var method in server.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && m.IsAbstract))
        {
            var parameters = string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(TypeFormat) + " @" + p.Name));
            var result = (method.ReturnType as INamedTypeSymbol)?.TypeArguments.FirstOrDefault() as INamedTypeSymbol;
            var factory = result?.GetMembers("NoContent").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.Length == 0) == true ? "NoContent()" : "Status(204)";
            var resultName = result?.ToDisplayString(TypeFormat) ?? "object";
            sb.AppendLine($"    public {method.ReturnType.ToDisplayString(TypeFormat)} {method.Name}({parameters}) => global::System.Threading.Tasks.Task.FromResult({resultName}.{factory});");
        }

        sb.AppendLine("}");
        sb.AppendLine();
        sb.AppendLine("public static class ConformanceHost");
        sb.AppendLine("{");
        sb.AppendLine($"    public static void Add(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.Add{api}Server<ConformanceServer>();");
        sb.AppendLine($"    public static void Map(global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string prefix) => endpoints.Map{api}(prefix);");
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static void RecordGeneratorDiagnostics(IReadOnlyList<ConformanceDocument> documents, IEnumerable<Diagnostic> diagnostics, ConformanceResults results)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            var span = diagnostic.Location.GetLineSpan();
            var document = documents.FirstOrDefault(d => d.SpecPath == span.Path);
            if (document is null) continue;
            var line = span.StartLinePosition.Line + 1;
            foreach (var (index, (first, last)) in document.GroupLines)
            {
                if (line >= first && line <= last)
                {
                    results.Diagnostics.Add(new GroupDiagnostic(document.File.Draft, document.File.Name, index, diagnostic.Id, diagnostic.Severity.ToString(), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }
    }

    private static string DiagnosticsOf(ConformanceDocument document, SuiteGroup group, IEnumerable<Diagnostic> diagnostics)
    {
        if (!document.GroupLines.TryGetValue(group.Index, out var lines)) return "";
        var mine = diagnostics.Where(d =>
        {
            var span = d.Location.GetLineSpan();
            var line = span.StartLinePosition.Line + 1;
            return span.Path == document.SpecPath && line >= lines.First && line <= lines.Last;
        }).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return mine.Count == 0 ? "" : " (" + string.Join("; ", mine) + ")";
    }

    /// <summary>
    /// After a failed compile: each error is attributed to a group (by the declaration or line it stands in), whose group
    /// leaves its document, or else to a document, which leaves whole; errors that point nowhere take the whole batch.
    /// Each group taken out is recorded in <paramref name="failed"/> with the error.
    /// </summary>
    internal static void DropWhatDoesNotCompile<TGroup>(IReadOnlyList<Diagnostic> errors, IReadOnlyList<ConformanceDocument> documents, Dictionary<KeywordFile, List<TGroup>> included, Func<TGroup, int> indexOf, Dictionary<(KeywordFile File, int Group), string> failed)
    {
        var attributed = false;
        foreach (var error in errors)
        {
            var (document, groupIndex) = Attribute(error, documents);
            if (document is null) continue;
            var message = $"the generated code does not compile: {error.Id} {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            if (groupIndex is { } index && included[document.File].RemoveAll(g => indexOf(g) == index) > 0)
            {
                failed[(document.File, index)] = message;
                attributed = true;
            }
            else if (groupIndex is null && included[document.File].Count > 0)
            {
                foreach (var group in included[document.File]) failed.TryAdd((document.File, indexOf(group)), "the document's generated code does not compile: " + message);
                included[document.File].Clear();
                attributed = true;
            }
        }

        if (attributed) return;
        var text = string.Join("; ", errors.Take(3).Select(e => e.ToString()));
        foreach (var (file, groups) in included)
        {
            foreach (var group in groups) failed.TryAdd((file, indexOf(group)), "the batch's generated code does not compile: " + text);
            groups.Clear();
        }
    }

    /// <summary>The document and, when it can be told, the group that a compile error belongs to.</summary>
    private static (ConformanceDocument? Document, int? Group) Attribute(Diagnostic error, IReadOnlyList<ConformanceDocument> documents)
    {
        var tree = error.Location.SourceTree;
        if (tree is null) return (null, null);
        var file = System.IO.Path.GetFileName(tree.FilePath);
        var document = documents.Where(d => file.StartsWith(d.Namespace + ".", StringComparison.Ordinal)).OrderByDescending(d => d.Namespace.Length).FirstOrDefault();
        if (document is null)
        {
            // A shared file (e.g. the server support): the namespace in the error's text, if any.
            var text = tree.GetText().Lines.GetLineFromPosition(error.Location.SourceSpan.Start).ToString();
            document = documents.Where(d => text.Contains(d.Namespace + ".", StringComparison.Ordinal)).OrderByDescending(d => d.Namespace.Length).FirstOrDefault();
            if (document is null) return (null, null);
        }

        var known = document.Groups.Select(g => g.Index).ToHashSet();
        var node = tree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            var name = ancestor switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
                MethodDeclarationSyntax m => m.Identifier.ValueText,
                PropertyDeclarationSyntax p => p.Identifier.ValueText,
                _ => null,
            };
            if (name is not null && GroupName.Match(name) is { Success: true } match && known.Contains(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                return (document, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var line = tree.GetText().Lines.GetLineFromPosition(error.Location.SourceSpan.Start).ToString();
        var inLine = GroupName.Matches(line).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Where(known.Contains).Distinct().ToList();
        return inLine.Count == 1 ? (document, inLine[0]) : (document, null);
    }

    private static async Task RunServerAsync(Assembly assembly, IReadOnlyList<ConformanceDocument> documents, Dictionary<(KeywordFile, int), string> failed, ConformanceResults results, CancellationToken cancellationToken)
    {
        await using var app = await ConformanceServer.StartAsync(documents.Select(document => (Host(assembly, document), document.Prefix)).ToList(), cancellationToken).ConfigureAwait(false);
        using var client = app.GetTestClient();
        foreach (var document in documents)
        {
            foreach (var group in document.Groups.Where(g => !failed.ContainsKey((document.File, g.Index))))
            {
                for (var i = 0; i < group.Cases.Count; i++)
                {
                    var c = group.Cases[i];
                    using var request = new HttpRequestMessage(HttpMethod.Post, document.Prefix + group.Path) { Content = new StringContent(Wrap(c.DataJson), Encoding.UTF8, "application/json") };
                    var (status, detail) = await ConformanceServer.SendAsync(client, request, ErrorText, cancellationToken).ConfigureAwait(false);
                    results.Cases.Add(new CaseResult(document.File.Draft, document.File.Name, group.Index, i, c.Description, c.DataJson, c.Valid, status, detail, null, null));
                }
            }
        }

        await app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Type Host(Assembly assembly, ConformanceDocument document) => assembly.GetType(document.Namespace + ".ConformanceHost", throwOnError: true)!;

    /// <summary>
    /// The models' path: <c>{"v": data}</c> read with the generated JSON options into the operation's body type, then its
    /// Validate. The body type is found by reflection here, in the test (generated code uses none).
    /// </summary>
    private static void RunValidate(Assembly assembly, IReadOnlyList<ConformanceDocument> documents, Dictionary<(KeywordFile, int), string> failed, ConformanceResults results)
    {
        var byKey = results.Cases.Select((c, i) => (c, i)).Where(e => e.c.Status is not null).ToDictionary(e => (e.c.Draft, e.c.File, e.c.Group, e.c.Case), e => e.i);
        foreach (var document in documents)
        {
            var server = assembly.GetType(document.Namespace + ".I" + document.Api + "Server");
            var json = assembly.GetType(document.Namespace + "." + document.ClientName + "Json");
            var options = json?.GetProperty("Options", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as JsonSerializerOptions;
            foreach (var group in document.Groups.Where(g => !failed.ContainsKey((document.File, g.Index))))
            {
                var bodyType = server?.GetMethod(MethodName(group))?.GetParameters().FirstOrDefault(p => p.Name == "body")?.ParameterType;
                for (var i = 0; i < group.Cases.Count; i++)
                {
                    var c = group.Cases[i];
                    bool? valid;
                    string? detail = null;
                    var crashed = false;
                    if (bodyType is null || options is null)
                    {
                        valid = null;
                        detail = options is null ? "no JSON options were generated" : "the operation has no body parameter";
                    }
                    else
                    {
                        try
                        {
                            var value = JsonSerializer.Deserialize(Wrap(c.DataJson), options.GetTypeInfo(bodyType));
                            var context = new ValidationContext();
                            if (value is IValidatable validatable) validatable.Validate(context, "");
                            else if (value is null) context.Add("", "type", "read as null");
                            valid = !context.HasErrors;
                            if (context.HasErrors) detail = Truncate(string.Join("; ", context.Errors), 300);
                        }
                        catch (JsonException e)
                        {
                            valid = false;
                            detail = "JsonException: " + FirstLine(e.Message);
                        }
                        catch (Exception e)
                        {
                            // Anything else than a JsonException is a crash of the model path: counted as "invalid" and flagged.
                            valid = false;
                            crashed = true;
                            detail = (e is TargetInvocationException { InnerException: { } inner } ? inner : e).GetType().Name + ": " + FirstLine(e.Message);
                        }
                    }

                    var index = byKey[(document.File.Draft, document.File.Name, group.Index, i)];
                    results.Cases[index] = results.Cases[index] with { ValidateValid = valid, ValidateDetail = detail, ValidateCrashed = crashed };
                }
            }
        }
    }

    /// <summary>
    /// The body schema's two entry points must agree on every case: <c>Validate(bytes)</c> (a streaming pass over the
    /// bytes that can only show a body valid, then the full evaluation) and <c>Validate(JsonElement)</c> (the full
    /// evaluation of a parsed document) give the same answer and the same errors.
    /// </summary>
    private static void CompareBytesWithDocument(Assembly assembly, IReadOnlyList<ConformanceDocument> documents, Dictionary<(KeywordFile, int), string> failed, ConformanceResults results)
    {
        foreach (var document in documents)
        {
            var schemas = assembly.GetType(document.Namespace + "." + document.ClientName + "Schemas");
            foreach (var group in document.Groups.Where(g => !failed.ContainsKey((document.File, g.Index))))
            {
                var name = char.ToUpperInvariant(group.OperationId[0]) + group.OperationId.Substring(1) + "Body";
                if (schemas?.GetProperty(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not JsonSchema schema) continue;
                for (var i = 0; i < group.Cases.Count; i++)
                {
                    var bytes = System.Text.Encoding.UTF8.GetBytes(Wrap(group.Cases[i].DataJson));
                    var fromBytes = new ValidationContext();
                    var bytesValid = schema.Validate(bytes, fromBytes, "");
                    var fromDocument = new ValidationContext();
                    bool documentValid;
                    using (var parsed = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 }))
                    {
                        documentValid = schema.Validate(parsed.RootElement, fromDocument, "");
                    }

                    results.BytesAgainstDocumentChecked++;
                    var a = string.Join("; ", fromBytes.Errors);
                    var b = string.Join("; ", fromDocument.Errors);
                    if (bytesValid != documentValid || a != b)
                    {
                        results.BytesAgainstDocumentDisagreements.Add($"{document.File.Draft} {document.File.Name} g{group.Index} case {i}: bytes {bytesValid} [{a}], document {documentValid} [{b}]");
                    }
                }
            }
        }
    }

    /// <summary>The "detail" of a problem-details answer, else the start of the body.</summary>
    private static string ErrorText(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String) return Truncate(detail.GetString()!, 300);
        }
        catch (JsonException)
        {
        }

        return Truncate(body, 300);
    }

    public static string Wrap(string dataJson) => "{\"v\":" + dataJson + "}";

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        return Truncate(end < 0 ? text : text.Substring(0, end), 300);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";
}
