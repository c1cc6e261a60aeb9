using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractFirst.Conformance.Tests.Infrastructure;
using ContractFirst.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Conformance.Tests.Parameters;

/// <summary>What one case sent as a query parameter got: the server's status, and the generated client's verdict before sending.</summary>
public sealed record ParameterCaseResult(Draft Draft, string File, int Group, int Case, string Description, string DataJson, bool Valid, string Query, int? Status, string? ServerDetail, bool? ClientValid, string? ClientDetail)
{
    public bool ServerAgrees => Status is { } s && (Valid ? s is >= 200 and < 300 : s == 400);

    public bool ClientAgrees => ClientValid is { } v && v == Valid;

    public bool Is5xx => Status is >= 500;
}

public sealed class ParameterResults
{
    public List<ParameterGroup> Groups { get; } = new();

    public List<ParameterCaseResult> Cases { get; } = new();

    /// <summary>Groups whose operation was not generated or does not compile, with the reason.</summary>
    public List<(Draft Draft, string File, int Group, string Reason)> Failures { get; } = new();

    public List<string> Log { get; } = new();

    public TimeSpan Elapsed { get; set; }

    public IEnumerable<ParameterCaseResult> Covered => Cases.Where(c => Groups.Any(g => g.File.Draft == c.Draft && g.File.Name == c.File && g.File.Covered));
}

/// <summary>
/// Runs the parameter measurement: per draft, one OpenAPI document per keyword file (GET /g{N}?v=…), generated with
/// Models;Server;Client in one compilation, served by one TestServer; and every case through the generated client's
/// request checks (the value read into the parameter's C# type, the method called with ValidateRequests on, against a
/// handler that answers 204 without sending anything anywhere).
/// </summary>
public static class ParameterRunner
{

    public static async Task<ParameterResults> RunAsync(IEnumerable<IReadOnlyList<KeywordFile>> batches, CancellationToken cancellationToken)
    {
        var results = new ParameterResults();
        var total = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            var watch = Stopwatch.StartNew();
            var groups = ParameterSuite.Select(batch.Where(f => f.FileExclusion is null)).Where(g => g.Sent.Any()).ToList();
            results.Groups.AddRange(groups);
            await RunBatchAsync(groups, results, cancellationToken).ConfigureAwait(false);
            results.Log.Add($"batch {batch[0].Draft.Folder()} ({batch.Count} files, {groups.Count} groups): {watch.Elapsed.TotalSeconds:0.0} s");
        }

