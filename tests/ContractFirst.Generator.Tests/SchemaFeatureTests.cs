using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>Composition, nullability and recursion: generated shapes and their behaviour at run time.</summary>
public class SchemaFeatureTests(ITestOutputHelper output)
{
    private (Assembly Assembly, JsonSerializerOptions Options) Generate(string yaml, string file = "features.yaml")
    {
        var result = GeneratorHarness.Run(new[] { new SpecFile("/specs/" + file, yaml, Namespace: "Features", ClientName: "FeaturesClient", Generate: "Models") });
        foreach (var d in result.GeneratorDiagnostics.Concat(result.CompileErrors).Concat(result.CompileWarnings)) output.WriteLine(d.ToString());
        foreach (var s in result.Sources) output.WriteLine("generated: " + s.HintName);
        Assert.Empty(result.CompileErrors);
        Assert.Empty(result.CompileWarnings);
        var assembly = GeneratorHarness.Load(result.Output);
        var options = (JsonSerializerOptions)assembly.GetType("Features.FeaturesClientJson")!.GetProperty("Options")!.GetValue(null)!;
        return (assembly, options);
    }

    private static object? Read(Assembly assembly, JsonSerializerOptions options, string type, string json)
        => JsonSerializer.Deserialize(json, options.GetTypeInfo(assembly.GetType("Features." + type, throwOnError: true)!));

    private static string Write(Assembly assembly, JsonSerializerOptions options, string type, object value)
        => JsonSerializer.Serialize(value, options.GetTypeInfo(assembly.GetType("Features." + type, throwOnError: true)!));

    private const string Header = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n";

    /// <summary>
    /// A float is checked as it goes on the wire: 0.1f is written "0.1", so it is a multiple of 0.1 and within a maximum
    /// of 0.1, although widened to double it is 0.10000000149011612. Properties use the (path, name) checks, array items
    /// the whole-field ones.
    /// </summary>
    [Fact]
    public void Float_values_are_validated_as_they_go_on_the_wire()
    {
        var (asm, options) = Generate(Header + """
            Reading:
              type: object
              properties:
                ratio: {type: number, format: float, multipleOf: 0.1, maximum: 0.1}
                floor: {type: number, format: float, minimum: 0.1}
                ratios:
                  type: array
                  items: {type: number, format: float, multipleOf: 0.1, maximum: 0.5}
        """);
        var type = asm.GetType("Features.Reading")!;
        Assert.Equal(typeof(float?), type.GetProperty("Ratio")!.PropertyType);

        IReadOnlyList<ContractFirst.Validation.ValidationError> Validate(object model)
        {
            var context = new ContractFirst.Validation.ValidationContext();
            type.GetMethod("Validate")!.Invoke(model, new object[] { context, "" });
            return context.Errors;
        }

        var valid = Activator.CreateInstance(type)!;
        type.GetProperty("Ratio")!.SetValue(valid, 0.1f);
        type.GetProperty("Floor")!.SetValue(valid, 0.1f);
        type.GetProperty("Ratios")!.SetValue(valid, new List<float> { 0.1f, 0.3f, 0.5f });
        Assert.Equal("""{"ratio":0.1,"floor":0.1,"ratios":[0.1,0.3,0.5]}""", Write(asm, options, "Reading", valid));
        Assert.Empty(Validate(valid));
        Assert.Empty(Validate(Read(asm, options, "Reading", """{"ratio":0.1,"floor":0.1,"ratios":[0.1,0.3,0.5]}""")!));

        var invalid = Read(asm, options, "Reading", """{"ratio":0.35,"floor":0.05,"ratios":[0.3,0.35]}""")!;
        var errors = Validate(invalid);
        Assert.Equal(
            new[] { "ratio: maximum", "ratio: multipleOf", "floor: minimum", "ratios[1]: multipleOf" },
            errors.Select(e => e.Field + ": " + e.Keyword).ToArray());
        Assert.Contains("was 0.35", errors.Single(e => e.Field == "ratio" && e.Keyword == "maximum").Message);
    }

