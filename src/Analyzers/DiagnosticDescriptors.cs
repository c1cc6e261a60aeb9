using Microsoft.CodeAnalysis;

namespace ContractFirst.Analyzers;

/// <summary>
/// Every diagnostic that the ContractFirst analyzers report. The IDs are part of the product's contract: other parts
/// of the toolkit, the documentation and users' <c>.editorconfig</c> files refer to them. CF1009 ("deprecated in the
/// spec") is not here: the generator emits <c>[Obsolete(DiagnosticId = "CF1009")]</c> and the compiler reports it.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ContractFirst.Contract";
    private const string HelpLinkFormat = "https://github.com/contractfirst/contractfirst/blob/main/docs/diagnostics/{0}.md";

    /// <summary>CF1001: {0} value, {1} divisor, {2} target, {3} nearest valid values (or empty).</summary>
    public static readonly DiagnosticDescriptor NotMultipleOf = Create(
        "CF1001",
        "Value is not a multiple of the spec's multipleOf",
        "{0} is not a multiple of {1} for '{2}'{3}",
        "The OpenAPI document constrains this value with 'multipleOf'; the API rejects any other value.");

    /// <summary>CF1002: {0} value as written, {1} target, {2} allowed values, {3} suggestion or nearest value (or empty).</summary>
    public static readonly DiagnosticDescriptor NotAllowedValue = Create(
        "CF1002",
        "Value is not one of the spec's enum values",
        "{0} is not one of the values that the spec allows for '{1}' ({2}){3}",
        "The OpenAPI document lists the values of this enum; a value that it does not list compiles, because generated enums are open, but the API does not know it.");

    /// <summary>CF1003: {0} value, {1} target, {2} allowed range.</summary>
    public static readonly DiagnosticDescriptor OutOfRange = Create(
        "CF1003",
        "Value is out of the spec's range",
        "{0} is out of range for '{1}' (the spec allows {2})",
        "The OpenAPI document bounds this value with 'minimum'/'maximum' (or their exclusive forms); the API rejects a value outside them.");

    /// <summary>CF1004: {0} value, {1} pattern, {2} target.</summary>
    public static readonly DiagnosticDescriptor PatternMismatch = Create(
        "CF1004",
        "Value does not match the spec's pattern",
        "{0} does not match the pattern '{1}' that the spec requires for '{2}'",
        "The OpenAPI document constrains this string with an ECMA-262 'pattern' (unanchored); the API rejects a string that does not match it.");

    /// <summary>CF1005: {0} value, {1} length, {2} allowed lengths, {3} target.</summary>
    public static readonly DiagnosticDescriptor LengthOutOfRange = Create(
        "CF1005",
        "String length is out of the spec's bounds",
        "{0} is {1} long, but the spec allows {2} for '{3}'",
        "The OpenAPI document bounds the length of this string with 'minLength'/'maxLength', counted in Unicode code points.");

    /// <summary>CF1006: {0} item count, {1} allowed counts, {2} target.</summary>
    public static readonly DiagnosticDescriptor ItemCountOutOfRange = Create(
        "CF1006",
        "Collection has too few or too many items for the spec",
        "The collection has {0}, but the spec allows {1} for '{2}'",
        "The OpenAPI document bounds the number of items with 'minItems'/'maxItems'.");

    /// <summary>CF1007: {0} property, {1} model type.</summary>
    public static readonly DiagnosticDescriptor RequiredPropertyMissing = Create(
        "CF1007",
        "Property that the spec requires is not set",
        "'{0}' is required by the spec but is not set in this initializer of '{1}'",
        "The OpenAPI document lists this property as required in a request body; the API rejects a request without it.");

    /// <summary>CF1008: {0} minimum property, {1} its value, {2} maximum property, {3} its value.</summary>
    public static readonly DiagnosticDescriptor MinimumGreaterThanMaximum = Create(
        "CF1008",
        "Minimum is greater than the matching maximum",
        "'{0}' ({1}) is greater than '{2}' ({3})",
        "A Min{X} property and its Max{X} counterpart are both set to constants, and the minimum exceeds the maximum.");

    /// <summary>CF1010: {0} value as written, {1} target, {2} the const.</summary>
    public static readonly DiagnosticDescriptor NotConstValue = Create(
        "CF1010",
        "Value is not the spec's const",
        "{0} is not the value that the spec requires for '{1}' ({2})",
        "The OpenAPI document fixes this value with 'const'; the API rejects any other value.");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string description) =>
        new(
            id,
            title,
            messageFormat,
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description,
            helpLinkUri: string.Format(System.Globalization.CultureInfo.InvariantCulture, HelpLinkFormat, id));
}
