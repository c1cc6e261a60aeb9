using System;

namespace ContractFirst.Generator.Model;

// The JSON Schemas that requests are validated against, read from the spec's JSON tree with every keyword kept
// (ValidationSchemaReader), as one flat, equatable table. Schemas refer to each other by index, so that recursion is a
// cycle in the table rather than an infinite tree. The emitter turns the table into static JsonSchema data; the client,
// the server and models' Validate all run the same table, so they mean one thing.

/// <summary>The JSON types a schema allows (the runtime's <c>JsonTypes</c>, same bits).</summary>
[Flags]
internal enum SchemaTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}

/// <summary>
/// One schema. Unset keywords are not checked; a node with nothing set is the schema <c>true</c>. Numbers are the spec's
/// invariant text; <c>enum</c> and <c>const</c> values are compact JSON text.
/// </summary>
internal sealed record SchemaNode
{
    public static SchemaNode True { get; } = new();

    public static SchemaNode False { get; } = new() { Never = true };

    public bool Never { get; init; }

    public SchemaTypes Types { get; init; }

    public string? Const { get; init; }

    public ImmutableEquatableArray<string>? Enum { get; init; }

    public string? Minimum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? Maximum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public string? MultipleOf { get; init; }

    public long? MinLength { get; init; }

    public long? MaxLength { get; init; }

    public SchemaPatternModel? Pattern { get; init; }

    public string? Format { get; init; }

    public ImmutableEquatableArray<int>? PrefixItems { get; init; }

    public int? Items { get; init; }

    public int? Contains { get; init; }

    public long? MinContains { get; init; }

    public long? MaxContains { get; init; }

    public long? MinItems { get; init; }

    public long? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    public ImmutableEquatableArray<NamedSchema>? Properties { get; init; }

    public ImmutableEquatableArray<string>? Required { get; init; }

    public int? AdditionalProperties { get; init; }

    public ImmutableEquatableArray<PatternSchema>? PatternProperties { get; init; }

    public int? PropertyNames { get; init; }

    public long? MinProperties { get; init; }

    public long? MaxProperties { get; init; }

    public ImmutableEquatableArray<DependentRequiredModel>? DependentRequired { get; init; }

    public ImmutableEquatableArray<NamedSchema>? DependentSchemas { get; init; }

    public ImmutableEquatableArray<int>? AllOf { get; init; }

    public ImmutableEquatableArray<int>? AnyOf { get; init; }

    public ImmutableEquatableArray<int>? OneOf { get; init; }

    public int? Not { get; init; }

    public int? If { get; init; }

    public int? Then { get; init; }

    public int? Else { get; init; }

    public bool IsTrue => this == True;
}

/// <summary>An ECMA-262 pattern and its .NET translation (made at build time).</summary>
internal sealed record SchemaPatternModel(string Source, string Translated);

internal sealed record NamedSchema(string Name, int Node);

internal sealed record PatternSchema(SchemaPatternModel Pattern, int Node);

internal sealed record DependentRequiredModel(string Name, ImmutableEquatableArray<string> Required);

/// <summary>A schema that generated code names: a model's (named as the type) or a request body's.</summary>
internal sealed record SchemaRoot(string Name, int Node);

/// <summary>Every schema of a spec that validation reaches, and the named entry points into them.</summary>
internal sealed record ValidationSchemas(ImmutableEquatableArray<SchemaNode> Nodes, ImmutableEquatableArray<SchemaRoot> Roots)
{
    public static ValidationSchemas Empty { get; } = new(ImmutableEquatableArray<SchemaNode>.Empty, ImmutableEquatableArray<SchemaRoot>.Empty);
}
