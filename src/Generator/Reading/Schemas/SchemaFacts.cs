using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// What a schema is, read from Microsoft.OpenApi's object model without building anything: its references followed, its
/// JSON type without <c>null</c>, whether it is an open enum, nullable, a composition of one schema and <c>null</c>.
/// Pure functions, shared by the type, operation and validation readers.
/// </summary>
internal static class SchemaFacts
{
    /// <summary>The schema a reference stands for (references followed, at most 32 of them); null when it does not resolve.</summary>
    public static IOpenApiSchema? Unwrap(IOpenApiSchema? schema)
    {
        var current = schema;
        for (var i = 0; i < 32 && current is OpenApiSchemaReference r; i++)
        {
            current = r.Target;
        }

        return current is OpenApiSchemaReference ? null : current;
    }

    /// <summary>True when the schema becomes an open enum: an <c>enum</c> of strings (or untyped string values) or of integers.</summary>
    public static bool HasEnum(IOpenApiSchema s)
    {
        if (s.Enum is not { Count: > 0 }) return false;
        var type = NonNullType(s);
        // Enums of strings (or untyped string values) and of integers become open enums; others stay plain values.
        if (type == JsonSchemaType.Integer) return true;
        if (type is JsonSchemaType.String or null)
        {
            return s.Enum.All(v => v is null || (v is JsonValue jv && jv.TryGetValue<string>(out _)));
        }

        return false;
    }

    /// <summary>The one JSON type of the schema besides <c>null</c> (integer or number is number); null when there is none or several.</summary>
    public static JsonSchemaType? NonNullType(IOpenApiSchema s)
    {
        if (s.Type is not { } type) return null;
        var withoutNull = type & ~JsonSchemaType.Null;
        return withoutNull switch
        {
            JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean or JsonSchemaType.Object or JsonSchemaType.Array => withoutNull,
            JsonSchemaType.Integer | JsonSchemaType.Number => JsonSchemaType.Number,
            _ => null,
        };
    }

    /// <summary>True when the schema allows <c>null</c>: in its type, through <c>x-nullable</c>, or in its enum.</summary>
    public static bool IsNullable(IOpenApiSchema? schema)
    {
        var budget = 64;
        return IsNullable(schema, 0, ref budget);
    }

    // A oneOf/anyOf branch that allows null makes the union allow it, however it nests: bounded in depth and in the
    // number of schemas looked at, so that wide or cyclic unions cost little.
    private static bool IsNullable(IOpenApiSchema? s, int depth, ref int budget)
    {
        if (s is null) return true;
        if (s.Type is { } t && (t & JsonSchemaType.Null) == JsonSchemaType.Null) return true;
        if (s.Extensions is { } ext && ext.TryGetValue("x-nullable", out var x) && x is JsonNodeExtension { Node: JsonValue v } && v.TryGetValue<bool>(out var b) && b) return true;
        if (s.Enum is { } values && values.Any(v => v is null)) return true;
        return depth < 8 && (AnyNullable(s.OneOf, depth, ref budget) || AnyNullable(s.AnyOf, depth, ref budget));
    }

    private static bool AnyNullable(IList<IOpenApiSchema>? branches, int depth, ref int budget)
    {
        if (branches is null) return false;
        foreach (var branch in branches)
        {
            if (--budget < 0) return false;
            if (branch is not null && IsNullable(branch, depth + 1, ref budget)) return true;
        }

        return false;
    }

    public static bool IsNullSchema(IOpenApiSchema schema) => Unwrap(schema) is { Type: JsonSchemaType.Null };

    /// <summary><c>oneOf/anyOf: [X, {type: null}]</c> is X, nullable.</summary>
    public static IOpenApiSchema? NullableSingleBranch(IOpenApiSchema s)
    {
        var branches = s.OneOf is { Count: > 0 } ? s.OneOf : s.AnyOf;
        if (branches is not { Count: 2 } || s.Properties is { Count: > 0 }) return null;
        var nonNull = branches.Where(b => !IsNullSchema(b)).ToList();
        return nonNull.Count == 1 ? nonNull[0] : null;
    }

    /// <summary>True for <c>{}</c> (and schemas with only annotations): any JSON value.</summary>
    public static bool IsEmptySchema(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference) return false;
        return schema.Type is null && schema.Properties is not { Count: > 0 } && schema.Items is null && schema.AllOf is not { Count: > 0 }
            && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.Enum is not { Count: > 0 } && schema.AdditionalProperties is null;
    }

    /// <summary>True when JSON Schema allows only objects: <c>type: object</c> here, or in an <c>allOf</c> part.</summary>
    public static bool IsObjectTyped(IOpenApiSchema? schema, int depth = 0)
    {
        var s = Unwrap(schema);
        if (s is null || depth > 32) return false;
        if (s.Type is { } type) return (type & ~JsonSchemaType.Null) == JsonSchemaType.Object;
        if (s.Discriminator is not null) return true; // a discriminator needs an object to read
        return s.AllOf is { Count: > 0 } parts && parts.Any(part => IsObjectTyped(part, depth + 1));
    }

    /// <summary>The JSON kind of a schema, coarsely: string, number, boolean, array, object, or any (not known or a union).</summary>
    public static string CategoryOf(IOpenApiSchema schema)
    {
        var s = Unwrap(schema);
        for (var i = 0; i < 8 && s is not null; i++)
        {
            if (NullableSingleBranch(s) is { } single) s = Unwrap(single);
            else if (s.AllOf is { Count: 1 } only && s.Properties is not { Count: > 0 } && s.Type is null) s = Unwrap(only[0]);
            else break;
        }

        if (s is null || s.OneOf is { Count: > 0 } || s.AnyOf is { Count: > 0 }) return "any";
        if (s.AllOf is { Count: > 0 }) return "object";
        return NonNullType(s) switch
        {
            JsonSchemaType.String => "string",
            JsonSchemaType.Integer or JsonSchemaType.Number => "number",
            JsonSchemaType.Boolean => "boolean",
            JsonSchemaType.Array => "array",
            JsonSchemaType.Object => "object",
            _ => s.Properties is { Count: > 0 } ? "object" : "any",
        };
    }

    public static string? ComponentKeyOf(OpenApiSchemaReference? reference) => reference?.Reference?.Id;

    /// <summary>The component key of <c>#/components/schemas/{key}</c>; null for any other pointer.</summary>
    public static string? ComponentKeyOfPointer(string pointer)
    {
        return pointer.StartsWith(ComponentPrefix, StringComparison.Ordinal) && pointer.IndexOf('/', ComponentPrefix.Length) < 0 ? pointer.Substring(ComponentPrefix.Length) : null;
    }

    public const string ComponentPrefix = "#/components/schemas/";

    public static string? DescriptionOf(IOpenApiSchema s) => Clean(s.Description ?? s.Title);

    /// <summary>Documentation text trimmed; null when there is none.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    public static string Escape(string key) => SourceLocator.EscapeToken(key);
}