        results.Elapsed = total.Elapsed;
        return results;
    }

    private sealed record Doc(KeywordFile File, List<ParameterGroup> Groups, ConformanceDocument Names, string Text);

    private static async Task RunBatchAsync(List<ParameterGroup> groups, ParameterResults results, CancellationToken cancellationToken)
    {
        var included = groups.GroupBy(g => g.File).ToDictionary(g => g.Key, g => g.ToList());
        var failed = new Dictionary<(KeywordFile, int), string>();
        Assembly? assembly = null;
        var docs = new List<Doc>();
        for (var round = 0; round < 8 && assembly is null; round++)
        {
            docs = included.Where(e => e.Value.Count > 0)
                .Select(e => new Doc(e.Key, e.Value, ConformanceDocument.Build(e.Key, e.Value.Select(g => g.Group)), ParameterSuite.Document(e.Key, e.Value)))
                .ToList();
            if (docs.Count == 0) break;
            var (output, diagnostics) = Harness.Generate(docs.Select(d => (d.Names.SpecPath, d.Text, d.Names.Namespace, d.Names.ClientName)), cancellationToken, "Models;Server;Client");
            var sources = new List<SyntaxTree>();
            foreach (var doc in docs)
            {
                var server = output.GetTypeByMetadataName(doc.Names.Namespace + ".I" + doc.Names.Api + "Server");
                if (server is null)
                {
                    var why = string.Join("; ", diagnostics.Where(d => d.Location.GetLineSpan().Path == doc.Names.SpecPath && d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                    foreach (var g in doc.Groups) failed[(doc.File, g.Group.Index)] = "no server interface was generated (" + why + ")";
                    included[doc.File].Clear();
                    continue;
                }

                var methods = server.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).ToHashSet();
                foreach (var g in doc.Groups.Where(g => !methods.Contains("G" + g.Group.Index + "Async")))
                {
                    var mine = diagnostics.Where(d => d.Location.GetLineSpan().Path == doc.Names.SpecPath).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                    failed[(doc.File, g.Group.Index)] = "its operation was not generated (" + string.Join("; ", mine.Take(3)) + ")";
                }

                sources.Add(CSharpSyntaxTree.ParseText(ConformanceRunner.ImplementationSource(doc.Names, server), Harness.ParseOptions, path: "Conformance/" + doc.Names.Namespace + ".Implementation.cs", encoding: Encoding.UTF8, cancellationToken: cancellationToken));
            }

            if (sources.Count == 0) break;
            var (loaded, errors) = Harness.Emit(output.AddSyntaxTrees(sources), cancellationToken);
            if (loaded is not null)
            {
                assembly = loaded;
                break;
            }

            ConformanceRunner.DropWhatDoesNotCompile(errors, docs.Select(d => d.Names).ToList(), included, g => g.Group.Index, failed);
        }

        foreach (var ((file, index), reason) in failed)
        {
            results.Failures.Add((file.Draft, file.Name, index, reason));
            var group = groups.First(g => g.File == file && g.Group.Index == index);
            foreach (var c in group.Sent) results.Cases.Add(new ParameterCaseResult(file.Draft, file.Name, index, c.Index, c.Case.Description, c.Case.DataJson, c.Case.Valid, ParameterSuite.Query(c.Texts!), null, reason, null, reason));
        }

        if (assembly is null) return;
        var live = docs.Where(d => included[d.File].Count > 0).Select(d => d with { Groups = d.Groups.Where(g => !failed.ContainsKey((d.File, g.Group.Index))).ToList() }).ToList();
        await RunServerAsync(assembly, live, results, cancellationToken).ConfigureAwait(false);
        await RunClientAsync(assembly, live, results).ConfigureAwait(false);
    }

    private static async Task RunServerAsync(Assembly assembly, IReadOnlyList<Doc> docs, ParameterResults results, CancellationToken cancellationToken)
    {
        await using var app = await ConformanceServer.StartAsync(docs.Select(doc => (Host(assembly, doc), doc.Names.Prefix)).ToList(), cancellationToken).ConfigureAwait(false);
        using var client = app.GetTestClient();
        foreach (var doc in docs)
        {
            foreach (var g in doc.Groups)
            {
                foreach (var c in g.Sent)
                {
                    var query = ParameterSuite.Query(c.Texts!);
                    using var request = new HttpRequestMessage(HttpMethod.Get, doc.Names.Prefix + g.Group.Path + query);
                    var (status, detail) = await ConformanceServer.SendAsync(client, request, Truncate, cancellationToken).ConfigureAwait(false);
                    results.Cases.Add(new ParameterCaseResult(doc.File.Draft, doc.File.Name, g.Group.Index, c.Index, c.Case.Description, c.Case.DataJson, c.Case.Valid, query, status, detail, null, null));
                }
            }
        }

        await app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Type Host(Assembly assembly, Doc doc) => assembly.GetType(doc.Names.Namespace + ".ConformanceHost", throwOnError: true)!;

    /// <summary>
    /// The client's side: the case's data read (with the generated JSON options) into the C# type of the client method's
    /// <c>v</c>, then the method called; a RequestValidationException, or a value the type cannot hold, is "invalid".
    /// </summary>
    private static async Task RunClientAsync(Assembly assembly, IReadOnlyList<Doc> docs, ParameterResults results)
    {
        var index = results.Cases.Select((c, i) => (c, i)).Where(e => e.c.Status is not null).ToDictionary(e => (e.c.Draft, e.c.File, e.c.Group, e.c.Case), e => e.i);
        using var http = new HttpClient(new NoContentHandler()) { BaseAddress = new Uri("http://localhost/") };
        foreach (var doc in docs)
        {
            var clientType = assembly.GetType(doc.Names.Namespace + "." + doc.Names.ClientName);
            var options = assembly.GetType(doc.Names.Namespace + "." + doc.Names.ClientName + "Json")?.GetProperty("Options", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as JsonSerializerOptions;
            var client = clientType is null ? null : Activator.CreateInstance(clientType, http);
            foreach (var g in doc.Groups)
            {
                var method = clientType?.GetMethods().FirstOrDefault(m => m.Name == "G" + g.Group.Index + "Async" && m.GetParameters().Any(p => p.Name == "v"));
                foreach (var c in g.Sent)
                {
                    bool? valid;
                    string? detail = null;
                    if (method is null || options is null || client is null)
                    {
                        valid = null;
                        detail = "no client method";
                    }
                    else
                    {
                        var parameters = method.GetParameters();
                        var args = new object?[parameters.Length];
                        for (var i = 0; i < parameters.Length; i++) args[i] = parameters[i].HasDefaultValue ? parameters[i].DefaultValue : (parameters[i].ParameterType.IsValueType ? Activator.CreateInstance(parameters[i].ParameterType) : null);
                        var vIndex = Array.FindIndex(parameters, p => p.Name == "v");
                        if (!TryRead(c.Case.DataJson, parameters[vIndex].ParameterType, options, out var value, out var why))
                        {
                            valid = false;
                            detail = "the parameter's C# type cannot hold the value: " + why;
                        }
                        else
                        {
                            args[vIndex] = value;
                            try
                            {
                                await ((Task)method.Invoke(client, args)!).ConfigureAwait(false);
                                valid = true;
                            }
                            catch (Exception e)
                            {
                                var inner = e is TargetInvocationException { InnerException: { } x } ? x : e;
                                valid = false;
                                detail = (inner is RequestValidationException ? "" : "CRASH ") + inner.GetType().Name + ": " + Truncate(inner.Message);
                            }
                        }
                    }

                    var at = index[(doc.File.Draft, doc.File.Name, g.Group.Index, c.Index)];
                    results.Cases[at] = results.Cases[at] with { ClientValid = valid, ClientDetail = detail };
                }
            }
        }
    }

    internal static bool TryRead(string json, Type type, JsonSerializerOptions options, out object? value, out string? why)
    {
        value = null;
        why = null;
        try
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (target.IsInterface && target.IsGenericType && typeof(IEnumerable).IsAssignableFrom(target))
            {
                var item = target.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
                using var doc = JsonDocument.Parse(json);
                if (doc.RootElement.ValueKind != JsonValueKind.Array)
                {
                    why = "not an array";
                    return false;
                }

                foreach (var e in doc.RootElement.EnumerateArray()) list.Add(JsonSerializer.Deserialize(e.GetRawText(), options.GetTypeInfo(item)));
                value = list;
                return true;
            }

            // An integer by value (1.0) is what a caller passes as 1L: read the number, not the JSON token's spelling.
            if ((target == typeof(long) || target == typeof(int)) && JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.Number } number
                && number.TryGetDecimal(out var d) && d == decimal.Truncate(d))
            {
                value = target == typeof(long) ? (object)(long)d : (int)d;
                return true;
            }

            value = JsonSerializer.Deserialize(json, options.GetTypeInfo(target));
            if (value is null && !type.IsValueType)
            {
                why = "null";
                return false;
            }

            return true;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            why = e.GetType().Name + ": " + Truncate(e.Message);
            return false;
        }
    }

    internal sealed class NoContentHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request });
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";
}
