using System.Collections.Immutable;
using ContractFirst.Analyzers.Constraints;
using ContractFirst.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContractFirst.Analyzers;

/// <summary>
/// Reports compile-time constants in user code that break the constraints of the OpenAPI document, read from the
/// <c>ContractFirst.Constraints</c> attributes that the generator puts on generated properties and parameters. Works
/// for any spec: nothing here knows one API from another.
/// </summary>
/// <remarks>
/// The analysis is operation based, so that it sees what the compiler sees: object initializers, <c>with</c>
/// expressions and plain assignments all reach a property through <see cref="ISimpleAssignmentOperation"/>; method,
/// constructor and named arguments through <see cref="IArgumentOperation"/>; a string (or long) reaching an open
/// enum through the user-defined <see cref="IConversionOperation"/> of that enum, wherever it happens. Only folded
/// constants are checked, so a <c>const</c> field, <c>12 * 3</c> and a constant concatenation are all covered, and
/// nothing that is computed at run time is ever flagged. A value is followed into the branches of <c>?:</c>,
/// <c>switch</c> expressions and <c>??</c> (each constant branch is checked, and reported, on its own) and into the
/// items of collection literals, which meet the constraints that the attributes give with <c>ItemDepth</c>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractConstraintAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotMultipleOf,
        DiagnosticDescriptors.NotAllowedValue,
        DiagnosticDescriptors.OutOfRange,
        DiagnosticDescriptors.PatternMismatch,
        DiagnosticDescriptors.LengthOutOfRange,
        DiagnosticDescriptors.ItemCountOutOfRange,
        DiagnosticDescriptors.RequiredPropertyMissing,
        DiagnosticDescriptors.MinimumGreaterThanMaximum,
        DiagnosticDescriptors.NotConstValue);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // Generated code carries the constraints; it is the user's code that must honour them.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (!ConstraintSymbols.TryCreate(start.Compilation, out var symbols))
            {
                return; // ContractFirst is not referenced: nothing to check, nothing registered.
            }

            var analyzer = new CompilationAnalyzer(new ConstraintCache(symbols));
            start.RegisterOperationAction(analyzer.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(analyzer.AnalyzeArgument, OperationKind.Argument);
            start.RegisterOperationAction(analyzer.AnalyzeConversion, OperationKind.Conversion);
            start.RegisterOperationAction(analyzer.AnalyzeObjectCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(analyzer.AnalyzeWith, OperationKind.With);
        });
    }

    /// <summary>The per-compilation part: holds the caches, which must not outlive the compilation's symbols.</summary>
    private sealed class CompilationAnalyzer
    {
        private readonly ConstraintCache _cache;

        public CompilationAnalyzer(ConstraintCache cache) => _cache = cache;

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            ISymbol? member = assignment.Target switch
            {
                IPropertyReferenceOperation property => property.Property,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };

            if (member is not null)
            {
                AnalyzeValue(context, member, assignment.Value);
            }
        }

        public void AnalyzeArgument(OperationAnalysisContext context)
        {
            var argument = (IArgumentOperation)context.Operation;

            // Default values come from the declaration (the spec), not from the user; params arrays have no constraints.
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter)
            {
                AnalyzeValue(context, parameter, argument.Value);
            }
        }

        public void AnalyzeConversion(OperationAnalysisContext context)
        {
            var conversion = (IConversionOperation)context.Operation;
            if (conversion.OperatorMethod is not { } method || conversion.Type is not { } type)
            {
                return;
            }

            var target = ConstraintCache.UnwrapNullable(type);
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, target.OriginalDefinition)
                || _cache.GetOpenEnum(target) is not { } allowed)
            {
                return;
            }

            string? name = null;
            foreach (var branch in ConstantValues.GetBranches(conversion.Operand))
            {
                if (ConstantValues.TryGetBranch(branch, out var constant, out var source) && !allowed.Contains(constant))
                {
                    ReportNotAllowed(context, allowed, constant, name ??= DescribeTarget(conversion, target), source);
                }
            }
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Initializer is not { } initializer || creation.Type is not { } type)
            {
                return;
            }

            var model = _cache.GetModel(type);
            if (ReferenceEquals(model, ModelConstraints.None))
            {
                return;
            }

            foreach (var property in model.SpecRequiredNotEnforced)
            {
                if (FindInitializedValue(initializer, property) is null && !IsMemberInitialized(initializer, property))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.RequiredPropertyMissing, GetTypeLocation(creation), property.Name, type.Name));
                }
            }

            CheckRangePairs(context, model, initializer);
        }

        public void AnalyzeWith(OperationAnalysisContext context)
        {
            var with = (IWithOperation)context.Operation;
            if (with.Type is { } type && _cache.GetModel(type) is var model && !ReferenceEquals(model, ModelConstraints.None))
            {
                CheckRangePairs(context, model, with.Initializer);
            }
        }

        private void AnalyzeValue(OperationAnalysisContext context, ISymbol member, IOperation value)
        {
            var constraints = _cache.GetMember(member);
            if (!ReferenceEquals(constraints, MemberConstraints.None))
            {
                CheckValue(context, constraints, member.Name, value);
            }
        }

        /// <summary>
        /// Checks every value that <paramref name="value"/> can end up as (each branch of <c>?:</c>, <c>switch</c> and
        /// <c>??</c>): a constant against <paramref name="constraints"/>, a collection literal by its count and then
        /// each of its items against the item constraints.
        /// </summary>
        private static void CheckValue(OperationAnalysisContext context, MemberConstraints constraints, string name, IOperation value)
        {
            foreach (var branch in ConstantValues.GetBranches(value))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (ConstantValues.TryGetBranch(branch, out var constant, out var source))
                {
                    CheckConstant(context, constraints, name, constant, source);
                }
                else
                {
                    CheckCollection(context, constraints, name, branch.Value);
                }
            }
        }

        private static void CheckCollection(OperationAnalysisContext context, MemberConstraints constraints, string name, IOperation collection)
        {
            var count = -1;
            var items = constraints.Items;
            switch (collection)
            {
                case ICollectionExpressionOperation expression:
                    count = expression.Elements.Length;
                    foreach (var element in expression.Elements)
                    {
                        if (element is ISpreadOperation)
                        {
                            count = -1; // The spread's length is not a constant.
                        }
                        else if (items is not null)
                        {
                            CheckValue(context, items, name, element);
                        }
                    }

                    break;

                case IArrayCreationOperation { Initializer: { } arrayInitializer, DimensionSizes.Length: 1 }:
                    count = arrayInitializer.ElementValues.Length;
                    if (items is not null)
                    {
                        foreach (var element in arrayInitializer.ElementValues)
                        {
                            CheckValue(context, items, name, element);
                        }
                    }

                    break;

                case IObjectCreationOperation { Initializer: { } initializer } creation:
                    // A collection initializer: Add calls (list items, or a map's key and value) and indexer assignments
                    // (a map's ["key"] = value). Anything else makes it an object initializer.
                    foreach (var item in initializer.Initializers)
                    {
                        if (item is not (IInvocationOperation { Arguments.Length: 1 or 2 }
                            or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } }))
                        {
                            return;
                        }
                    }

                    // new List<T>(other) { ... } has an unknown count; new List<T>(capacity) { ... } does not.
                    count = creation.Arguments.Length == 0
                        || (creation.Arguments.Length == 1 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32)
                        ? initializer.Initializers.Length
                        : -1;
                    if (items is not null)
                    {
                        foreach (var item in initializer.Initializers)
                        {
                            var element = item switch
                            {
                                IInvocationOperation add => add.Arguments[add.Arguments.Length - 1].Value,
                                ISimpleAssignmentOperation assignment => assignment.Value,
                                _ => null,
                            };
                            if (element is not null)
                            {
                                CheckValue(context, items, name, element);
                            }
                        }
                    }

                    break;

                default:
                    return;
            }

            if (count >= 0
                && ((constraints.MinItems is { } min && count < min) || (constraints.MaxItems is { } max && count > max)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ItemCountOutOfRange,
                    collection.Syntax.GetLocation(),
                    TextMetrics.Count(count, "item", "items"),
                    TextMetrics.DescribeRange(constraints.MinItems, constraints.MaxItems),
                    name));
            }
        }

        private static void CheckConstant(OperationAnalysisContext context, MemberConstraints constraints, string name, object constant, IOperation source)
        {
            if (constraints.Const is { } required && required.Compare(constant) == false)
            {
                ReportNotConst(context, required, constant, name, source);
            }

            if (constraints.AllowedValues is { } allowed && !allowed.Contains(constant))
            {
                ReportNotAllowed(context, allowed, constant, name, source);
            }

            if (constant is string text)
            {
                CheckString(context, constraints, name, text, source);
                return;
            }

            if (!SpecNumber.TryFromConstant(constant, out var number))
            {
                return;
            }

            var bounds = constraints.Bounds;
            if (constraints.MultipleOf is { } divisor
                && !(number.IsDecimal ? ConstraintMath.IsMultipleOf(number.Decimal, divisor) : ConstraintMath.IsMultipleOf(number.Double, divisor)))
            {
                ReportNotMultiple(context, number, divisor, bounds, name, source);
            }

            if (bounds.IsEmpty)
            {
                return;
            }

            var belowMinimum = bounds.IsBelowMinimum(number);
            if (belowMinimum || bounds.IsAboveMaximum(number))
            {
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.ViolatedBound, belowMinimum ? "minimum" : "maximum");
                if (Clamp(constraints, belowMinimum) is { } clamped)
                {
                    properties = properties.Add(DiagnosticProperties.ClampedValue, clamped.ToString());
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.OutOfRange, source.Syntax.GetLocation(), properties, number.ToString(), name, bounds.Describe()));
            }
        }

        private static void CheckString(OperationAnalysisContext context, MemberConstraints constraints, string name, string text, IOperation source)
        {
            if (constraints.Pattern is { } pattern && PatternMatcher.IsMatch(pattern, text) == false)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.PatternMismatch, source.Syntax.GetLocation(), TextMetrics.Quote(text), pattern, name));
            }

            if (constraints.MinLength is not null || constraints.MaxLength is not null)
            {
                var length = ConstraintMath.CodePointLength(text);
                if (length < constraints.MinLength || length > constraints.MaxLength)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.LengthOutOfRange,
                        source.Syntax.GetLocation(),
                        TextMetrics.Quote(text),
                        TextMetrics.Count(length, "character", "characters"),
                        TextMetrics.DescribeRange(constraints.MinLength, constraints.MaxLength),
                        name));
                }
            }
        }

        private static void ReportNotMultiple(
            OperationAnalysisContext context, SpecNumber number, decimal divisor, in NumericBounds bounds, string name, IOperation source)
        {
            decimal? lower = null;
            decimal? higher = null;
            if (number.IsDecimal)
            {
                MultipleOfMath.FindNearest(number.Decimal, divisor, bounds, out lower, out higher);
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            string nearest;
            if (lower is { } below && higher is { } above)
            {
                var belowText = SpecNumber.FromDecimal(below).ToString();
                var aboveText = SpecNumber.FromDecimal(above).ToString();
                properties = properties.Add(DiagnosticProperties.LowerMultiple, belowText).Add(DiagnosticProperties.HigherMultiple, aboveText);
                nearest = " (nearest valid values: " + belowText + " and " + aboveText + ")";
            }
            else if ((lower ?? higher) is { } only)
            {
                var onlyText = SpecNumber.FromDecimal(only).ToString();
                properties = properties.Add(lower is null ? DiagnosticProperties.HigherMultiple : DiagnosticProperties.LowerMultiple, onlyText);
                nearest = " (nearest valid value: " + onlyText + ")";
            }
            else
            {
                nearest = bounds.IsEmpty || !number.IsDecimal ? string.Empty : " (no multiple lies within " + bounds.Describe() + ")";
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotMultipleOf,
                source.Syntax.GetLocation(),
                properties,
                number.ToString(),
                SpecNumber.FromDecimal(divisor).ToString(),
                name,
                nearest));
        }

        private static void ReportNotAllowed(OperationAnalysisContext context, AllowedValueSet allowed, object constant, string name, IOperation source)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            var suggestion = string.Empty;
            if (constant is string text)
            {
                if (allowed.Suggest(text) is { } suggested)
                {
                    properties = properties.Add(DiagnosticProperties.SuggestedValue, suggested);
                    suggestion = "; did you mean '" + suggested + "'?";
                }
            }
            else if (constant is bool boolean)
            {
                if (allowed.SuggestBoolean(boolean) is { } suggested)
                {
                    var suggestedText = suggested ? "true" : "false";
                    properties = properties.Add(DiagnosticProperties.SuggestedBoolean, suggestedText);
                    suggestion = "; did you mean " + suggestedText + "?";
                }
            }
            else if (SpecNumber.TryFromConstant(constant, out var number) && allowed.SuggestNumber(number) is { } nearest)
            {
                var nearestText = nearest.ToString();
                properties = properties.Add(DiagnosticProperties.SuggestedNumber, nearestText);
                suggestion = " (nearest allowed value: " + nearestText + ")";
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotAllowedValue, source.Syntax.GetLocation(), properties, Show(constant), name, allowed.Describe(), suggestion));
        }

        private static void ReportNotConst(OperationAnalysisContext context, JsonLiteral required, object constant, string name, IOperation source)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotConstValue,
                source.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ConstValue, required.Json),
                Show(constant),
                name,
                required.Describe()));
        }

        /// <summary>A constant as a message shows it: <c>'text'</c>, <c>2.5</c>, <c>true</c>.</summary>
        private static string Show(object constant) => constant switch
        {
            string text => TextMetrics.Quote(text),
            bool boolean => boolean ? "true" : "false",
            _ => SpecNumber.TryFromConstant(constant, out var number)
                ? number.ToString()
                : System.Convert.ToString(constant, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };

        private static void CheckRangePairs(OperationAnalysisContext context, ModelConstraints model, IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var pair in model.RangePairs)
            {
                if (FindInitializedValue(initializer, pair.Minimum) is { } minimumValue
                    && FindInitializedValue(initializer, pair.Maximum) is { } maximumValue
                    && ConstantValues.TryGet(minimumValue, out var minimumConstant, out var minimumSource)
                    && ConstantValues.TryGet(maximumValue, out var maximumConstant, out var maximumSource)
                    && SpecNumber.TryFromConstant(minimumConstant, out var minimum)
                    && SpecNumber.TryFromConstant(maximumConstant, out var maximum)
                    && SpecNumber.Compare(minimum, maximum) > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.MinimumGreaterThanMaximum,
                        minimumSource.Syntax.GetLocation(),
                        additionalLocations: new[] { maximumSource.Syntax.GetLocation() },
                        pair.Minimum.Name,
                        minimum.ToString(),
                        pair.Maximum.Name,
                        maximum.ToString()));
                }
            }
        }

        /// <summary>The clamped value that a code fix can offer: a valid value at the violated bound, when there is one.</summary>
        private static SpecNumber? Clamp(MemberConstraints constraints, bool belowMinimum)
        {
            var bounds = constraints.Bounds;
            var bound = belowMinimum ? bounds.Minimum.GetValueOrDefault() : bounds.Maximum.GetValueOrDefault();
            var exclusive = belowMinimum ? bounds.MinimumExclusive : bounds.MaximumExclusive;
            SpecNumber candidate;
            if (constraints.MultipleOf is { } divisor)
            {
                if (!bound.IsDecimal)
                {
                    return null;
                }

                try
                {
                    candidate = SpecNumber.FromDecimal(belowMinimum
                        ? MultipleOfMath.SmallestMultipleAtLeast(bound.Decimal, exclusive, divisor)
                        : MultipleOfMath.LargestMultipleAtMost(bound.Decimal, exclusive, divisor));
                }
                catch (System.OverflowException)
                {
                    return null;
                }
            }
            else if (!exclusive)
            {
                candidate = bound;
            }
            else if (constraints.IsIntegral && bound.IsDecimal && bound.IsInteger)
            {
                candidate = SpecNumber.FromDecimal(belowMinimum ? bound.Decimal + 1m : bound.Decimal - 1m);
            }
            else
            {
                return null; // The nearest value inside an exclusive bound of a floating-point value is not obvious.
            }

            return bounds.IsBelowMinimum(candidate) || bounds.IsAboveMaximum(candidate) ? null : candidate;
        }

        private static IOperation? FindInitializedValue(IObjectOrCollectionInitializerOperation initializer, IPropertySymbol property)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, property))
                {
                    return assignment.Value;
                }
            }

            return null;
        }

        private static bool IsMemberInitialized(IObjectOrCollectionInitializerOperation initializer, IPropertySymbol property)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target }
                    && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, property))
                {
                    return true;
                }
            }

            return false;
        }

        private static Location GetTypeLocation(IObjectCreationOperation creation) => creation.Syntax switch
        {
            ObjectCreationExpressionSyntax explicitType => explicitType.Type.GetLocation(),
            ImplicitObjectCreationExpressionSyntax implicitType => implicitType.NewKeyword.GetLocation(),
            var other => other.GetLocation(),
        };

        /// <summary>The member that a converted value ends up in, for the message; the enum's name if none.</summary>
        private static string DescribeTarget(IOperation operation, ITypeSymbol fallback)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } property }:
                        return property.Property.Name;
                    case ISimpleAssignmentOperation { Target: IFieldReferenceOperation field }:
                        return field.Field.Name;
                    case IArgumentOperation { Parameter: { } parameter, Parent: not IInvocationOperation { IsImplicit: true } }:
                        return parameter.Name;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return declarator.Symbol.Name;
                    case IConversionOperation or IArgumentOperation or IInvocationOperation { IsImplicit: true }
                        or IConditionalOperation or ISwitchExpressionArmOperation or ISwitchExpressionOperation or ICoalesceOperation
                        or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } }
                        or IArrayInitializerOperation or IArrayCreationOperation or ICollectionExpressionOperation
                        or IObjectOrCollectionInitializerOperation or IObjectCreationOperation:
                        continue;
                    default:
                        return fallback.Name;
                }
            }

            return fallback.Name;
        }
    }
}
