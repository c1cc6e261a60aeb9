using System.Collections.Generic;
using System.Linq;

namespace ContractFirst.Specs.Tests.Infrastructure;

/// <summary>A small builder that keeps the seed-fact tables readable: one call per field, enum or bound.</summary>
public sealed class FactTable
{
    private readonly List<SpecFact> _facts = new();

    public FactTable(string spec) => Spec = spec;

    public string Spec { get; }

    public IReadOnlyList<SpecFact> Facts => _facts;

    public static string Schema(string schema, params string[] rest) =>
        JsonPointer.Of(new[] { "components", "schemas", schema }.Concat(rest).ToArray());

    public static string Property(string schema, string property, params string[] rest) =>
        Schema(schema, new[] { "properties", property }.Concat(rest).ToArray());

    /// <summary>A raw row: at <paramref name="pointer"/>, <paramref name="keyword"/> is <paramref name="expected"/>.</summary>
    public FactTable Row(string pointer, string keyword, object? expected)
    {
        _facts.Add(new SpecFact(Spec, pointer, keyword, expected));
        return this;
    }

    public FactTable Exists(string pointer) => Row(pointer, "exists", null);

    public FactTable Absent(string pointer) => Row(pointer, "absent", null);

    /// <summary>An object schema with exactly these properties and exactly these required ones.</summary>
    public FactTable Object(string schema, string[] required, params string[] properties)
    {
        Row(Schema(schema), "type", "object");
        Row(Schema(schema), "required", required);
        return Row(Schema(schema), "properties", properties);
    }

    /// <summary>A field: its type, its format (null: the seed gives none, so none may be declared) and its description.</summary>
    public FactTable Field(string schema, string property, string type, string? format = null, string? description = null)
    {
        var pointer = Property(schema, property);
        Row(pointer, "type", type);
        Row(pointer, "format", format);
        return description is null ? this : Row(pointer, "description", description);
    }

    /// <summary>A field whose schema is a reference to another component schema.</summary>
    public FactTable RefField(string schema, string property, string target) =>
        Row(Property(schema, property), "$ref", "#/components/schemas/" + target);

    /// <summary>An array field whose items are the given type or component schema.</summary>
    public FactTable ArrayField(string schema, string property, string? itemType = null, string? itemRef = null, string? description = null)
    {
        Row(Property(schema, property), "type", "array");
        if (itemType is not null)
        {
            Row(Property(schema, property, "items"), "type", itemType);
        }

        if (itemRef is not null)
        {
            Row(Property(schema, property, "items"), "$ref", "#/components/schemas/" + itemRef);
        }

        return description is null ? this : Row(Property(schema, property), "description", description);
    }

    /// <summary>One row per enum value, plus one row for the exact list.</summary>
    public FactTable Enum(string schema, string property, params string[] values)
    {
        foreach (var value in values)
        {
            Row(Property(schema, property), "enum", value);
        }

        return Row(Property(schema, property), "enum", values);
    }

    public FactTable Bound(string schema, string property, string keyword, object? value) =>
        Row(Property(schema, property), keyword, value);

    /// <summary>An operation: its operationId and summary.</summary>
    public FactTable Operation(string path, string method, string operationId, string summary)
    {
        Row(JsonPointer.Path(path, method), "operationId", operationId);
        return Row(JsonPointer.Path(path, method), "summary", summary);
    }

    /// <summary>A path parameter: required, in path, with a string schema, an optional format and a description.</summary>
    public FactTable PathParameter(string path, string method, string name, string? format, string description)
    {
        var pointer = JsonPointer.Path(path, method, "parameters", JsonPointer.Select("name", name));
        Row(pointer, "in", "path");
        Row(pointer, "required", true);
        Row(pointer, "description", description);
        Row(pointer + "/schema", "type", "string");
        return Row(pointer + "/schema", "format", format);
    }

    /// <summary>A required JSON request body whose schema is the given component.</summary>
    public FactTable RequestBody(string path, string method, string schema)
    {
        Row(JsonPointer.Path(path, method, "requestBody"), "required", true);
        return Row(JsonPointer.Path(path, method, "requestBody", "content", "application/json", "schema"), "$ref", "#/components/schemas/" + schema);
    }

    /// <summary>A JSON response whose schema is the given component.</summary>
    public FactTable Response(string path, string method, string status, string schema, string? description = null)
    {
        Row(JsonPointer.Path(path, method, "responses", status, "content", "application/json", "schema"), "$ref", "#/components/schemas/" + schema);
        return description is null ? this : Row(JsonPointer.Path(path, method, "responses", status), "description", description);
    }
}
