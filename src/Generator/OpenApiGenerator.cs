using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Emit;
using ContractFirst.Generator.Model;
using ContractFirst.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Generator;

/// <summary>
/// Turns each <c>OpenApiSpec</c> item into models, reflection-free JSON, a typed client and server stubs.
/// The data flows one way: spec text (AdditionalFiles) → <see cref="ParseRequest"/> → one equatable
/// <see cref="SpecModel"/> → emitters. Each step is small, named and cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns) && !string.IsNullOrWhiteSpace(ns) ? ns.Trim() : null)
            .WithTrackingName(TrackingNames.RootNamespace);

        var specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => SpecInput.TryCreate(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.SpecInputs);

        // Sorted by path, so that the order of AdditionalFiles never changes the output.
        var allSpecs = specs.Collect()
            .Select(static (all, _) => all.OrderBy(s => s.Path, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.AllSpecInputs);

        var requests = specs
            .Combine(rootNamespace)
            .Combine(allSpecs)
            .Select(static (pair, _) => new ParseRequest(pair.Left.Left, pair.Left.Right, ReferenceScanner.Referenced(pair.Left.Left, pair.Right)))
            .WithTrackingName(TrackingNames.ParseRequests);

        var results = requests
            .Select(static (request, ct) => SpecParser.Parse(request, ct))
            .WithTrackingName(TrackingNames.ParseResults);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var models = results
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Models);

        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items) spc.ReportDiagnostic(ToDiagnostic(item));
        });

        // Server stubs are ASP.NET Core code: they need a web project. One bool, so that compilation edits stay cached.
        var hasAspNetCore = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext") is not null)
            .WithTrackingName(TrackingNames.HasAspNetCore);

        var outputs = models
            .Combine(hasAspNetCore)
            .Select(static (pair, _) => pair.Right || (pair.Left.Generate & GenerateKinds.Server) == 0
                ? pair.Left
                : pair.Left with { Generate = pair.Left.Generate & ~GenerateKinds.Server, ServerWithoutAspNetCore = true })
            .WithTrackingName(TrackingNames.Outputs);

        context.RegisterSourceOutput(outputs, static (spc, model) => Emit(spc, model));

        // The ASP.NET Core glue that every server shares: once per compilation, when any spec asks for Server.
        var anyServer = outputs
            .Select(static (model, _) => (model.Generate & GenerateKinds.Server) != 0)
            .Collect()
            .Select(static (all, _) => all.Contains(true))
            .WithTrackingName(TrackingNames.AnyServer);
        context.RegisterSourceOutput(anyServer, static (spc, any) =>
        {
            if (any) spc.AddSource(ServerSupportEmitter.HintName, SourceText.From(ServerSupportEmitter.Emit(), Encoding.UTF8));
        });
    }

    private static void Emit(SourceProductionContext context, SpecModel model)
    {
        if (model.ServerWithoutAspNetCore)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ServerNeedsAspNetCore, Location.None, model.FileName));
        }

        try
        {
            foreach (var type in model.Types)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                Add(context, model, type.Name, ModelEmitter.Emit(model, type));
            }

            Add(context, model, model.ClientName + "Json", new JsonEmitter(model).Emit());
            Add(context, model, model.SchemasClassName, SchemaEmitter.Emit(model));
            foreach (var (name, source) in Emitters.Optional(model))
            {
                Add(context, model, name, source);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, model.FileName, ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static void Add(SourceProductionContext context, SpecModel model, string name, string source)
        => context.AddSource(HintName(model.Namespace + "." + name), SourceText.From(source, Encoding.UTF8));

    /// <summary>Hint names allow a limited alphabet; anything else is replaced and a hash keeps the name unique.</summary>
    private static string HintName(string name)
    {
        var builder = new StringBuilder(name.Length + 5);
        var replaced = false;
        foreach (var ch in name)
        {
            if (ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_')
            {
                builder.Append(ch);
            }
            else
            {
                builder.Append('_');
                replaced = true;
            }
        }

        if (replaced)
        {
            unchecked
            {
                var hash = 23;
                foreach (var ch in name) hash = hash * 31 + ch;
                builder.Append('_').Append(((uint)hash).ToString("x8"));
            }
        }

        return builder.Append(".g.cs").ToString();
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.ById[info.Id];
        var location = info.FilePath is null
            ? Location.None
            : Location.Create(info.FilePath, default, new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.EndLine, info.EndColumn)));
        return Diagnostic.Create(descriptor, location, info.Arguments.Cast<object>().ToArray());
    }
}

/// <summary>The emitters that depend on <see cref="SpecModel.Generate"/>: client and server.</summary>
internal static class Emitters
{
    public static IEnumerable<(string Name, string Source)> Optional(SpecModel model)
    {
        if ((model.Generate & GenerateKinds.Client) != 0)
        {
            foreach (var output in ClientEmitter.Emit(model)) yield return output;
        }

        if ((model.Generate & GenerateKinds.Server) != 0)
        {
            foreach (var output in ServerEmitter.Emit(model)) yield return output;
        }
    }
}
