using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ContractFirst.Analyzers.Constraints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ContractFirst.Analyzers.CodeFixes;

/// <summary>
/// Fixes for the constraint diagnostics where the right value is obvious: the nearest valid multiple (CF1001), the
/// suggested enum value (the near-miss string, the nearest number, the other boolean), as a literal or as the open
/// enum's named member (CF1002), the violated bound (CF1003), and the spec's const (CF1010).
/// Fixes are offered only where the value is written as a literal: replacing a <c>const</c> reference or an
/// expression would change code that other places may rely on.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContractConstraintCodeFixProvider))]
[Shared]
public sealed class ContractConstraintCodeFixProvider : CodeFixProvider
{
    internal const string LowerMultipleKey = "CF1001.LowerMultiple";
    internal const string HigherMultipleKey = "CF1001.HigherMultiple";
    internal const string SuggestedLiteralKey = "CF1002.SuggestedLiteral";
    internal const string SuggestedMemberKey = "CF1002.SuggestedMember";
    internal const string ClampKey = "CF1003.Clamp";
    internal const string ConstLiteralKey = "CF1010.ConstLiteral";
    internal const string ConstMemberKey = "CF1010.ConstMember";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotMultipleOf.Id,
        DiagnosticDescriptors.NotAllowedValue.Id,
        DiagnosticDescriptors.OutOfRange.Id,
        DiagnosticDescriptors.NotConstValue.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        SemanticModel? semanticModel = null;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value || !IsLiteral(value))
            {
                continue;
            }

            var properties = diagnostic.Properties;
            semanticModel ??= await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (semanticModel is null)
            {
                continue;
            }

            if (diagnostic.Id == DiagnosticDescriptors.NotAllowedValue.Id)
            {
                JsonLiteral suggested;
                if (properties.TryGetValue(DiagnosticProperties.SuggestedValue, out var text) && text is not null)
                {
                    suggested = JsonLiteral.FromString(text);
                }
                else if (!(properties.TryGetValue(DiagnosticProperties.SuggestedNumber, out text) || properties.TryGetValue(DiagnosticProperties.SuggestedBoolean, out text))
                    || !JsonLiteral.TryParse(text, out suggested))
                {
                    continue;
                }

                RegisterValue(context, diagnostic, semanticModel, value, suggested, "Use {0}", SuggestedLiteralKey, "Use '{0}.{1}'", SuggestedMemberKey);
                continue;
            }

            if (diagnostic.Id == DiagnosticDescriptors.NotConstValue.Id)
            {
                if (properties.TryGetValue(DiagnosticProperties.ConstValue, out var json) && JsonLiteral.TryParse(json, out var required))
                {
                    RegisterValue(context, diagnostic, semanticModel, value, required, "Use {0}, the spec's const", ConstLiteralKey, "Use '{0}.{1}', the spec's const", ConstMemberKey);
                }

                continue;
            }

            if (semanticModel.GetTypeInfo(value, context.CancellationToken).ConvertedType is not { } targetType)
            {
                continue;
            }

            if (diagnostic.Id == DiagnosticDescriptors.NotMultipleOf.Id)
            {
                RegisterNumber(context, diagnostic, value, targetType, properties, DiagnosticProperties.LowerMultiple, "Use {0}, the nearest lower multiple", LowerMultipleKey);
                RegisterNumber(context, diagnostic, value, targetType, properties, DiagnosticProperties.HigherMultiple, "Use {0}, the nearest higher multiple", HigherMultipleKey);
            }
            else
            {
                var bound = properties.TryGetValue(DiagnosticProperties.ViolatedBound, out var violated) ? violated : "bound";
                RegisterNumber(context, diagnostic, value, targetType, properties, DiagnosticProperties.ClampedValue, "Clamp to {0}, the " + bound, ClampKey);
            }
        }
    }

    /// <summary>
    /// Offers <paramref name="replacement"/> (a JSON value of the spec) for a literal of the same kind: a string for a
    /// string, a number for a number (with the suffix its type needs), a boolean for a boolean; and, where the value
    /// goes into an open enum, the enum's named member for that value.
    /// </summary>
    private static void RegisterValue(
        CodeFixContext context,
        Diagnostic diagnostic,
        SemanticModel semanticModel,
        ExpressionSyntax value,
        JsonLiteral replacement,
        string literalTitleFormat,
        string literalKey,
        string memberTitleFormat,
        string memberKey)
    {
        var cancellationToken = context.CancellationToken;
        var isString = value.IsKind(SyntaxKind.StringLiteralExpression);
        var isBoolean = value.Kind() is SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression;
        ExpressionSyntax? literal = null;
        string? wire = null;
        switch (replacement.Kind)
        {
            case JsonLiteralKind.String when isString:
                literal = LiteralExpression(replacement.Text!);
                wire = replacement.Text;
                break;
            case JsonLiteralKind.Boolean when isBoolean:
                literal = SyntaxFactory.LiteralExpression(replacement.Boolean ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
                break;
            case JsonLiteralKind.Number when !isString && !isBoolean:
                wire = replacement.Number.ToString();
                if (semanticModel.GetTypeInfo(value, cancellationToken).ConvertedType is { } targetType)
                {
                    literal = NumericLiteral(wire, targetType);
                }

                break;
        }

        if (literal is not null)
        {
            var shown = replacement.Kind == JsonLiteralKind.String ? "'" + replacement.Text + "'" : replacement.Kind == JsonLiteralKind.Number ? wire! : replacement.Json;
            Register(context, diagnostic, value, literal, string.Format(CultureInfo.InvariantCulture, literalTitleFormat, shown), literalKey);
        }

        if (wire is not null && FindNamedMember(semanticModel, value, wire, cancellationToken) is { } member)
        {
            var generator = SyntaxGenerator.GetGenerator(context.Document);
            var access = (ExpressionSyntax)generator.MemberAccessExpression(generator.TypeExpression(member.ContainingType), member.Name);
            Register(
                context,
                diagnostic,
                value,
                access.WithAdditionalAnnotations(Simplifier.Annotation),
                string.Format(CultureInfo.InvariantCulture, memberTitleFormat, member.ContainingType.Name, member.Name),
                memberKey);
        }
    }

    private static void RegisterNumber(
        CodeFixContext context,
        Diagnostic diagnostic,
        ExpressionSyntax value,
        ITypeSymbol targetType,
        ImmutableDictionary<string, string?> properties,
        string property,
        string titleFormat,
        string equivalenceKey)
    {
        if (properties.TryGetValue(property, out var text) && text is not null && NumericLiteral(text, targetType) is { } replacement)
        {
            Register(context, diagnostic, value, replacement, string.Format(CultureInfo.InvariantCulture, titleFormat, text), equivalenceKey);
        }
    }

    private static void Register(
        CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax value, ExpressionSyntax replacement, string title, string equivalenceKey)
    {
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(title, cancellationToken => ReplaceAsync(document, value, replacement, cancellationToken), equivalenceKey),
            diagnostic);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(value, replacement.WithTriviaFrom(value)));
    }

    /// <summary>A literal, or a negated numeric literal (<c>-5</c>): not a <c>const</c> reference nor an expression.</summary>
    private static bool IsLiteral(ExpressionSyntax value) =>
        value is LiteralExpressionSyntax
        || value is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } unary
            && unary.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression;

    private static LiteralExpressionSyntax LiteralExpression(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    /// <summary>
    /// A literal for <paramref name="text"/> that converts to <paramref name="targetType"/>: an <c>m</c> or <c>f</c>
    /// suffix where the type needs one; none at all when a fractional value cannot go into an integral type.
    /// </summary>
    private static ExpressionSyntax? NumericLiteral(string text, ITypeSymbol targetType)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        if (targetType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            targetType = nullable.TypeArguments[0];
        }

        var isInteger = decimal.Truncate(number) == number;
        string suffix;
        switch (targetType.SpecialType)
        {
            case SpecialType.System_Decimal:
                suffix = "m";
                break;
            case SpecialType.System_Single:
                suffix = isInteger ? string.Empty : "f";
                break;
            case SpecialType.System_Double:
                suffix = string.Empty;
                break;
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64:
                if (!isInteger)
                {
                    return null;
                }

                suffix = string.Empty;
                break;
            default:
                return null;
        }

        var literal = SyntaxFactory.ParseExpression(text.TrimStart('-') + suffix);
        return number < 0m ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, literal) : literal;
    }

    /// <summary>The static member of the open enum that the value converts to, whose <c>[WireName]</c> is the value.</summary>
    private static ISymbol? FindNamedMember(SemanticModel semanticModel, ExpressionSyntax value, string wireValue, CancellationToken cancellationToken)
    {
        var type = semanticModel.GetTypeInfo(value, cancellationToken).ConvertedType;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is null || type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is not (IPropertySymbol { IsStatic: true } or IFieldSymbol { IsStatic: true })
                || member.DeclaredAccessibility != Accessibility.Public
                || !SymbolEqualityComparer.Default.Equals(member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type, type))
            {
                continue;
            }

            foreach (var attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "WireNameAttribute", ContainingNamespace: { Name: "Constraints", ContainingNamespace.Name: "ContractFirst" } }
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string name
                    && name == wireValue)
                {
                    return member;
                }
            }
        }

        return null;
    }
}