    [Fact]
    public void AllOf_with_one_reference_becomes_inheritance_and_a_discriminator_dispatches()
    {
        var (asm, options) = Generate(Header + """
            Pet:
              type: object
              required: [petType, name]
              discriminator: {propertyName: petType}
              properties:
                petType: {type: string}
                name: {type: string}
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    huntingSkill: {type: string}
            Dog:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    packSize: {type: integer}
        """);
        var cat = asm.GetType("Features.Cat")!;
        Assert.Equal(asm.GetType("Features.Pet"), cat.BaseType);

        var pet = Read(asm, options, "Pet", """{"petType":"Cat","name":"Tom","huntingSkill":"lazy"}""");
        Assert.IsType(cat, pet);
        Assert.Equal("lazy", cat.GetProperty("HuntingSkill")!.GetValue(pet));
        Assert.Equal("""{"petType":"Cat","name":"Tom","huntingSkill":"lazy"}""", Write(asm, options, "Pet", pet!));

        var plain = Read(asm, options, "Pet", """{"petType":"Hamster","name":"Hammy"}""");
        Assert.Equal(asm.GetType("Features.Pet"), plain!.GetType());
    }

    [Fact]
    public void AllOf_with_several_parts_is_flattened()
    {
        var (asm, _) = Generate(Header + """
            Named: {type: object, properties: {name: {type: string}}}
            Aged: {type: object, properties: {age: {type: integer}}}
            Person:
              allOf:
                - $ref: '#/components/schemas/Named'
                - $ref: '#/components/schemas/Aged'
                - {type: object, required: [email], properties: {email: {type: string}}}
        """);
        var person = asm.GetType("Features.Person")!;
        Assert.NotNull(person.GetProperty("Name"));
        Assert.NotNull(person.GetProperty("Age"));
        Assert.NotNull(person.GetProperty("Email"));
    }

    [Fact]
    public void OneOf_with_a_discriminator_becomes_a_polymorphic_hierarchy()
    {
        var (asm, options) = Generate(Header + """
            Circle: {type: object, required: [kind], properties: {kind: {type: string}, radius: {type: number}}}
            Square: {type: object, required: [kind], properties: {kind: {type: string}, side: {type: number}}}
            Shape:
              oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
              discriminator:
                propertyName: kind
                mapping: {circle: '#/components/schemas/Circle', square: '#/components/schemas/Square'}
        """);
        var shape = asm.GetType("Features.Shape")!;
        Assert.True(shape.IsAbstract);
        Assert.Equal(shape, asm.GetType("Features.Square")!.BaseType);

        var square = Read(asm, options, "Shape", """{"kind":"square","side":2}""");
        Assert.Equal("Square", square!.GetType().Name);
        Assert.Equal("""{"kind":"square","side":2}""", Write(asm, options, "Shape", square));
        var ex = Assert.ThrowsAny<JsonException>(() => Read(asm, options, "Shape", """{"kind":"triangle"}"""));
        Assert.Contains("circle, square", ex.Message);
    }

    [Fact]
    public void OneOf_and_anyOf_without_a_discriminator_become_unions_that_try_each_branch()
    {
        var (asm, options) = Generate(Header + """
            Error: {type: object, required: [code], properties: {code: {type: integer}}}
            Ok: {type: object, required: [value], properties: {value: {type: string}}}
            Result:
              oneOf: [{$ref: '#/components/schemas/Error'}, {$ref: '#/components/schemas/Ok'}]
            IdOrOk:
              anyOf: [{type: integer}, {$ref: '#/components/schemas/Ok'}]
        """);
        var ok = Read(asm, options, "Result", """{"value":"v"}""")!;
        Assert.Null(ok.GetType().GetProperty("Error")!.GetValue(ok));
        Assert.NotNull(ok.GetType().GetProperty("Ok")!.GetValue(ok));
        Assert.Equal("""{"value":"v"}""", Write(asm, options, "Result", ok));

        var id = Read(asm, options, "IdOrOk", "42")!;
        Assert.Equal(42L, id.GetType().GetProperty("Int64")!.GetValue(id));
        Assert.Equal("42", Write(asm, options, "IdOrOk", id));
        var okBranch = Read(asm, options, "IdOrOk", """{"value":"x"}""")!;
        Assert.NotNull(okBranch.GetType().GetProperty("Ok")!.GetValue(okBranch));

        var neither = Read(asm, options, "Result", """{"other":true}""")!;
        Assert.NotNull(neither.GetType().GetProperty("Unmatched")!.GetValue(neither));
        Assert.Equal("""{"other":true}""", Write(asm, options, "Result", neither));
    }

