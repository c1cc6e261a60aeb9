using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContractFirst.Validation;

/// <summary>
/// Where the errors of one validation pass go, and the path of the value being checked. The path is a stack of segments
/// that is turned into text only when an error is added, so that a valid value costs no allocation for it.
/// </summary>
internal sealed class SchemaReport(ValidationContext context, string prefix)
{
    private (string? Name, int Index)[] _segments = new (string?, int)[8];
    private int _depth;

    public void Push(string name) => Push((name, -1));

    public void Push(int index) => Push((null, index));

    private void Push((string?, int) segment)
    {
        if (_depth == _segments.Length) Array.Resize(ref _segments, _depth * 2);
        _segments[_depth++] = segment;
    }

    public void Pop() => _depth--;

    public void Add(string keyword, string message) => context.Add(new ValidationError(Field(), keyword, message) { Pointer = Pointer() });

    /// <summary>An error about a member of the current object (a missing or unexpected property).</summary>
    public void AddMember(string name, string keyword, string message)
    {
        Push(name);
        Add(keyword, message);
        Pop();
    }

    /// <summary><c>body.items[2].name</c>: the prefix, then property names joined by '.', indexes in brackets.</summary>
    private string Field()
    {
        var sb = new StringBuilder(prefix.TrimEnd('.'));
        for (int i = 0; i < _depth; i++)
        {
            var (name, index) = _segments[i];
            if (name is null)
            {
                sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (sb.Length > 0) sb.Append('.');
                sb.Append(name);
            }
        }

        return sb.ToString();
    }

    /// <summary>The RFC 6901 JSON Pointer of the value from the validated root: <c>/items/2/name</c>.</summary>
    private string Pointer()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < _depth; i++)
        {
            var (name, index) = _segments[i];
            sb.Append('/');
            if (name is null) sb.Append(index.ToString(CultureInfo.InvariantCulture));
            else sb.Append(name.Replace("~", "~0").Replace("/", "~1"));
        }

        return sb.ToString();
    }
}

/// <summary>
/// Evaluates a <see cref="JsonSchema"/> against a JSON value. With a report, every keyword is checked and each violation
/// is added; without one (inside <c>anyOf</c>, <c>oneOf</c>, <c>not</c>, <c>if</c>, <c>contains</c>), evaluation stops at
/// the first failure and only the answer counts.
/// </summary>
internal static class SchemaEvaluator
{
    // A bound on schema recursion that does not move through the instance ($ref cycles), far above any real nesting.
    private const int MaxDepth = 512;
    private const int MaxListedValues = 12;

    public static bool Evaluate(JsonSchema schema, JsonElement value, SchemaReport? report, int depth)
    {
        schema = schema.Target;
        if (ReferenceEquals(schema, JsonSchema.True)) return true;
        if (schema.Never)
        {
            report?.Add("false", "is not allowed here");
            return false;
        }

        if (depth > MaxDepth)
        {
            // Only a schema that refers to itself without moving into the value gets here (allOf: [{$ref: '#'}]): it
            // constrains nothing more than it already did.
            return true;
        }

        bool valid = true;
        var kind = value.ValueKind;
        if (schema.Type != JsonTypes.None && !HasType(schema.Type, value, kind))
        {
            if (report is null) return false;
            report.Add("type", $"must be {Describe(schema.Type)} (was {KindName(value)})");
            valid = false;
        }

        if (schema.Const is { } constant && !constant.Contains(value))
        {
            if (report is null) return false;
            report.Add("const", $"must be {JsonValueSet.Shorten(constant.Values[0])} (was {JsonValueSet.Shorten(value)})");
            valid = false;
        }

        if (schema.Enum is { } allowed && !allowed.Contains(value))
        {
            if (report is null) return false;
            report.Add("enum", $"must be one of: {allowed.Describe(MaxListedValues)} (was {JsonValueSet.Shorten(value)})");
            valid = false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                valid &= Number(schema, value, report);
                break;
            case JsonValueKind.String:
                valid &= String(schema, value, report);
                break;
            case JsonValueKind.Array:
                valid &= Array(schema, value, report, depth);
                break;
            case JsonValueKind.Object:
                valid &= Object(schema, value, report, depth);
                break;
        }

        if (!valid && report is null) return false;
        valid &= Composition(schema, value, report, depth);
        return valid;
    }

