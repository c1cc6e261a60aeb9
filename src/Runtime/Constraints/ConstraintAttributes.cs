using System;

namespace ContractFirst.Constraints;

// Constraint metadata that the generator puts on generated properties and parameters, straight from the spec's
// schema keywords. The analyzers read it at compile time; run-time validation is generated code (no reflection).
// Numbers are carried as the spec's text (invariant culture) so that no precision is lost: 0.1 stays 0.1.
//
// A constraint on the items of a collection (the schema's items, or a map's additionalProperties) is the same
// attribute with ItemDepth = 1 on the collection member; 2 reaches the items of the items, and so on:
//
//     [MaxItems(4)] [MaxLength(8, ItemDepth = 1)]
//     public IList<string>? Tags { get; set; }

/// <summary>The schema's <c>minimum</c> (or <c>exclusiveMinimum</c> when <see cref="Exclusive"/> is set).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class MinimumAttribute(string value, bool exclusive = false) : Attribute
{
    /// <summary>The bound, as written in the spec.</summary>
    public string Value { get; } = value;

    /// <summary>True for <c>exclusiveMinimum</c>: the bound itself is not allowed.</summary>
    public bool Exclusive { get; } = exclusive;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>The schema's <c>maximum</c> (or <c>exclusiveMaximum</c> when <see cref="Exclusive"/> is set).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class MaximumAttribute(string value, bool exclusive = false) : Attribute
{
    /// <summary>The bound, as written in the spec.</summary>
    public string Value { get; } = value;

    /// <summary>True for <c>exclusiveMaximum</c>: the bound itself is not allowed.</summary>
    public bool Exclusive { get; } = exclusive;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>The schema's <c>multipleOf</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class MultipleOfAttribute(string value) : Attribute
{
    /// <summary>The divisor, as written in the spec.</summary>
    public string Value { get; } = value;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>The schema's <c>pattern</c>: an ECMA-262 regular expression, unanchored.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    /// <summary>The regular expression, as written in the spec.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>The schema's <c>minLength</c> (strings, counted in Unicode code points).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class MinLengthAttribute(int length) : Attribute
{
    /// <summary>The least number of characters.</summary>
    public int Length { get; } = length;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>The schema's <c>maxLength</c> (strings, counted in Unicode code points).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class MaxLengthAttribute(int length) : Attribute
{
    /// <summary>The greatest number of characters.</summary>
    public int Length { get; } = length;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>The schema's <c>minItems</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class MinItemsAttribute(int count) : Attribute
{
    /// <summary>The least number of items.</summary>
    public int Count { get; } = count;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>The schema's <c>maxItems</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class MaxItemsAttribute(int count) : Attribute
{
    /// <summary>The greatest number of items.</summary>
    public int Count { get; } = count;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>The schema's <c>uniqueItems: true</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class UniqueItemsAttribute : Attribute
{
    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>
/// The schema's <c>enum</c>, on a generated open enum (a <c>readonly struct</c>). It lists the values that the spec
/// knows, as they go on the wire. Values that the spec does not know still round-trip at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class AllowedValuesAttribute(params string[] values) : Attribute
{
    /// <summary>The known wire values.</summary>
    public string[] Values { get; } = values;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>
/// The schema's <c>enum</c> where the member's type does not carry it (it is not an open enum): numbers, booleans,
/// or values of mixed JSON types. Each value is JSON text (<c>1.5</c>, <c>true</c>, <c>null</c>, <c>"text"</c>) and
/// compares as JSON does: <c>1</c> equals <c>1.0</c>, strings exactly.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class AllowedJsonValuesAttribute(params string[] values) : Attribute
{
    /// <summary>The allowed values, as JSON text.</summary>
    public string[] Values { get; } = values;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
}

/// <summary>
/// The schema's <c>const</c>: the one value allowed, as JSON text (<c>"A"</c>, <c>2</c>, <c>true</c>), compared as
/// JSON does (<c>2</c> equals <c>2.0</c>, strings exactly).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = true)]
public sealed class ConstAttribute(string value) : Attribute
{
    /// <summary>The value, as JSON text.</summary>
    public string Value { get; } = value;

    /// <summary>0 (the default): the member's own value; 1: each item of the collection (or value of the map); 2: their items.</summary>
    public int ItemDepth { get; set; }
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