    [Fact]
    public void Nullable_in_all_three_spellings_gives_nullable_properties()
    {
        var v30 = Generate(Header + """
            Thing:
              type: object
              required: [a]
              properties:
                a: {type: string, nullable: true}
                b: {type: integer, nullable: true}
                c: {type: [string, 'null']}
        """, "v30.yaml");
        var v20 = Generate("""
            swagger: '2.0'
            info: {title: t, version: '1'}
            paths: {}
            definitions:
              Thing:
                type: object
                required: [a]
                properties:
                  a: {type: string, x-nullable: true}
        """, "v20.yaml");
        var v31 = Generate("""
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  required: [a, d]
                  properties:
                    a: {type: [string, 'null']}
                    d: {oneOf: [{type: 'null'}, {type: integer}]}
        """, "v31.yaml");

        var nullability = new NullabilityInfoContext();
        foreach (var (asm, options) in new[] { v30, v20, v31 })
        {
            var thing = asm.GetType("Features.Thing")!;
            Assert.Equal(NullabilityState.Nullable, nullability.Create(thing.GetProperty("A")!).WriteState);
            var value = Read(asm, options, "Thing", """{"a":null}""".Replace("}", asm == v31.Assembly ? ",\"d\":null}" : "}"))!;
            Assert.Null(thing.GetProperty("A")!.GetValue(value));
        }

        Assert.Equal(typeof(long?), v30.Assembly.GetType("Features.Thing")!.GetProperty("B")!.PropertyType);
        Assert.Equal(typeof(long?), v31.Assembly.GetType("Features.Thing")!.GetProperty("D")!.PropertyType);
        Assert.Equal(NullabilityState.Nullable, nullability.Create(v30.Assembly.GetType("Features.Thing")!.GetProperty("C")!).WriteState);
    }

    [Fact]
    public void Absent_and_null_stay_distinct_so_a_patch_can_send_null_where_the_schema_allows_it()
    {
        var (asm, options) = Generate(Header + """
            ServicePatch:
              type: object
              properties:
                description: {type: string, nullable: true}
                name: {type: string}
        """);
        var type = asm.GetType("Features.ServicePatch")!;

        var patch = Activator.CreateInstance(type)!;
        Assert.Equal("{}", Write(asm, options, "ServicePatch", patch));

        type.GetProperty("Description")!.SetValue(patch, null);
        Assert.Equal("""{"description":null}""", Write(asm, options, "ServicePatch", patch));

        // A schema that does not allow null never gets one on the wire, even when the property is set to null.
        type.GetProperty("Name")!.SetValue(patch, null);
        Assert.Equal("""{"description":null}""", Write(asm, options, "ServicePatch", patch));
        type.GetProperty("Name")!.SetValue(patch, "renamed");
        Assert.Equal("""{"description":null,"name":"renamed"}""", Write(asm, options, "ServicePatch", patch));

        var read = Read(asm, options, "ServicePatch", """{"description":null}""")!;
        Assert.Equal("""{"description":null}""", Write(asm, options, "ServicePatch", read));

        // Presence is kept only where it changes the JSON, so equality follows what is written: a name set to null
        // writes nothing and leaves the patch equal to an empty one; a description set to null does not.
        var empty = Activator.CreateInstance(type)!;
        var cleared = Activator.CreateInstance(type)!;
        type.GetProperty("Name")!.SetValue(cleared, null);
        Assert.Equal(empty, cleared);
        type.GetProperty("Description")!.SetValue(cleared, null);
        Assert.NotEqual(empty, cleared);
    }

