using System;

namespace ContractFirst.Constraints;

// Constraint metadata that the generator puts on generated properties and parameters, straight from the spec's
// schema keywords. The analyzers read it at compile time; run-time validation is generated code (no reflection).
// Numbers are carried as the spec's text (invariant culture) so that no precision is lost: 0.1 stays 0.1.

/// <summary>The schema's <c>minimum</c> (or <c>exclusiveMinimum</c> when <see cref="Exclusive"/> is set).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MinimumAttribute(string value, bool exclusive = false) : Attribute
{
    /// <summary>The bound, as written in the spec.</summary>
    public string Value { get; } = value;

    /// <summary>True for <c>exclusiveMinimum</c>: the bound itself is not allowed.</summary>
    public bool Exclusive { get; } = exclusive;
}

/// <summary>The schema's <c>maximum</c> (or <c>exclusiveMaximum</c> when <see cref="Exclusive"/> is set).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MaximumAttribute(string value, bool exclusive = false) : Attribute
{
    /// <summary>The bound, as written in the spec.</summary>
    public string Value { get; } = value;

    /// <summary>True for <c>exclusiveMaximum</c>: the bound itself is not allowed.</summary>
    public bool Exclusive { get; } = exclusive;
}

/// <summary>The schema's <c>multipleOf</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MultipleOfAttribute(string value) : Attribute
{
    /// <summary>The divisor, as written in the spec.</summary>
    public string Value { get; } = value;
}

/// <summary>The schema's <c>pattern</c>: an ECMA-262 regular expression, unanchored.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    /// <summary>The regular expression, as written in the spec.</summary>
    public string Pattern { get; } = pattern;
}

/// <summary>The schema's <c>minLength</c> (strings, counted in Unicode code points).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MinLengthAttribute(int length) : Attribute
{
    /// <summary>The least number of characters.</summary>
    public int Length { get; } = length;
}

/// <summary>The schema's <c>maxLength</c> (strings, counted in Unicode code points).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MaxLengthAttribute(int length) : Attribute
{
    /// <summary>The greatest number of characters.</summary>
    public int Length { get; } = length;
}

/// <summary>The schema's <c>minItems</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MinItemsAttribute(int count) : Attribute
{
    /// <summary>The least number of items.</summary>
    public int Count { get; } = count;
}

/// <summary>The schema's <c>maxItems</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MaxItemsAttribute(int count) : Attribute
{
    /// <summary>The greatest number of items.</summary>
    public int Count { get; } = count;
}

/// <summary>The schema's <c>uniqueItems: true</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class UniqueItemsAttribute : Attribute
{
}

/// <summary>
/// The schema's <c>enum</c>, on a generated open enum (a <c>readonly struct</c>). It lists the values that the spec
/// knows, as they go on the wire. Values that the spec does not know still round-trip at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class AllowedValuesAttribute(params string[] values) : Attribute
{
    /// <summary>The known wire values.</summary>
    public string[] Values { get; } = values;
}

/// <summary>
/// Marks a property of a request model that the spec lists as <c>required</c>, or a parameter that it marks required.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SpecRequiredAttribute : Attribute
{
}

/// <summary>The property or parameter name on the wire, exactly as the spec spells it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class WireNameAttribute(string name) : Attribute
{
    /// <summary>The JSON property, query, header, path or cookie name.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Marks a generated model: the spec it came from and the schema's JSON pointer, so that tools can point back at it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = false)]
public sealed class OpenApiSchemaAttribute(string specFile, string pointer) : Attribute
{
    /// <summary>The spec's file name.</summary>
    public string SpecFile { get; } = specFile;

    /// <summary>The JSON pointer of the schema inside the spec, e.g. <c>#/components/schemas/Service</c>.</summary>
    public string Pointer { get; } = pointer;
}

/// <summary>
/// Marks a generated model that is sent to the API (a request body). Analyzers flag missing required properties in
/// object initializers of such models.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequestModelAttribute : Attribute
{
}

/// <summary>The spec marks this schema, property, parameter or operation as <c>deprecated</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Method, AllowMultiple = false)]
public sealed class SpecDeprecatedAttribute : Attribute
{
}
