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
            .Select(static (request, ct) => WithSourcePath(SpecParser.Parse(request, ct), request.Spec.Path))
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

        // Server stubs call ContractFirst.AspNetCore (a web project's package): without it, CF0008 instead of broken code.
        // One bool, so that compilation edits stay cached.
        var hasAspNetCore = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext") is not null && compilation.GetTypeByMetadataName(ServerSupportEmitter.MarkerType) is not null)
            .WithTrackingName(TrackingNames.HasAspNetCore);

        var outputs = models
            .Combine(hasAspNetCore)
            .Select(static (pair, _) => pair.Right || (pair.Left.Generate & GenerateKinds.Server) == 0
                ? pair.Left
                : pair.Left with { Generate = pair.Left.Generate & ~GenerateKinds.Server, ServerWithoutAspNetCore = true })
            .WithTrackingName(TrackingNames.Outputs);

        // Two items may generate the same types in the same namespace: the item earlier by path keeps them (CF0009), and
        // hint names never differ only in case. Each spec gets only its own plan, so that its outputs stay cached.
        var plans = outputs
            .Select(static (model, _) => new OutputClaim(model.SourcePath, model.Namespace, Emitters.OutputNames(model).ToImmutableEquatableArray()))
            .Collect()
            .Select(static (claims, _) => OutputPlanner.Plan(claims))
            .WithTrackingName(TrackingNames.OutputPlans);

        var planned = outputs
            .Combine(plans)
            .Select(static (pair, _) => (Model: pair.Left, Plan: OutputPlanner.For(pair.Right, pair.Left.SourcePath)))
            .WithTrackingName(TrackingNames.PlannedOutputs);

        context.RegisterSourceOutput(planned, static (spc, pair) => Emit(spc, pair.Model, pair.Plan));
    }

    private static void Emit(SourceProductionContext context, SpecModel model, OutputPlan plan)
    {
        using var cancellable = SourceWriter.Cancellable(context.CancellationToken);
        if (model.ServerWithoutAspNetCore)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ServerNeedsAspNetCore, Location.None, model.FileName));
        }

        var itemLocation = model.SourcePath.Length == 0 ? Location.None : Location.Create(model.SourcePath, default, new LinePositionSpan(default, new LinePosition(0, 1)));
        foreach (var collision in plan.Collisions)
        {
            var names = collision.Names.Count == 1
                ? "the type '" + collision.Names[0] + "'"
                : collision.Names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " types ('" + string.Join("', '", collision.Names.Take(5)) + "'" + (collision.Names.Count > 5 ? ", …)" : ")");
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateOutputs, itemLocation, collision.OtherPath, model.SourcePath, names, model.Namespace));
        }

        // Each output on its own: one that fails (a bug, CF0007) costs only itself.
        void Add(string name, Func<string> source)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (plan.Skips(name)) return;
            try
            {
                context.AddSource(plan.HintFor(model.Namespace, name), SourceText.From(source(), Encoding.UTF8));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, itemLocation, model.FileName, "'" + name + "': " + ex.GetType().Name + ": " + ex.Message));
            }
        }

        foreach (var type in model.Types)
        {
            Add(type.Name, () => ModelEmitter.Emit(model, type));
        }

        Add(model.ClientName + "Json", () =>
        {
            var json = new JsonEmitter(model);
            var source = json.Emit();
            foreach (var (typeName, error) in json.Failures)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, itemLocation, model.FileName, "the JSON converter of '" + typeName + "': " + error.GetType().Name + ": " + error.Message));
            }

            return source;
        });
        Add(model.SchemasClassName, () => SchemaEmitter.Emit(model));
        foreach (var (name, source) in Emitters.Optional(model))
        {
            Add(name, source);
        }
    }

    private static ParseResult WithSourcePath(ParseResult result, string path)
        => result.Model is { } model ? result with { Model = model with { SourcePath = path } } : result;

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
    /// <summary>The name of every output of a spec (each declares the top-level type of that name), without writing them.</summary>
    public static IEnumerable<string> OutputNames(SpecModel model)
        => model.Types.Select(t => t.Name).Append(model.ClientName + "Json").Append(model.SchemasClassName).Concat(Optional(model).Select(o => o.Name));

    public static IEnumerable<(string Name, Func<string> Source)> Optional(SpecModel model)
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