    /// <summary>
    /// The schema table writes a schema once however often the spec repeats it (here the same string schema under four
    /// properties of two models), and a recursive schema still reaches itself: sharing never merges a schema with one
    /// that only looks like it, and validation means the same as before.
    /// </summary>
    [Fact]
    public void Identical_schemas_share_one_field_and_recursion_still_validates()
    {
        var yaml = Header + """
            Tree:
              type: object
              properties:
                name: {type: string, maxLength: 5}
                label: {type: string, maxLength: 5}
                note: {type: string, maxLength: 6}
                children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
            Leaf:
              type: object
              properties:
                title: {type: string, maxLength: 5}
                alias: {type: string, maxLength: 5}
        """;
        var result = GeneratorHarness.Run(new[] { new SpecFile("/specs/features.yaml", yaml, Namespace: "Features", ClientName: "FeaturesClient", Generate: "Models") });
        Assert.Empty(result.CompileErrors);
        var table = result.Source("FeaturesClientSchemas.g.cs");
        output.WriteLine(table);
        var fields = table.Split('\n').Where(l => l.Contains("internal static readonly", StringComparison.Ordinal)).ToList();
        Assert.Single(fields, l => l.Contains("MaxLength = 5 }", StringComparison.Ordinal));
        Assert.Single(fields, l => l.Contains("MaxLength = 6 }", StringComparison.Ordinal));

        var assembly = GeneratorHarness.Load(result.Output);
        var schemas = assembly.GetType("Features.FeaturesClientSchemas")!;
        bool Valid(string name, string json) =>
            ((ContractFirst.Validation.JsonSchema)schemas.GetProperty(name)!.GetValue(null)!).IsValid(JsonDocument.Parse(json).RootElement);
        Assert.True(Valid("Tree", """{"name":"a","children":[{"label":"b","children":[{"note":"sixsix"}]}]}"""));
        Assert.False(Valid("Tree", """{"children":[{"children":[{"label":"toolong"}]}]}"""));
        Assert.False(Valid("Tree", """{"children":[{"children":[{"note":"sevenss"}]}]}"""));
        Assert.True(Valid("Leaf", """{"title":"abc","alias":"de"}"""));
        Assert.False(Valid("Leaf", """{"alias":"toolong"}"""));
    }

    /// <summary>
    /// JSON null for a nullable value type is null, not the type's default: `cond ? default : value` in generated code
    /// once read {"count": null} as 0.
    /// </summary>
    [Fact]
    public void Null_for_a_nullable_value_type_reads_as_null_not_zero()
    {
        var (asm, options) = Generate(Header + """
            Counter:
              type: object
              properties:
                count: {type: integer, nullable: true}
                ratio: {type: number, nullable: true}
                at: {type: string, format: date-time, nullable: true}
        """);
        var read = Read(asm, options, "Counter", """{"count":null,"ratio":null,"at":null}""")!;
        var type = asm.GetType("Features.Counter")!;
        Assert.Null(type.GetProperty("Count")!.GetValue(read));
        Assert.Null(type.GetProperty("Ratio")!.GetValue(read));
        Assert.Null(type.GetProperty("At")!.GetValue(read));
        Assert.Equal("""{"count":null,"ratio":null,"at":null}""", Write(asm, options, "Counter", read));
        Assert.Equal(3L, type.GetProperty("Count")!.GetValue(Read(asm, options, "Counter", """{"count":3.0}""")!));
    }

    /// <summary>
    /// A schema with properties but no `type: object` allows any JSON value (JSON Schema ignores object keywords for
    /// non-objects): the record keeps such a value in NonObjectValue and writes it back, and validation judges it.
    /// </summary>
    [Fact]
    public void A_schema_without_type_object_keeps_values_that_are_not_objects()
    {
        var (asm, options) = Generate(Header + """
            Loose:
              required: [id]
              properties:
                id: {type: integer, minimum: 1}
            Strict:
              type: object
              required: [id]
              properties:
                id: {type: integer}
        """);
        var loose = asm.GetType("Features.Loose")!;
        Assert.NotNull(loose.GetProperty("NonObjectValue"));
        Assert.Null(asm.GetType("Features.Strict")!.GetProperty("NonObjectValue"));
        foreach (var json in new[] { "12", "\"text\"", "[1,2]", "null", "true" })
        {
            var value = Read(asm, options, "Loose", json)!;
            Assert.Equal(json, Write(asm, options, "Loose", value));
            var context = new ContractFirst.Validation.ValidationContext();
            loose.GetMethod("Validate")!.Invoke(value, new object[] { context, "" });
            Assert.False(context.HasErrors, json);
        }

        var invalid = Read(asm, options, "Loose", """{"id":0}""")!;
        var errors = new ContractFirst.Validation.ValidationContext();
        loose.GetMethod("Validate")!.Invoke(invalid, new object[] { errors, "body" });
        var error = Assert.Single(errors.Errors);
        Assert.Equal("body.id", error.Field);
        Assert.Equal("/id", error.Pointer);
        Assert.ThrowsAny<JsonException>(() => Read(asm, options, "Strict", "12"));
    }