    private static bool HasType(JsonTypes types, JsonElement value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => (types & JsonTypes.Null) != 0,
        JsonValueKind.True or JsonValueKind.False => (types & JsonTypes.Boolean) != 0,
        JsonValueKind.Object => (types & JsonTypes.Object) != 0,
        JsonValueKind.Array => (types & JsonTypes.Array) != 0,
        JsonValueKind.String => (types & JsonTypes.String) != 0,
        JsonValueKind.Number => (types & JsonTypes.Number) != 0
            || ((types & JsonTypes.Integer) != 0 && SchemaNumber.TryRead(value, out var n) && n.IsInteger),
        _ => false,
    };

    private static bool Number(JsonSchema s, JsonElement value, SchemaReport? report)
    {
        if (s.Minimum is null && s.Maximum is null && s.ExclusiveMinimum is null && s.ExclusiveMaximum is null && s.MultipleOf is null) return true;
        SchemaNumber.TryRead(value, out var n);
        if (report is null) return NumberHolds(s, n);
        bool valid = true;
        if (s.Minimum is { } min && SchemaNumber.Compare(n, min) < 0)
        {
            if (report is null) return false;
            report.Add("minimum", $"must be >= {min} (was {n})");
            valid = false;
        }

        if (s.ExclusiveMinimum is { } exMin && SchemaNumber.Compare(n, exMin) <= 0)
        {
            if (report is null) return false;
            report.Add("exclusiveMinimum", $"must be > {exMin} (was {n})");
            valid = false;
        }

        if (s.Maximum is { } max && SchemaNumber.Compare(n, max) > 0)
        {
            if (report is null) return false;
            report.Add("maximum", $"must be <= {max} (was {n})");
            valid = false;
        }

        if (s.ExclusiveMaximum is { } exMax && SchemaNumber.Compare(n, exMax) >= 0)
        {
            if (report is null) return false;
            report.Add("exclusiveMaximum", $"must be < {exMax} (was {n})");
            valid = false;
        }

        if (s.MultipleOf is { } divisor && !SchemaNumber.IsMultiple(n, divisor))
        {
            if (report is null) return false;
            report.Add("multipleOf", n.IsExact && divisor.IsExact && ConstraintMath.TryNearestMultiples(n.Exact, divisor.Exact, out var lower, out var upper)
                ? $"must be a multiple of {divisor} (nearest multiples: {lower.ToString(CultureInfo.InvariantCulture)} and {upper.ToString(CultureInfo.InvariantCulture)}; was {n})"
                : $"must be a multiple of {divisor} (was {n})");
            valid = false;
        }

        return valid;
    }

    /// <summary>The numeric keywords, answer only (the quiet pass, and the streaming one).</summary>
    internal static bool NumberHolds(JsonSchema s, SchemaNumber n) =>
        (s.Minimum is not { } min || SchemaNumber.Compare(n, min) >= 0)
        && (s.ExclusiveMinimum is not { } exMin || SchemaNumber.Compare(n, exMin) > 0)
        && (s.Maximum is not { } max || SchemaNumber.Compare(n, max) <= 0)
        && (s.ExclusiveMaximum is not { } exMax || SchemaNumber.Compare(n, exMax) < 0)
        && (s.MultipleOf is not { } divisor || SchemaNumber.IsMultiple(n, divisor));

    /// <summary>The string keywords, answer only (the quiet pass, and the streaming one).</summary>
    internal static bool StringHolds(JsonSchema s, string text)
    {
        if (s.MinLength is not null || s.MaxLength is not null)
        {
            int length = ConstraintMath.CodePointLength(text);
            if (length < s.MinLength || length > s.MaxLength) return false;
        }

        return (s.Pattern is not { } pattern || pattern.IsMatch(text) == true)
            && (s.Format is not { } format || FormatHolds(format, text));
    }

