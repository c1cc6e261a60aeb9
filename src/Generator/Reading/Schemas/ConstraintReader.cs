using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// A schema's validation keywords as the model's <see cref="Model.Constraints"/> (bounds as invariant decimal text,
/// lengths, counts, <c>const</c> and <c>enum</c> as JSON text), and the primitive a JSON type and format map to.
/// </summary>
internal sealed class ConstraintReader(SpecLoader loader)
{
    public Model.Constraints Read(IOpenApiSchema s, string pointer)
    {
        string? minimum = NumberText(s.Minimum);
        string? maximum = NumberText(s.Maximum);
        var exclusiveMinimum = false;
        var exclusiveMaximum = false;
        if (NumberText(s.ExclusiveMinimum) is { } exMin)
        {
            minimum = exMin;
            exclusiveMinimum = true;
        }
        else if (string.Equals(s.ExclusiveMinimum, "true", StringComparison.OrdinalIgnoreCase))
        {
            exclusiveMinimum = minimum is not null;
        }

        if (NumberText(s.ExclusiveMaximum) is { } exMax)
        {
            maximum = exMax;
            exclusiveMaximum = true;
        }
        else if (string.Equals(s.ExclusiveMaximum, "true", StringComparison.OrdinalIgnoreCase))
        {
            exclusiveMaximum = maximum is not null;
        }

        var multipleOf = s.MultipleOf is { } m && m > 0 ? m.ToString(CultureInfo.InvariantCulture) : null;
        var c = new Model.Constraints(
            minimum,
            exclusiveMinimum,
            maximum,
            exclusiveMaximum,
            multipleOf,
            string.IsNullOrEmpty(s.Pattern) ? null : s.Pattern,
            s.MinLength is > 0 ? s.MinLength : null,
            s.MaxLength,
            s.MinItems is > 0 ? s.MinItems : null,
            s.MaxItems,
            s.UniqueItems == true,
            MinProperties: s.MinProperties is > 0 ? s.MinProperties : null,
            MaxProperties: s.MaxProperties,
            Const: ConstOf(s, pointer),
            Enum: s.Enum is { Count: > 0 } values ? values.Select(JsonText).ToImmutableEquatableArray() : null);
        return c == Model.Constraints.None ? Model.Constraints.None : c;
    }

    /// <summary>A value of <c>enum</c> or <c>const</c> as JSON text; Microsoft.OpenApi stands a JSON null in with a sentinel.</summary>
    private static string JsonText(JsonNode? value) =>
        value is null || JsonNullSentinel.IsJsonNullSentinel(value) ? "null" : value.ToJsonString();

    /// <summary>
    /// The schema's <c>const</c> as JSON text, read from the JSON tree at <paramref name="pointer"/>: Microsoft.OpenApi keeps
    /// only a text of it (<c>1</c> and <c>"1"</c> both become "1", null and objects nothing). <c>const</c> is a keyword of
    /// JSON Schema 2020-12, so of OpenAPI 3.1 only. When the tree does not hold the schema there, nothing is guessed.
    /// </summary>
    private string? ConstOf(IOpenApiSchema s, string pointer)
    {
        if (!loader.Is31 || loader.Root is not { } root || !pointer.StartsWith("#", StringComparison.Ordinal)) return null;
        JsonNode? node = root;
        foreach (var token in pointer.Substring(1).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var key = token.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(key, out var child) => child,
                JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (node is null) return null;
        }

        if (node is not JsonObject schema || !schema.TryGetPropertyValue("const", out var value)) return null;
        // The same schema as the object model's: a scalar const there has its text here.
        if (value is JsonValue && s.Const is null) return null;
        return JsonText(value);
    }

    private static string? NumberText(string? value)
    {
        if (value is null) return null;
        return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var dbl) && !double.IsInfinity(dbl) ? dbl.ToString("R", CultureInfo.InvariantCulture) : null;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Primitives: the C# type of a JSON type and format.

    public static PrimitiveKind StringFormat(string? format) => format switch
    {
        "uuid" => PrimitiveKind.Guid,
        "date-time" => PrimitiveKind.DateTimeOffset,
        "date" => PrimitiveKind.DateOnly,
        "binary" => PrimitiveKind.Stream,
        "byte" => PrimitiveKind.Bytes,
        _ => PrimitiveKind.String,
    };

    public static PrimitiveKind IntegerFormat(IOpenApiSchema s)
    {
        if (s.Format == "int64") return PrimitiveKind.Int64;
        if (s.Format == "int32") return PrimitiveKind.Int32;
        // No format: long, so that no integer the spec allows is refused (JSON Schema integers are unbounded; a bound
        // beyond long makes it decimal).
        return OutsideInt64(s.Minimum) || OutsideInt64(s.Maximum) || OutsideInt64(s.ExclusiveMinimum) || OutsideInt64(s.ExclusiveMaximum)
            ? PrimitiveKind.Decimal
            : PrimitiveKind.Int64;
    }

    private static bool OutsideInt64(string? bound)
        => bound is not null && (!decimal.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value > long.MaxValue || value < long.MinValue);

    public static PrimitiveKind NumberFormat(string? format) => format switch
    {
        "float" => PrimitiveKind.Float,
        "decimal" => PrimitiveKind.Decimal,
        "int32" => PrimitiveKind.Int32,
        "int64" => PrimitiveKind.Int64,
        _ => PrimitiveKind.Double,
    };
}
