using System;
using System.Collections.Generic;
using System.Threading;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Model;
using ContractFirst.Generator.Reading;
using Microsoft.CodeAnalysis.CSharp;

namespace ContractFirst.Generator.Pipeline;

/// <summary>The parse step: item metadata checked, spec read, model built. Never throws for bad input.</summary>
internal static class SpecParser
{
    public static ParseResult Parse(ParseRequest request, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var spec = request.Spec;
        var fileName = PathUtil.FileName(spec.Path);
        var stem = fileName.IndexOf('.') > 0 ? fileName.Substring(0, fileName.IndexOf('.')) : fileName;
        var pascalStem = Identifiers.ToPascalCase(stem, "Api");

        var generate = spec.ParseGenerate(out var badGenerate);
        if (generate is null)
        {
            Report(diagnostics, spec, DiagnosticDescriptors.InvalidItemMetadata, fileName, $"Generate has the unknown value '{badGenerate}'; use any of Models, Client, Server, None, separated by ';'");
        }

        var @namespace = spec.Namespace ?? (string.IsNullOrEmpty(request.RootNamespace) ? pascalStem : request.RootNamespace + "." + pascalStem);
        if (!IsValidNamespace(@namespace))
        {
            Report(diagnostics, spec, DiagnosticDescriptors.InvalidItemMetadata, fileName, $"Namespace '{@namespace}' is not a valid C# namespace");
        }

        var clientName = spec.ClientName ?? pascalStem + "Client";
        if (!SyntaxFacts.IsValidIdentifier(clientName) || SyntaxFacts.GetKeywordKind(clientName) != SyntaxKind.None)
        {
            Report(diagnostics, spec, DiagnosticDescriptors.InvalidItemMetadata, fileName, $"ClientName '{clientName}' is not a valid C# identifier");
        }
        else if (ReservedClientNames.Contains(clientName))
        {
            Report(diagnostics, spec, DiagnosticDescriptors.InvalidItemMetadata, fileName, $"ClientName '{clientName}' is the name of a member that the generated client declares; choose another name");
        }

        if (diagnostics.Count > 0 || generate is null || generate == GenerateKinds.None)
        {
            return new ParseResult(null, diagnostics.ToImmutableEquatableArray());
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var others = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var other in request.Referenced) others[other.Path] = other.Text;
            var loader = new SpecLoader(spec.Path, spec.Text, others, diagnostics, cancellationToken);
            var document = loader.Load();
            cancellationToken.ThrowIfCancellationRequested();
            if (document is null)
            {
                return new ParseResult(null, diagnostics.ToImmutableEquatableArray());
            }

            var model = new ModelBuilder(document, loader, fileName) { CancellationToken = cancellationToken }.Build(@namespace, clientName, generate.Value);
            return new ParseResult(model, diagnostics.ToImmutableEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Report(diagnostics, spec, DiagnosticDescriptors.GeneratorFailure, fileName, ex.GetType().Name + ": " + ex.Message);
            return new ParseResult(null, diagnostics.ToImmutableEquatableArray());
        }
    }

    private static void Report(List<DiagnosticInfo> diagnostics, SpecInput spec, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments)
        => diagnostics.Add(DiagnosticInfo.Create(descriptor.Id, spec.Path, TextPosition.Start, arguments));

    // Members of the generated client (and of the options it derives from): a class cannot be named like its members.
    private static readonly HashSet<string> ReservedClientNames = new(StringComparer.Ordinal) { "Options" };

    private static bool IsValidNamespace(string value)
    {
        foreach (var part in value.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None) return false;
        }

        return true;
    }
}