    private static bool String(JsonSchema s, JsonElement value, SchemaReport? report)
    {
        if (s.MinLength is null && s.MaxLength is null && s.Pattern is null && s.Format is null) return true;
        var text = value.GetString()!;
        if (report is null) return StringHolds(s, text);
        bool valid = true;
        if (s.MinLength is not null || s.MaxLength is not null)
        {
            int length = ConstraintMath.CodePointLength(text);
            if (s.MinLength is { } minLength && length < minLength)
            {
                if (report is null) return false;
                report.Add("minLength", $"must be at least {Plural(minLength, "character")} long (is {length.ToString(CultureInfo.InvariantCulture)})");
                valid = false;
            }

            if (s.MaxLength is { } maxLength && length > maxLength)
            {
                if (report is null) return false;
                report.Add("maxLength", $"must be at most {Plural(maxLength, "character")} long (is {length.ToString(CultureInfo.InvariantCulture)})");
                valid = false;
            }
        }

        if (s.Pattern is { } pattern)
        {
            switch (pattern.IsMatch(text))
            {
                case false:
                    if (report is null) return false;
                    report.Add("pattern", $"must match the pattern {pattern.Source}");
                    valid = false;
                    break;
                case null:
                    if (report is null) return false;
                    report.Add("pattern", $"could not be checked against the pattern {pattern.Source} in time");
                    valid = false;
                    break;
            }
        }

        if (s.Format is { } format && !FormatHolds(format, text))
        {
            if (report is null) return false;
            report.Add("format", $"must be a valid {format}");
            valid = false;
        }

        return valid;
    }

    internal static bool FormatHolds(string format, string text) => format switch
    {
        "uuid" => Guid.TryParseExact(text, "D", out _),
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && text.Length >= 20 && (text[10] is 'T' or 't' or ' '),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    private static bool Array(JsonSchema s, JsonElement value, SchemaReport? report, int depth)
    {
        bool valid = true;
        int length = value.GetArrayLength();
        if (s.MinItems is { } minItems && length < minItems)
        {
            if (report is null) return false;
            report.Add("minItems", $"must have at least {Plural(minItems, "item")} (has {length.ToString(CultureInfo.InvariantCulture)})");
            valid = false;
        }

        if (s.MaxItems is { } maxItems && length > maxItems)
        {
            if (report is null) return false;
            report.Add("maxItems", $"must have at most {Plural(maxItems, "item")} (has {length.ToString(CultureInfo.InvariantCulture)})");
            valid = false;
        }

        var prefix = s.PrefixItems;
        var items = s.Items;
        var contains = s.Contains;
        if (prefix is not null || items is not null || contains is not null)
        {
            int index = 0;
            long matches = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemSchema = prefix is not null && index < prefix.Length ? prefix[index] : items;
                if (itemSchema is not null)
                {
                    report?.Push(index);
                    bool ok = Evaluate(itemSchema, item, report, depth + 1);
                    report?.Pop();
                    if (!ok)
                    {
                        if (report is null) return false;
                        valid = false;
                    }
                }

                if (contains is not null && Evaluate(contains, item, null, depth + 1)) matches++;
                index++;
            }

            if (contains is not null)
            {
                long minContains = s.MinContains ?? 1;
                if (matches < minContains)
                {
                    if (report is null) return false;
                    report.Add(s.MinContains is null ? "contains" : "minContains", $"must contain at least {Plural(minContains, "item")} matching the 'contains' schema (has {matches.ToString(CultureInfo.InvariantCulture)})");
                    valid = false;
                }

                if (s.MaxContains is { } maxContains && matches > maxContains)
                {
                    if (report is null) return false;
                    report.Add("maxContains", $"must contain at most {Plural(maxContains, "item")} matching the 'contains' schema (has {matches.ToString(CultureInfo.InvariantCulture)})");
                    valid = false;
                }
            }
        }

        if (s.UniqueItems && length > 1 && FirstRepeat(value, length) is { } repeat)
        {
            if (report is null) return false;
            report.Add("uniqueItems", $"must not contain duplicate items (item {repeat.Second.ToString(CultureInfo.InvariantCulture)} repeats item {repeat.First.ToString(CultureInfo.InvariantCulture)})");
            valid = false;
        }

        return valid;
    }