    /// <summary>
    /// With patternProperties, an undeclared property may match a pattern, whose schema then applies instead of
    /// additionalProperties: the record reads every property (keeping the undeclared ones as JSON), and validation
    /// decides, as JSON Schema does.
    /// </summary>
    [Fact]
    public void PatternProperties_are_not_additional_properties()
    {
        var (asm, options) = Generate(Header.Replace("3.0.3", "3.1.0") + """
            Closed:
              type: object
              properties:
                foo: {type: integer}
              patternProperties:
                '^v': {type: integer}
              additionalProperties: false
            Typed:
              type: object
              properties:
                m:
                  type: object
                  patternProperties:
                    'f.o': {type: array, minItems: 2}
                  additionalProperties: {type: integer}
        """);
        foreach (var (type, json, valid) in new[]
                 {
                     ("Closed", """{"foo":1,"vroom":2}""", true),
                     ("Closed", """{"foo":1,"vroom":"x"}""", false),
                     ("Closed", """{"foo":1,"other":2}""", false),
                     ("Typed", """{"m":{"fxo":[1,2]}}""", true),
                     ("Typed", """{"m":{"fxo":[1]}}""", false),
                     ("Typed", """{"m":{"bar":3}}""", true),
                     ("Typed", """{"m":{"bar":"x"}}""", false),
                 })
        {
            var value = Read(asm, options, type, json)!;
            Assert.Equal(json, Write(asm, options, type, value));
            var context = new ContractFirst.Validation.ValidationContext();
            asm.GetType("Features." + type)!.GetMethod("Validate")!.Invoke(value, new object[] { context, "" });
            Assert.True(valid != context.HasErrors, type + " " + json + ": " + string.Join("; ", context.Errors));
        }
    }

    /// <summary>A union with a branch that allows null (however it nests) allows null: the property is nullable.</summary>
    [Fact]
    public void A_union_with_a_null_branch_allows_null()
    {
        var (asm, options) = Generate(Header.Replace("3.0.3", "3.1.0") + """
            Holder:
              type: object
              required: [v, w]
              properties:
                v:
                  anyOf: [{anyOf: [{type: 'null'}]}]
                w:
                  oneOf: [{type: string}, {oneOf: [{type: 'null'}, {type: integer}]}]
        """);
        var value = Read(asm, options, "Holder", """{"v":null,"w":null}""")!;
        var context = new ContractFirst.Validation.ValidationContext();
        asm.GetType("Features.Holder")!.GetMethod("Validate")!.Invoke(value, new object[] { context, "" });
        Assert.False(context.HasErrors, string.Join("; ", context.Errors));
    }

    /// <summary>
    /// Only set properties are written (a PATCH sends what it changes, and null where it clears a nullable value); presence
    /// is kept per declaring type, so a derived record tracks its base's properties and its own apart, past 64 of them.
    /// </summary>
    [Fact]
    public void Only_set_properties_are_written_in_base_and_derived_records()
    {
        var own = string.Concat(Enumerable.Range(0, 70).Select(i => $"              p{i}: {{type: integer}}\n"));
        var (asm, options) = Generate(Header
            + "    Base:\n      type: object\n      properties:\n        name: {type: string}\n        note: {type: string, nullable: true}\n"
            + "    Derived:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - type: object\n          properties:\n" + own);
        var derived = asm.GetType("Features.Derived")!;
        var value = Activator.CreateInstance(derived)!;
        Assert.Equal("{}", Write(asm, options, "Derived", value));
        derived.GetProperty("Note")!.SetValue(value, null);
        derived.GetProperty("P69")!.SetValue(value, 7L);
        Assert.Equal("""{"note":null,"p69":7}""", Write(asm, options, "Derived", value));
        derived.GetProperty("Name")!.SetValue(value, "n");
        derived.GetProperty("P0")!.SetValue(value, 1L);
        Assert.Equal("""{"name":"n","note":null,"p0":1,"p69":7}""", Write(asm, options, "Derived", value));
        var read = Read(asm, options, "Derived", """{"p3":3}""")!;
        Assert.Equal("""{"p3":3}""", Write(asm, options, "Derived", read));
    }

