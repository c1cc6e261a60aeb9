using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ContractFirst.Validation;

/// <summary>
/// A quick, one-way check of JSON text against a <see cref="JsonSchema"/>, straight over a <see cref="Utf8JsonReader"/>:
/// no <see cref="JsonDocument"/> is built. It answers only "certainly valid"; false means "not shown valid" (the text is
/// not JSON, a keyword fails, or the schema uses a keyword this pass leaves to <see cref="SchemaEvaluator"/>), and the
/// caller then parses and evaluates in full, which also names the errors. So it can make validation faster, never change
/// its answer: every keyword it checks is checked as <see cref="SchemaEvaluator"/> checks it.
/// </summary>
/// <remarks>
/// Left to the full evaluator: <c>oneOf</c>, <c>not</c>, <c>if</c>, <c>contains</c>, <c>uniqueItems</c>,
/// <c>propertyNames</c>, <c>dependentRequired</c>, <c>dependentSchemas</c>, more than 64 <c>required</c> names, and
/// <c>enum</c>/<c>const</c> against an object or array value. <c>allOf</c> and <c>anyOf</c> read each branch from a copy
/// of the reader (the text is in memory, so a copy re-reads it without a second parse).
/// </remarks>
internal static class SchemaStreamEvaluator
{
    private const int MaxDepth = 512;
    private const int MaxRequired = 64;

