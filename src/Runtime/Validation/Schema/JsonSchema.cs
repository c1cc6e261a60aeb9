using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContractFirst.Validation;

/// <summary>
/// One compiled JSON Schema, as the generator reads it from the spec (draft 2020-12 for OpenAPI 3.1; the draft-4 rules of
/// OpenAPI 3.0 and 2.0 are mapped onto the same keywords at build time). Generated code builds these once, as static
/// data; <see cref="Validate(JsonElement, ValidationContext, string)"/> checks a JSON value against every keyword and names each
/// violation by its path. Reflection-free and trim-safe.
/// </summary>
/// <remarks>
/// Keywords left unset are not checked. <c>format</c> is an annotation, except <c>uuid</c>, <c>date-time</c> and
/// <c>date</c> on string schemas, whose values the generated C# types (Guid, DateTimeOffset, DateOnly) must be able to hold.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonSchema
{
    private Func<JsonSchema>? _deferred;
    private JsonSchema? _resolved;
    private PropertyTable? _properties;
    private byte[]?[]? _requiredUtf8;

    /// <summary>The schema <c>true</c>: every value is valid.</summary>
    public static JsonSchema True { get; } = new();

    /// <summary>The schema <c>false</c>: no value is valid.</summary>
    public static JsonSchema False { get; } = new() { Never = true };

    /// <summary>A schema that stands for another one built later (a recursive <c>$ref</c>).</summary>
    /// <param name="target">Returns the target; called once, on first use.</param>
    public static JsonSchema Defer(Func<JsonSchema> target) => new() { _deferred = target };

    /// <summary>No value is valid (the schema <c>false</c>).</summary>
    public bool Never { get; init; }

    /// <summary><c>type</c>.</summary>
    public JsonTypes Type { get; init; }

    /// <summary><c>enum</c>.</summary>
    public JsonValueSet? Enum { get; init; }

    /// <summary><c>const</c>.</summary>
    public JsonValueSet? Const { get; init; }

    /// <summary><c>minimum</c>.</summary>
    public SchemaNumber? Minimum { get; init; }

    /// <summary><c>exclusiveMinimum</c> (the number form; draft 4's boolean form is mapped onto it).</summary>
    public SchemaNumber? ExclusiveMinimum { get; init; }

    /// <summary><c>maximum</c>.</summary>
    public SchemaNumber? Maximum { get; init; }

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public SchemaNumber? ExclusiveMaximum { get; init; }

    /// <summary><c>multipleOf</c>.</summary>
    public SchemaNumber? MultipleOf { get; init; }

    /// <summary><c>minLength</c>, in code points.</summary>
    public long? MinLength { get; init; }

    /// <summary><c>maxLength</c>, in code points.</summary>
    public long? MaxLength { get; init; }

    /// <summary><c>pattern</c>.</summary>
    public SchemaPattern? Pattern { get; init; }

    /// <summary><c>format</c>, where it is checked (<c>uuid</c>, <c>date-time</c>, <c>date</c>).</summary>
    public string? Format { get; init; }

    /// <summary><c>prefixItems</c> (draft 4: <c>items</c> as an array).</summary>
    public JsonSchema[]? PrefixItems { get; init; }

    /// <summary><c>items</c>: every item after the prefix (draft 4: <c>additionalItems</c> after an array <c>items</c>).</summary>
    public JsonSchema? Items { get; init; }

    /// <summary><c>contains</c>.</summary>
    public JsonSchema? Contains { get; init; }

    /// <summary><c>minContains</c> (1 when unset).</summary>
    public long? MinContains { get; init; }

    /// <summary><c>maxContains</c>.</summary>
    public long? MaxContains { get; init; }

    /// <summary><c>minItems</c>.</summary>
    public long? MinItems { get; init; }

    /// <summary><c>maxItems</c>.</summary>
    public long? MaxItems { get; init; }

    /// <summary><c>uniqueItems</c>.</summary>
    public bool UniqueItems { get; init; }

    /// <summary><c>properties</c>.</summary>
    public IReadOnlyDictionary<string, JsonSchema>? Properties { get; init; }

    /// <summary><c>required</c>.</summary>
    public string[]? Required { get; init; }

    /// <summary><c>additionalProperties</c>.</summary>
    public JsonSchema? AdditionalProperties { get; init; }

    /// <summary><c>patternProperties</c>.</summary>
    public KeyValuePair<SchemaPattern, JsonSchema>[]? PatternProperties { get; init; }

    /// <summary><c>propertyNames</c>.</summary>
    public JsonSchema? PropertyNames { get; init; }

    /// <summary><c>minProperties</c>.</summary>
    public long? MinProperties { get; init; }

    /// <summary><c>maxProperties</c>.</summary>
    public long? MaxProperties { get; init; }

    /// <summary><c>dependentRequired</c> (draft 4: <c>dependencies</c> with an array).</summary>
    public IReadOnlyDictionary<string, string[]>? DependentRequired { get; init; }

    /// <summary><c>dependentSchemas</c> (draft 4: <c>dependencies</c> with a schema).</summary>
    public IReadOnlyDictionary<string, JsonSchema>? DependentSchemas { get; init; }

    /// <summary><c>allOf</c>, and a <c>$ref</c> beside other keywords.</summary>
    public JsonSchema[]? AllOf { get; init; }

    /// <summary><c>anyOf</c>.</summary>
    public JsonSchema[]? AnyOf { get; init; }

    /// <summary><c>oneOf</c>.</summary>
    public JsonSchema[]? OneOf { get; init; }

    /// <summary><c>not</c>.</summary>
    public JsonSchema? Not { get; init; }

    /// <summary><c>if</c>.</summary>
    public JsonSchema? If { get; init; }

    /// <summary><c>then</c>.</summary>
    public JsonSchema? Then { get; init; }

    /// <summary><c>else</c>.</summary>
    public JsonSchema? Else { get; init; }

    /// <summary>True when <paramref name="instance"/> is valid.</summary>
    /// <param name="instance">The JSON value.</param>
    public bool IsValid(JsonElement instance)
    {
        try
        {
            return SchemaEvaluator.Evaluate(this, instance, null, 0);
        }
        catch (InvalidOperationException)
        {
            return false; // a lone surrogate in a string
        }
    }

    /// <summary>Checks <paramref name="instance"/>, adding one error per violation to <paramref name="context"/>.</summary>
    /// <param name="instance">The JSON value.</param>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The field name of the value itself ("" for a whole body; <c>body</c> in a client).</param>
    /// <returns>True when the value is valid.</returns>
    public bool Validate(JsonElement instance, ValidationContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Most values are valid: the quiet pass answers them without the report's allocations and path bookkeeping.
        // Only an invalid value is walked again, with the report, to name every error.
        if (IsValid(instance)) return true;
        var report = new SchemaReport(context, path);
        try
        {
            return SchemaEvaluator.Evaluate(this, instance, report, 0);
        }
        catch (InvalidOperationException)
        {
            // JSON may escape a lone surrogate ("\ud800"), which is no text .NET can hold.
            context.Add(path.TrimEnd('.'), "json", "contains a string that is not valid Unicode (a lone surrogate)");
            return false;
        }
    }

    /// <summary>Parses UTF-8 JSON and checks it; text that is not JSON is one error.</summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The field name of the value.</param>
    /// <returns>True when the text is JSON and valid.</returns>
    public bool Validate(ReadOnlyMemory<byte> utf8Json, ValidationContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Most bodies are valid: one forward pass over the bytes shows that without building a document. Anything it
        // cannot show valid (an error, or a keyword it leaves alone) is parsed and evaluated in full, which names the errors.
        if (SchemaStreamEvaluator.IsCertainlyValid(this, utf8Json.Span)) return true;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            context.Add(path, "json", "is not valid JSON: " + ex.Message.Split('\n')[0]);
            return false;
        }

        using (document)
        {
            return Validate(document.RootElement, context, path);
        }
    }

    /// <summary>
    /// Checks a model as it goes on the wire: serialized with its generated type info, then validated as JSON, so that a
    /// model's <c>Validate</c> means exactly what the server's check of the same JSON means.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="value">The model.</param>
    /// <param name="typeInfo">Its generated type info.</param>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The field name of the value.</param>
    /// <returns>True when the value is valid.</returns>
    public bool Validate<T>(T value, JsonTypeInfo<T> typeInfo, ValidationContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(context);
        byte[] json;
        var outer = Json.Base64StreamJsonConverter.WritingForValidation;
        try
        {
            Json.Base64StreamJsonConverter.WritingForValidation = true;
            json = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            context.Add(path.TrimEnd('.'), "json", "cannot be written as JSON: " + ex.Message);
            return false;
        }
        finally
        {
            Json.Base64StreamJsonConverter.WritingForValidation = outer;
        }

        return Validate(json, context, path);
    }

    internal JsonSchema Target
    {
        get
        {
            if (_deferred is null) return this;
            return _resolved ??= ResolveChain();
        }
    }

    private JsonSchema ResolveChain()
    {
        // A chain of deferred references ends at a real schema; a cycle of references alone is the schema true.
        var current = _deferred!();
        for (int i = 0; i < 64 && current._deferred is not null; i++)
        {
            current = current._deferred();
        }

        return current._deferred is null ? current : True;
    }

    /// <summary><see cref="Required"/> as UTF-8, for lookups without transcoding (null for a name with no UTF-8 form).</summary>
    internal byte[]?[]? RequiredUtf8 => _requiredUtf8 ??= Required is { } required ? Array.ConvertAll(required, Utf8Name) : null;

    private static byte[]? Utf8Name(string name)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        return Encoding.UTF8.GetString(utf8) == name ? utf8 : null; // a lone surrogate has no UTF-8 form
    }

    /// <summary>Whether <see cref="SchemaStreamEvaluator"/> handles every keyword reachable from this schema (computed once).</summary>
    internal bool Streamable => (_streamable == 0 ? _streamable = SchemaStreamEvaluator.Handles(this) ? 1 : 2 : _streamable) == 1;

    private int _streamable;

    /// <summary>
    /// Which groups of keywords this schema has (computed once): the streaming pass reads this one field first and then
    /// only the keywords that are there, instead of testing every keyword field of every schema it passes.
    /// </summary>
    internal KeywordGroups Groups => _groups != 0 ? _groups : _groups = ComputeGroups();

    private KeywordGroups _groups;

    private KeywordGroups ComputeGroups()
    {
        var g = KeywordGroups.Computed;
        if (AllOf is not null) g |= KeywordGroups.AllOf;
        if (AnyOf is not null) g |= KeywordGroups.AnyOf;
        if (Type != JsonTypes.None) g |= KeywordGroups.Type;
        if (Const is not null || Enum is not null) g |= KeywordGroups.Values;
        if (Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null || MultipleOf is not null) g |= KeywordGroups.Number;
        if (MinLength is not null || MaxLength is not null || Pattern is not null || Format is not null) g |= KeywordGroups.String;
        if (PrefixItems is not null || Items is not null || MinItems is not null || MaxItems is not null) g |= KeywordGroups.Array;
        if (Properties is { Count: > 0 } || PatternProperties is not null || AdditionalProperties is not null || Required is { Length: > 0 } || MinProperties is not null || MaxProperties is not null) g |= KeywordGroups.Object;
        if (Never) g |= KeywordGroups.Never;
        return g;
    }

    /// <summary>Groups of keywords, as <see cref="Groups"/> reports them.</summary>
    [Flags]
    internal enum KeywordGroups
    {
        None = 0,
        Computed = 1,
        AllOf = 2,
        AnyOf = 4,
        Type = 8,
        Values = 16,
        Number = 32,
        String = 64,
        Array = 128,
        Object = 256,
        Never = 512,
    }

    internal PropertyTable? PropertyLookup => _properties ??= Properties is { Count: > 0 } ? new PropertyTable(Properties) : null;

    /// <summary>
    /// The numeric keywords as 64-bit integer bounds, when every one of them is an integer that a long holds (computed
    /// once): then an integer instance is checked without decimal arithmetic. Null when a keyword needs the general
    /// comparison (a fraction, a bound beyond a long).
    /// </summary>
    internal IntegerBounds? IntegerRule
    {
        get
        {
            var rule = _integerRule ??= IntegerBounds.Of(this) ?? IntegerBounds.General;
            return ReferenceEquals(rule, IntegerBounds.General) ? null : rule;
        }
    }

    private IntegerBounds? _integerRule;

    /// <summary>
    /// For each declared property (by its index in <see cref="PropertyLookup"/>), the bits of <see cref="Required"/> that
    /// its presence satisfies (computed once); and the bits of required names that no declared property has.
    /// </summary>
    internal RequiredBits? RequiredByProperty => _requiredBits ??= Required is { Length: > 0 } ? new RequiredBits(this) : null;

    private RequiredBits? _requiredBits;

    /// <summary>Numeric keywords over longs: inclusive bounds (an exclusive bound moved by one) and a divisor.</summary>
    internal sealed class IntegerBounds
    {
        /// <summary>Stands for "not integer bounds" in the cache of <see cref="IntegerRule"/>.</summary>
        public static readonly IntegerBounds General = new(0, -1, 0);

        private IntegerBounds(long min, long max, long divisor)
        {
            Min = min;
            Max = max;
            Divisor = divisor;
        }

        public long Min { get; }

        public long Max { get; }

        /// <summary>The <c>multipleOf</c>, or 0 when unset.</summary>
        public long Divisor { get; }

        /// <summary>The answer for an integer instance.</summary>
        public bool Holds(long value) => value >= Min && value <= Max && (Divisor == 0 || value % Divisor == 0);

        public static IntegerBounds? Of(JsonSchema s)
        {
            long min = long.MinValue, max = long.MaxValue, divisor = 0;
            if (s.Minimum is { } minimum)
            {
                if (!minimum.TryGetInt64(out var v)) return null;
                min = v;
            }

            if (s.ExclusiveMinimum is { } exclusiveMinimum)
            {
                if (!exclusiveMinimum.TryGetInt64(out var v) || v == long.MaxValue) return null;
                min = Math.Max(min, v + 1);
            }

            if (s.Maximum is { } maximum)
            {
                if (!maximum.TryGetInt64(out var v)) return null;
                max = v;
            }

            if (s.ExclusiveMaximum is { } exclusiveMaximum)
            {
                if (!exclusiveMaximum.TryGetInt64(out var v) || v == long.MinValue) return null;
                max = Math.Min(max, v - 1);
            }

            if (s.MultipleOf is { } multipleOf)
            {
                if (!multipleOf.TryGetInt64(out var v) || v <= 0) return null;
                divisor = v;
            }

            return new IntegerBounds(min, max, divisor);
        }
    }

    /// <summary>Which <c>required</c> names each declared property satisfies, as bits of a 64-bit mask.</summary>
    internal sealed class RequiredBits
    {
        public RequiredBits(JsonSchema s)
        {
            var required = s.Required!;
            var names = s.PropertyLookup?.Names ?? Array.Empty<string>();
            ByProperty = new ulong[names.Length];
            var undeclared = new List<int>();
            for (int i = 0; i < required.Length && i < 64; i++)
            {
                var at = Array.IndexOf(names, required[i]);
                if (at >= 0) ByProperty[at] |= 1UL << i;
                else undeclared.Add(i);
            }

            Undeclared = undeclared.ToArray();
            All = required.Length >= 64 ? ulong.MaxValue : (1UL << required.Length) - 1;
        }

        /// <summary>Per declared property, the required bits it satisfies.</summary>
        public ulong[] ByProperty { get; }

        /// <summary>The indexes of required names that are not declared properties.</summary>
        public int[] Undeclared { get; }

        /// <summary>Every required bit.</summary>
        public ulong All { get; }
    }

    /// <summary>The declared properties, found by their UTF-8 names (<see cref="Json.Utf8NameIndex"/>).</summary>
    internal sealed class PropertyTable
    {
        private readonly Json.Utf8NameIndex _index;

        public PropertyTable(IReadOnlyDictionary<string, JsonSchema> properties)
        {
            Names = new string[properties.Count];
            Schemas = new JsonSchema[properties.Count];
            int i = 0;
            foreach (var pair in properties)
            {
                Names[i] = pair.Key;
                Schemas[i] = pair.Value;
                i++;
            }

            _index = new Json.Utf8NameIndex(Names);
        }

        public string[] Names { get; }

        public JsonSchema[] Schemas { get; }

        /// <summary>The index of the declared property that <paramref name="property"/> names, or -1.</summary>
        public int IndexOf(JsonProperty property, ref int hint) => _index.IndexOf(property, ref hint);

        /// <summary>The index of the declared property whose name the reader stands on, or -1.</summary>
        public int IndexOf(ref Utf8JsonReader reader, ref int hint) => _index.IndexOf(ref reader, ref hint);
    }
}