    private static (int First, int Second)? FirstRepeat(JsonElement array, int length)
    {
        var items = new JsonElement[length];
        int n = 0;
        foreach (var item in array.EnumerateArray()) items[n++] = item;
        if (length <= 16)
        {
            for (int j = 1; j < length; j++)
            {
                for (int i = 0; i < j; i++)
                {
                    if (JsonEquality.AreEqual(items[i], items[j])) return (i, j);
                }
            }

            return null;
        }

        var seen = new Dictionary<int, List<int>>();
        for (int j = 0; j < length; j++)
        {
            int hash = JsonEquality.Hash(items[j]);
            if (seen.TryGetValue(hash, out var same))
            {
                foreach (var i in same)
                {
                    if (JsonEquality.AreEqual(items[i], items[j])) return (i, j);
                }

                same.Add(j);
            }
            else
            {
                seen[hash] = [j];
            }
        }

        return null;
    }

    private static bool Object(JsonSchema s, JsonElement value, SchemaReport? report, int depth)
    {
        bool valid = true;
        if (s.Required is { } required)
        {
            var requiredUtf8 = s.RequiredUtf8!;
            for (int i = 0; i < required.Length; i++)
            {
                var name = required[i];
                if (!(requiredUtf8[i] is { } utf8 ? value.TryGetProperty(utf8, out _) : value.TryGetProperty(name, out _)))
                {
                    if (report is null) return false;
                    report.AddMember(name, "required", "is required");
                    valid = false;
                }
            }
        }

        var table = s.PropertyLookup;
        var patterns = s.PatternProperties;
        var additional = s.AdditionalProperties;
        var names = s.PropertyNames;
        var dependentRequired = s.DependentRequired;
        var dependentSchemas = s.DependentSchemas;
        bool countNeeded = s.MinProperties is not null || s.MaxProperties is not null;
        if (table is null && patterns is null && additional is null && names is null && dependentRequired is null && dependentSchemas is null && !countNeeded)
        {
            return valid;
        }

        long count = 0;
        int hint = 0;
        foreach (var property in value.EnumerateObject())
        {
            count++;
            bool evaluated = false;
            int declared = table is null ? -1 : table.IndexOf(property, ref hint);
            string? name = null;
            if (declared >= 0)
            {
                evaluated = true;
                name = table!.Names[declared]; // equal to property.Name, without reading it out of the document
                if (!Member(table.Schemas[declared], property.Value, name, report, depth))
                {
                    if (report is null) return false;
                    valid = false;
                }
            }

            if (patterns is not null)
            {
                name ??= property.Name;
                foreach (var pair in patterns)
                {
                    if (pair.Key.IsMatch(name) != true) continue;
                    evaluated = true;
                    if (!Member(pair.Value, property.Value, name, report, depth))
                    {
                        if (report is null) return false;
                        valid = false;
                    }
                }
            }

            if (!evaluated && additional is not null)
            {
                name ??= property.Name;
                if (additional.Target.Never)
                {
                    if (report is null) return false;
                    report.AddMember(name, "additionalProperties", "is not a property the spec allows");
                    valid = false;
                }
                else if (!Member(additional, property.Value, name, report, depth))
                {
                    if (report is null) return false;
                    valid = false;
                }
            }

            if (names is not null && !PropertyName(names, name ??= property.Name, report, depth))
            {
                if (report is null) return false;
                valid = false;
            }

            if (dependentRequired is not null && dependentRequired.TryGetValue(name ??= property.Name, out var needed))
            {
                foreach (var other in needed)
                {
                    if (!value.TryGetProperty(other, out _))
                    {
                        if (report is null) return false;
                        report.AddMember(other, "dependentRequired", $"is required when '{name}' is present");
                        valid = false;
                    }
                }
            }

            if (dependentSchemas is not null && dependentSchemas.TryGetValue(name ??= property.Name, out var dependent) && !Evaluate(dependent, value, report, depth + 1))
            {
                if (report is null) return false;
                valid = false;
            }
        }

        if (s.MinProperties is { } minProperties && count < minProperties)
        {
            if (report is null) return false;
            report.Add("minProperties", $"must have at least {Plural(minProperties, "property", "properties")} (has {count.ToString(CultureInfo.InvariantCulture)})");
            valid = false;
        }

        if (s.MaxProperties is { } maxProperties && count > maxProperties)
        {
            if (report is null) return false;
            report.Add("maxProperties", $"must have at most {Plural(maxProperties, "property", "properties")} (has {count.ToString(CultureInfo.InvariantCulture)})");
            valid = false;
        }

        return valid;
    }

