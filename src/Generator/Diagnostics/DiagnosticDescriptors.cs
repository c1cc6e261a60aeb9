using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Generator.Diagnostics;

/// <summary>
/// The generator's diagnostics (CF0xxx). Each points at the spec: file, line and column. Analyzer diagnostics
/// (CF1xxx) live in src/Analyzers. Help pages: docs/diagnostics/{ID}.md. Every ID is release-tracked in
/// AnalyzerReleases.Shipped.md / AnalyzerReleases.Unshipped.md beside this project (RS2000-RS2008 check them at build
/// time, which is why each descriptor is created with constant arguments here rather than through a helper).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ContractFirst.Spec";
    private const string HelpLinkBase = "https://github.com/contractfirst/contractfirst/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor UnreadableSpec = new(
        "CF0001",
        "The OpenAPI document cannot be read",
        "The OpenAPI document '{0}' cannot be read: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0001.md");

    public static readonly DiagnosticDescriptor SpecProblem = new(
        "CF0002",
        "The OpenAPI document has a problem",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0002.md");

    public static readonly DiagnosticDescriptor ExternalRefNotListed = new(
        "CF0003",
        "An external $ref points at a file that is not an OpenApiSpec item",
        "The $ref '{0}' points at '{1}', which is not listed: add <OpenApiSpec Include=\"...{1}\" Generate=\"None\" /> (the generator reads no file on its own)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0003.md");

    public static readonly DiagnosticDescriptor InvalidItemMetadata = new(
        "CF0004",
        "Invalid OpenApiSpec item metadata",
        "OpenApiSpec item '{0}': {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0004.md");

    public static readonly DiagnosticDescriptor SkippedElement = new(
        "CF0005",
        "Part of the OpenAPI document was not generated",
        "'{0}' was not generated: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0005.md");

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "CF0006",
        "A $ref cannot be resolved",
        "The $ref '{0}' cannot be resolved; the value is typed as any JSON",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0006.md");

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "CF0007",
        "The generator hit an internal error",
        "ContractFirst could not generate code for '{0}': {1}. Please report this with the spec.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0007.md");

    public static readonly DiagnosticDescriptor ServerNeedsAspNetCore = new(
        "CF0008",
        "Server stubs need ASP.NET Core",
        "OpenApiSpec item '{0}' asks for Server, but the project does not reference ContractFirst.AspNetCore: in a web project (Microsoft.NET.Sdk.Web, or <FrameworkReference Include=\"Microsoft.AspNetCore.App\" />) reference the package ContractFirst.AspNetCore instead of ContractFirst; models and client are still generated",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0008.md");

    public static readonly DiagnosticDescriptor DuplicateOutputs = new(
        "CF0009",
        "Two OpenApiSpec items generate the same types",
        "OpenApiSpec items '{0}' and '{1}' both generate {2} in namespace '{3}'; '{1}' is not generated: give one of the items another Namespace",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0009.md");

    public static readonly DiagnosticDescriptor SchemaConflict = new(
        "CF0010",
        "Schemas that cannot be combined as written",
        "'{0}': {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0010.md");

    public static readonly DiagnosticDescriptor UntranslatablePattern = new(
        "CF0015",
        "A pattern has no .NET equivalent and is not checked",
        "The pattern '{0}' cannot be checked: {1}; values are not checked against it (nothing it allows is refused)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0015.md");

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "CF0020",
        "A key appears more than once in one object",
        "The key '{0}' appears more than once in this object or mapping; the last value is used",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0020.md");

    public static readonly DiagnosticDescriptor ReadingLimit = new(
        "CF0021",
        "Part of the OpenAPI document exceeds a reading limit",
        "'{0}' was not read: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0021.md");

    public static readonly DiagnosticDescriptor InvalidKeyword = new(
        "CF0022",
        "A keyword has a value of the wrong type",
        "'{0}' {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "CF0022.md");

    public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        UnreadableSpec, SpecProblem, ExternalRefNotListed, InvalidItemMetadata, SkippedElement, UnresolvedReference, GeneratorFailure, ServerNeedsAspNetCore,
        DuplicateOutputs, SchemaConflict, UntranslatablePattern, DuplicateKey, ReadingLimit, InvalidKeyword,
    }.ToDictionary(d => d.Id);
}