    [Fact]
    public void Recursive_schemas_generate_and_round_trip()
    {
        var (asm, options) = Generate(Header + """
            Node:
              type: object
              required: [name]
              properties:
                name: {type: string}
                children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                parent: {$ref: '#/components/schemas/Node'}
        """);
        const string json = """{"name":"root","children":[{"name":"a","children":[{"name":"a1"}]},{"name":"b"}]}""";
        var node = Read(asm, options, "Node", json)!;
        Assert.Equal(json, Write(asm, options, "Node", node));
    }

    [Fact]
    public void AdditionalProperties_become_a_dictionary_and_unknown_properties_are_kept()
    {
        var (asm, options) = Generate(Header + """
            Labels: {type: object, additionalProperties: {type: string}}
            Tagged:
              type: object
              properties:
                labels: {$ref: '#/components/schemas/Labels'}
                extra: {type: object, properties: {id: {type: string}}, additionalProperties: {type: integer}}
            Closed:
              type: object
              additionalProperties: false
              properties: {id: {type: string}}
        """);
        var tagged = asm.GetType("Features.Tagged")!;
        Assert.Equal(typeof(IDictionary<string, string>), tagged.GetProperty("Labels")!.PropertyType);
        const string json = """{"labels":{"env":"prod"},"extra":{"id":"x","count":3},"future":[1,2]}""";
        Assert.Equal(json, Write(asm, options, "Tagged", Read(asm, options, "Tagged", json)!));

        var ex = Assert.ThrowsAny<JsonException>(() => Read(asm, options, "Closed", """{"id":"1","other":2}"""));
        Assert.Equal("other", Assert.IsType<ContractFirst.Json.JsonFieldException>(ex).Field);
    }

    [Fact]
    public void Formats_defaults_readonly_and_deprecated_follow_the_contract()
    {
        var (asm, options) = Generate(Header + """
            Item:
              type: object
              required: [id, created, due, count, big, ratio, weight, price]
              properties:
                id: {type: string, format: uuid}
                created: {type: string, format: date-time}
                due: {type: string, format: date}
                count: {type: integer, format: int32}
                big: {type: integer, format: int64}
                bounded: {type: integer, maximum: 10000000000}
                ratio: {type: number}
                weight: {type: number, format: float}
                price: {type: number, format: decimal}
                level: {type: integer, default: 3}
                mode: {type: string, enum: [fast, slow], default: slow}
                serverId: {type: string, readOnly: true}
                legacy: {type: string, deprecated: true}
        """);
        var item = asm.GetType("Features.Item")!;
        Assert.Equal(typeof(Guid), item.GetProperty("Id")!.PropertyType);
        Assert.Equal(typeof(DateTimeOffset), item.GetProperty("Created")!.PropertyType);
        Assert.Equal(typeof(DateOnly), item.GetProperty("Due")!.PropertyType);
        Assert.Equal(typeof(int), item.GetProperty("Count")!.PropertyType);
        Assert.Equal(typeof(long), item.GetProperty("Big")!.PropertyType);
        Assert.Equal(typeof(long?), item.GetProperty("Level")!.PropertyType); // integer without a format: long, never narrower
        Assert.Equal(typeof(long?), item.GetProperty("Bounded")!.PropertyType);
        Assert.Equal(typeof(double), item.GetProperty("Ratio")!.PropertyType);
        Assert.Equal(typeof(float), item.GetProperty("Weight")!.PropertyType);
        Assert.Equal(typeof(decimal), item.GetProperty("Price")!.PropertyType);
        Assert.NotNull(item.GetProperty("Legacy")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.Equal("CF1009", item.GetProperty("Legacy")!.GetCustomAttribute<ObsoleteAttribute>()!.DiagnosticId);

        // Defaults are what an unset property reads as, and they are not sent: the server applies its own.
        var read = Read(asm, options, "Item", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","created":"2024-01-02T03:04:05+00:00","due":"2024-01-02","count":1,"big":2,"ratio":0.5,"weight":1.5,"price":9.99}""")!;
        Assert.Equal(3L, item.GetProperty("Level")!.GetValue(read));
        Assert.Equal("slow", item.GetProperty("Mode")!.GetValue(read)!.ToString());
        Assert.DoesNotContain("level", Write(asm, options, "Item", read));
        Assert.Contains("\"price\":9.99", Write(asm, options, "Item", read));
    }
}