    private static bool Member(JsonSchema schema, JsonElement value, string name, SchemaReport? report, int depth)
    {
        report?.Push(name);
        bool ok = Evaluate(schema, value, report, depth + 1);
        report?.Pop();
        return ok;
    }

    /// <summary><c>propertyNames</c>: the name, as a JSON string, against the schema.</summary>
    private static bool PropertyName(JsonSchema schema, string name, SchemaReport? report, int depth)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(name.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(name);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        if (report is null) return Evaluate(schema, document.RootElement, null, depth + 1);
        if (Evaluate(schema, document.RootElement, null, depth + 1)) return true;
        report.AddMember(name, "propertyNames", "is not a property name the spec allows");
        return false;
    }

    private static bool Composition(JsonSchema s, JsonElement value, SchemaReport? report, int depth)
    {
        bool valid = true;
        if (s.AllOf is { } allOf)
        {
            foreach (var part in allOf)
            {
                if (!Evaluate(part, value, report, depth + 1))
                {
                    if (report is null) return false;
                    valid = false;
                }
            }
        }

        if (s.AnyOf is { } anyOf)
        {
            bool any = false;
            foreach (var branch in anyOf)
            {
                if (Evaluate(branch, value, null, depth + 1))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                if (report is null) return false;
                report.Add("anyOf", "must match at least one of the schemas of anyOf");
                valid = false;
            }
        }

        if (s.OneOf is { } oneOf)
        {
            int matched = 0;
            foreach (var branch in oneOf)
            {
                if (Evaluate(branch, value, null, depth + 1) && ++matched > 1) break;
            }

            if (matched != 1)
            {
                if (report is null) return false;
                report.Add("oneOf", matched == 0 ? "must match exactly one of the schemas of oneOf (matches none)" : "must match exactly one of the schemas of oneOf (matches more than one)");
                valid = false;
            }
        }

        if (s.Not is { } not && Evaluate(not, value, null, depth + 1))
        {
            if (report is null) return false;
            report.Add("not", "must not match the schema of 'not'");
            valid = false;
        }

        if (s.If is { } condition && (s.Then is not null || s.Else is not null))
        {
            var branch = Evaluate(condition, value, null, depth + 1) ? s.Then : s.Else;
            if (branch is not null && !Evaluate(branch, value, report, depth + 1))
            {
                if (report is null) return false;
                valid = false;
            }
        }

        return valid;
    }

    private static string Describe(JsonTypes types)
    {
        var names = new List<string>();
        if ((types & JsonTypes.Object) != 0) names.Add("an object");
        if ((types & JsonTypes.Array) != 0) names.Add("an array");
        if ((types & JsonTypes.String) != 0) names.Add("a string");
        if ((types & JsonTypes.Number) != 0) names.Add("a number");
        else if ((types & JsonTypes.Integer) != 0) names.Add("an integer");
        if ((types & JsonTypes.Boolean) != 0) names.Add("a boolean");
        if ((types & JsonTypes.Null) != 0) names.Add("null");
        return names.Count switch
        {
            1 => names[0],
            _ => string.Join(", ", names.GetRange(0, names.Count - 1)) + " or " + names[names.Count - 1],
        };
    }

    private static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => SchemaNumber.TryRead(value, out var n) && n.IsInteger ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Plural(long n, string noun, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : plural ?? noun + "s");
}