    /// <summary>True only when <paramref name="utf8Json"/> is one JSON value, well-formed, and valid against the schema.</summary>
    public static bool IsCertainlyValid(JsonSchema schema, ReadOnlySpan<byte> utf8Json)
    {
        if (!schema.Streamable) return false;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            return reader.Read() && Check(schema, ref reader, 0) && !reader.Read();
        }
        catch (JsonException)
        {
            return false; // not JSON, or trailing text
        }
        catch (InvalidOperationException)
        {
            return false; // a string that is not valid UTF-8 or UTF-16 (a lone surrogate)
        }
    }

    /// <summary>Whether every schema reachable from <paramref name="root"/> uses only the keywords this pass checks.</summary>
    public static bool Handles(JsonSchema root)
    {
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<JsonSchema>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var s = pending.Pop().Target;
            if (!seen.Add(s)) continue;
            if (s.OneOf is not null || s.Not is not null || s.If is not null || s.Contains is not null || s.UniqueItems
                || s.PropertyNames is not null || s.DependentRequired is not null || s.DependentSchemas is not null)
            {
                return false;
            }

            if (s.Required is { } required && (required.Length > MaxRequired || System.Array.IndexOf(s.RequiredUtf8!, null) >= 0)) return false;
            Push(pending, s.Items);
            Push(pending, s.AdditionalProperties);
            Push(pending, s.PrefixItems);
            Push(pending, s.AllOf);
            Push(pending, s.AnyOf);
            if (s.Properties is { } properties)
            {
                foreach (var pair in properties) pending.Push(pair.Value);
            }

            if (s.PatternProperties is { } patterns)
            {
                foreach (var pair in patterns) pending.Push(pair.Value);
            }
        }

        return true;
    }

    private static void Push(Stack<JsonSchema> pending, JsonSchema? schema)
    {
        if (schema is not null) pending.Push(schema);
    }

    private static void Push(Stack<JsonSchema> pending, JsonSchema[]? schemas)
    {
        if (schemas is null) return;
        foreach (var schema in schemas) pending.Push(schema);
    }

    /// <summary>
    /// Checks the value whose first token the reader stands on. When it answers true, the reader stands on the value's
    /// last token (the value itself for a scalar).
    /// </summary>
    private static bool Check(JsonSchema schema, ref Utf8JsonReader reader, int depth)
    {
        schema = schema.Target;
        var groups = schema.Groups;
        if ((groups & ~JsonSchema.KeywordGroups.Computed) == 0)
        {
            reader.Skip(); // no keyword: every value is valid (the schema true)
            return true;
        }

        if ((groups & JsonSchema.KeywordGroups.Never) != 0 || depth > MaxDepth) return false;

        if ((groups & JsonSchema.KeywordGroups.AllOf) != 0)
        {
            foreach (var part in schema.AllOf!)
            {
                var copy = reader;
                if (!Check(part, ref copy, depth + 1)) return false;
            }
        }

        if ((groups & JsonSchema.KeywordGroups.AnyOf) != 0)
        {
            bool any = false;
            foreach (var branch in schema.AnyOf!)
            {
                var copy = reader;
                if (Check(branch, ref copy, depth + 1))
                {
                    any = true;
                    break;
                }
            }

            if (!any) return false;
        }

        var token = reader.TokenType;
        if ((groups & JsonSchema.KeywordGroups.Type) != 0 && !HasType(schema.Type, ref reader, token)) return false;
        if ((groups & JsonSchema.KeywordGroups.Values) != 0)
        {
            if (schema.Const is { } constant && !constant.ContainsToken(ref reader)) return false;
            if (schema.Enum is { } allowed && !allowed.ContainsToken(ref reader)) return false;
        }

        switch (token)
        {
            case JsonTokenType.Number: return (groups & JsonSchema.KeywordGroups.Number) == 0 || Number(schema, ref reader);
            case JsonTokenType.String: return (groups & JsonSchema.KeywordGroups.String) == 0 || String(schema, ref reader);
            case JsonTokenType.StartArray:
                if ((groups & JsonSchema.KeywordGroups.Array) != 0) return Array(schema, ref reader, depth);
                reader.Skip();
                return true;
            case JsonTokenType.StartObject:
                if ((groups & JsonSchema.KeywordGroups.Object) != 0) return Object(schema, ref reader, depth);
                reader.Skip();
                return true;
            default: return true;
        }
    }

    private static bool HasType(JsonTypes types, ref Utf8JsonReader reader, JsonTokenType token)
    {
        switch (token)
        {
            case JsonTokenType.Null: return (types & JsonTypes.Null) != 0;
            case JsonTokenType.True or JsonTokenType.False: return (types & JsonTypes.Boolean) != 0;
            case JsonTokenType.StartObject: return (types & JsonTypes.Object) != 0;
            case JsonTokenType.StartArray: return (types & JsonTypes.Array) != 0;
            case JsonTokenType.String: return (types & JsonTypes.String) != 0;
            case JsonTokenType.Number:
                if ((types & JsonTypes.Number) != 0) return true;
                if ((types & JsonTypes.Integer) == 0) return false;
                if (reader.TryGetInt64(out _)) return true;
                SchemaNumber.Read(ref reader, out var n);
                return n.IsInteger;
            default: return false;
        }
    }

    private static bool Number(JsonSchema s, ref Utf8JsonReader reader)
    {
        // Integer keywords and an integer literal (most instances): compared as longs. Anything else as SchemaEvaluator does.
        var integer = s.IntegerRule;
        if (integer is not null && reader.TryGetInt64(out var value)) return integer.Holds(value);
        SchemaNumber.Read(ref reader, out var n);
        return SchemaEvaluator.NumberHolds(s, n);
    }

    private static bool String(JsonSchema s, ref Utf8JsonReader reader) =>
        (s.MinLength is null && s.MaxLength is null && s.Pattern is null && s.Format is null) || SchemaEvaluator.StringHolds(s, reader.GetString()!);

    private static bool Array(JsonSchema s, ref Utf8JsonReader reader, int depth)
    {
        var prefix = s.PrefixItems;
        var items = s.Items;
        long count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var itemSchema = prefix is not null && count < prefix.Length ? prefix[count] : items;
            if (itemSchema is null) reader.Skip();
            else if (!Check(itemSchema, ref reader, depth + 1)) return false;
            count++;
        }

        return !(count < s.MinItems) && !(count > s.MaxItems);
    }

    private static bool Object(JsonSchema s, ref Utf8JsonReader reader, int depth)
    {
        var table = s.PropertyLookup;
        var patterns = s.PatternProperties;
        var additional = s.AdditionalProperties;
        // Required names are bits: a declared property clears its own bits through its index in the table; only a
        // required name that no property declares is compared by name.
        var requiredBits = s.RequiredByProperty;
        var undeclared = requiredBits is null || requiredBits.Undeclared.Length == 0 ? null : requiredBits.Undeclared;
        var requiredUtf8 = undeclared is null ? null : s.RequiredUtf8;
        ulong missing = requiredBits?.All ?? 0;
        long count = 0;
        int hint = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            count++;
            int declared = table is null ? -1 : table.IndexOf(ref reader, ref hint);
            if (missing != 0)
            {
                if (declared >= 0) missing &= ~requiredBits!.ByProperty[declared];
                else if (undeclared is not null)
                {
                    foreach (var i in undeclared)
                    {
                        if ((missing & (1UL << i)) != 0 && reader.ValueTextEquals(requiredUtf8![i]!)) missing &= ~(1UL << i);
                    }
                }
            }

            string? name = patterns is not null || (declared < 0 && additional is not null) ? reader.GetString() : null;
            reader.Read();

            // The schemas that apply to this value: the declared one, each matching pattern, else additionalProperties.
            JsonSchema? only = declared >= 0 ? table!.Schemas[declared] : null;
            List<JsonSchema>? more = null;
            if (patterns is not null)
            {
                foreach (var pair in patterns)
                {
                    switch (pair.Key.IsMatch(name!))
                    {
                        case null: return false; // the pattern could not be decided in time: the full evaluator reports it
                        case true:
                            if (only is null) only = pair.Value;
                            else (more ??= new List<JsonSchema>()).Add(pair.Value);
                            break;
                    }
                }
            }

            if (only is null && additional is not null) only = additional;
            if (only is null)
            {
                reader.Skip();
                continue;
            }

            if (more is not null)
            {
                foreach (var other in more)
                {
                    var copy = reader;
                    if (!Check(other, ref copy, depth + 1)) return false;
                }
            }

            if (!Check(only, ref reader, depth + 1)) return false;
        }

        return missing == 0 && !(count < s.MinProperties) && !(count > s.MaxProperties);
    }
}
