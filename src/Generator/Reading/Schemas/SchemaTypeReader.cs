using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;
using static ContractFirst.Generator.Reading.SchemaFacts;

namespace ContractFirst.Generator.Reading;

/// <summary>The type of a value: what it is, whether it may be null, and its constraints.</summary>
internal readonly record struct ResolvedType(TypeRef Type, bool Nullable, Model.Constraints Constraints);

/// <summary>
/// Schemas to generated types: every component schema that needs a type, and the inline schemas met on the way (named
/// <c>{owner}{member}</c>), into <see cref="Types"/>. <see cref="Resolve"/> gives the type of any value's schema.
/// </summary>
/// <remarks>
/// Composition rules (documented in docs/generated-names.md):
/// <list type="bullet">
/// <item><c>allOf</c> with exactly one <c>$ref</c> to an object schema becomes inheritance (<c>record Cat : Pet</c>);
/// any other <c>allOf</c> is flattened into one record.</item>
/// <item><c>oneOf</c>/<c>anyOf</c> with a discriminator whose branches are all object schemas with no other base becomes
/// a polymorphic hierarchy: an abstract record that the branches derive from, dispatched on the discriminator.</item>
/// <item>Any other <c>oneOf</c>/<c>anyOf</c> becomes a union record with one property per branch; reading tries the
/// branches in order (or dispatches on the discriminator), and the first that reads wins.</item>
/// <item>A <c>oneOf</c>/<c>anyOf</c> of one schema and <c>null</c> is that schema, nullable.</item>
/// </list>
/// </remarks>
internal sealed class SchemaTypeReader
{
    /// <summary>
    /// How deep the reader recurses. Within one component, a schema nested deeper is typed as any JSON with a located
    /// diagnostic (_depth counts the levels since the component); and a component referenced while the whole recursion is
    /// this deep (_total) is not built now but later, from the top. So the stack holds at most twice this many levels.
    /// </summary>
    internal const int MaxDepth = 128;

    private readonly SpecLoader _loader;
    private readonly TypeNames _names;
    private readonly ModelReporter _report;
    private readonly ConstraintReader _constraints;
    private readonly Dictionary<string, string?> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IOpenApiSchema> _components = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _componentEnums = new(StringComparer.Ordinal);

    private int _depth;
    private int _total;

    public SchemaTypeReader(SpecLoader loader, TypeNames names, ModelReporter report)
    {
        _loader = loader;
        _names = names;
        _report = report;
        _constraints = new ConstraintReader(loader);
    }

    /// <summary>The types built, in the order of the model.</summary>
    public BuiltTypes Types { get; } = new();

    // -----------------------------------------------------------------------------------------------------------
    // Components

    /// <summary>Names every component that generates a type, then builds them; a component that fails costs only itself.</summary>
    public void ReadComponents(IDictionary<string, IOpenApiSchema>? schemas)
    {
        if (schemas is not null)
        {
            foreach (var pair in schemas)
            {
                _components[pair.Key] = pair.Value;
            }

            // Names first, so that every reference resolves whatever the order of definition.
            foreach (var pair in _components)
            {
                _componentTypeNames[pair.Key] = GeneratesType(pair.Value) ? _names.Reserve(pair.Key) : null;
                if (_componentTypeNames[pair.Key] is { } name && Unwrap(pair.Value) is { } s && HasEnum(s))
                {
                    _componentEnums[name] = NonNullType(s) == JsonSchemaType.Integer;
                }
            }
        }

        foreach (var pair in _components)
        {
            BuildComponentIsolated(pair.Key, pair.Value);
        }
    }

    /// <summary>One component: a failure costs that schema only (a located diagnostic, and an empty record in its place).</summary>
    private void BuildComponentIsolated(string key, IOpenApiSchema schema)
    {
        var pointer = ComponentPrefix + Escape(key);
        try
        {
            BuildComponent(key, schema);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _depth = 0;
            _total = 0;
            _loader.Report(DiagnosticDescriptors.SkippedElement, _loader.Locate(pointer), pointer, ex.GetType().Name + ": " + ex.Message);
            if (_componentTypeNames.TryGetValue(key, out var name) && name is not null && !Types.Contains(name))
            {
                Types.Add(_componentEnums.TryGetValue(name, out var isInteger)
                    ? new EnumBuilder(name, pointer, null, false, isInteger)
                    : new ObjectBuilder(name, pointer, null, false));
            }
        }
    }

    private static bool GeneratesType(IOpenApiSchema schema)
    {
        var s = Unwrap(schema);
        if (s is null) return false;
        if (HasEnum(s)) return true;
        if (NullableSingleBranch(s) is not null) return false;
        if (s.OneOf is { Count: > 0 } || s.AnyOf is { Count: > 0 }) return true;
        if (s.AllOf is { Count: > 0 })
        {
            return !(s.AllOf.Count == 1 && (s.Properties is null || s.Properties.Count == 0));
        }

        var type = NonNullType(s);
        if (type == JsonSchemaType.Object || (type is null && s.Properties is { Count: > 0 }))
        {
            return s.Properties is { Count: > 0 };
        }

        return false;
    }

    private void BuildComponent(string key, IOpenApiSchema schema)
    {
        var name = _componentTypeNames[key];
        if (name is null) return;
        BuildNamedType(name, schema, ComponentPrefix + key);
    }

    /// <summary>Builds a generated type for a schema under a chosen name.</summary>
    private void BuildNamedType(string name, IOpenApiSchema schema, string pointer)
    {
        // A polymorphic base refers to its branches, which refer back to it: build each name once.
        if (!_building.Add(name)) return;
        var s = Unwrap(schema)!;
        var summary = DescriptionOf(s);
        if (HasEnum(s))
        {
            Types.Add(BuildEnum(name, s, pointer, summary));
            return;
        }

        if (s.OneOf is { Count: > 0 } || s.AnyOf is { Count: > 0 })
        {
            BuildComposition(name, s, pointer, summary);
            return;
        }

        // A schema with object keywords but no `type: object` (itself or through allOf) allows any JSON value: the
        // record keeps a value that is not an object as it came, rather than refuse what the spec allows.
        var obj = new ObjectBuilder(name, pointer, summary, s.Deprecated) { AcceptsAnyJson = !IsObjectTyped(s) };
        Types.Add(obj);
        FillObject(obj, s, pointer);
        if (s.Discriminator?.PropertyName is { Length: > 0 } discriminatorProperty)
        {
            obj.DiscriminatorProperty = discriminatorProperty;
            if (s.Discriminator.Mapping is { } mapping)
            {
                foreach (var pair in mapping)
                {
                    var target = ComponentKeyOf(pair.Value);
                    if (target is not null && _componentTypeNames.TryGetValue(target, out var targetName) && targetName is not null)
                    {
                        obj.DiscriminatorMappings.Add((pair.Key, targetName));
                    }
                }
            }
        }
    }

    private void EnsureComponentBuilt(string key)
    {
        // Past the depth bound a component is not built now: the loop over all components builds it later, from the top.
        if (_total < MaxDepth && _componentTypeNames.TryGetValue(key, out var name) && name is not null && !_building.Contains(name) && _components.TryGetValue(key, out var schema))
        {
            // A component's own nesting counts from zero, wherever it is built from.
            var depth = _depth;
            _depth = 0;
            try
            {
                BuildNamedType(name, schema, ComponentPrefix + key);
            }
            finally
            {
                _depth = depth;
            }
        }
    }

    private bool RefTargetsObjectType(OpenApiSchemaReference reference)
    {
        var key = reference.Reference.Id;
        if (key is null || !_componentTypeNames.TryGetValue(key, out var name) || name is null) return false;
        var target = Unwrap(reference);
        return target is not null && !HasEnum(target) && target.OneOf is not { Count: > 0 } && target.AnyOf is not { Count: > 0 };
    }

    // -----------------------------------------------------------------------------------------------------------
    // Objects

    /// <summary>
    /// Fills <paramref name="obj"/> from <paramref name="s"/>. <paramref name="visiting"/> holds the components being
    /// merged into it (itself first), so that an allOf that comes back to one of them is not followed again.
    /// </summary>
    private void FillObject(ObjectBuilder obj, IOpenApiSchema s, string pointer, HashSet<string>? visiting = null)
    {
        if (_depth >= MaxDepth)
        {
            _report.TooDeep(pointer, MaxDepth);
            return;
        }

        var nested = visiting is not null;
        visiting ??= ComponentKeyOfPointer(obj.Pointer) is { } ownKey ? new HashSet<string>(StringComparer.Ordinal) { ownKey } : new HashSet<string>(StringComparer.Ordinal);
        _depth++;
        _total++;
        try
        {
            FillObjectCore(obj, s, pointer, visiting, nested);
        }
        finally
        {
            _depth--;
            _total--;
        }
    }

    private void FillObjectCore(ObjectBuilder obj, IOpenApiSchema s, string pointer, HashSet<string> visiting, bool nested)
    {
        // allOf: one $ref to an object schema is the base; everything else is flattened in.
        if (s.AllOf is { Count: > 0 })
        {
            var refs = s.AllOf.Where(a => a is OpenApiSchemaReference r && RefTargetsObjectType(r)).ToList();
            IOpenApiSchema? baseSchema = refs.Count == 1 && obj.BaseType is null ? refs[0] : null;
            if (baseSchema is OpenApiSchemaReference cyclic && (visiting.Contains(cyclic.Reference.Id!) || Types.DerivesFrom(_componentTypeNames[cyclic.Reference.Id!]!, obj.Name)))
            {
                // A: allOf [A, ...] or A: allOf B, B: allOf A: a record cannot derive from itself; the properties are merged.
                var target = _componentTypeNames[cyclic.Reference.Id!]!;
                if (!nested)
                {
                    _report.Conflict(pointer + "/allOf/" + s.AllOf.IndexOf(cyclic).ToString(CultureInfo.InvariantCulture), target == obj.Name
                        ? $"'{obj.Name}' refers to itself in allOf; the reference adds nothing and is ignored"
                        : $"'{obj.Name}' and '{target}' derive from each other through allOf; '{obj.Name}' gets the properties of '{target}' instead of deriving from it");
                }

                baseSchema = null;
            }

            if (baseSchema is OpenApiSchemaReference baseRef)
            {
                var baseName = _componentTypeNames[baseRef.Reference.Id!]!;
                obj.BaseType = baseName;
                EnsureComponentBuilt(baseRef.Reference.Id!);
                if (Types.TryGet(baseName, out var baseType) && baseType is ObjectBuilder baseObject)
                {
                    foreach (var p in baseObject.AllPropertyWireNames(Types)) obj.InheritedWireNames.Add(p);
                    foreach (var p in baseObject.AllPropertyNames(Types)) obj.ReservedMemberNames.Add(p);
                    var ownKey = ComponentKeyOfPointer(obj.Pointer);
                    if (baseObject.DiscriminatorProperty is not null && ownKey is not null && !baseObject.DiscriminatorMappings.Any(m => m.TypeName == obj.Name))
                    {
                        baseObject.DiscriminatorMappings.Add((ownKey, obj.Name));
                    }
                }
            }

            var index = 0;
            foreach (var part in s.AllOf)
            {
                var partPointer = pointer + "/allOf/" + index++;
                if (ReferenceEquals(part, baseSchema)) continue;
                var resolved = Unwrap(part);
                if (resolved is null) continue;
                if (part is OpenApiSchemaReference { Reference.Id: { } partKey })
                {
                    // A component already being merged in (a cycle) adds nothing more.
                    if (!visiting.Add(partKey)) continue;
                    FillObject(obj, resolved, partPointer, visiting);
                    visiting.Remove(partKey);
                    continue;
                }

                FillObject(obj, resolved, partPointer, visiting);
            }
        }

        if (s.Properties is { Count: > 0 })
        {
            foreach (var pair in s.Properties)
            {
                if (obj.InheritedWireNames.Contains(pair.Key))
                {
                    if (Types.InheritedProperty(obj, pair.Key) is { } inherited) _report.CategoryConflict(inherited, CategoryOf(pair.Value), pointer + "/properties/" + Escape(pair.Key), obj.Name);
                    continue;
                }

                AddProperty(obj, pair.Key, pair.Value, s.Required?.Contains(pair.Key) == true, pointer + "/properties/" + Escape(pair.Key));
            }
        }

        if (s.Required is { Count: > 0 })
        {
            foreach (var required in s.Required) obj.RequiredWireNames.Add(required);
        }

        if (s.AdditionalProperties is { } additional && !IsEmptySchema(additional))
        {
            obj.AdditionalProperties = Resolve(additional, obj.Name, "AdditionalProperty", pointer + "/additionalProperties").Type;
        }

        if (!s.AdditionalPropertiesAllowed) obj.AllowsUnknownProperties = false;
    }

    private void AddProperty(ObjectBuilder obj, string wireName, IOpenApiSchema schema, bool required, string pointer)
    {
        if (obj.PropertiesByWireName.TryGetValue(wireName, out var existing))
        {
            // allOf parts that both name the property: the first one's type is used.
            _report.CategoryConflict(existing, CategoryOf(schema), pointer, obj.Name);
            return;
        }

        var propertyName = MemberNames.Property(wireName, obj.Name, obj.ReservedMemberNames);
        var resolved = Resolve(schema, obj.Name, propertyName, pointer);
        var s = Unwrap(schema);
        var description = schema.Description ?? s?.Description ?? s?.Title;
        obj.Add(new PropertyBuilder(
            propertyName,
            wireName,
            resolved.Type,
            required,
            resolved.Nullable,
            s?.ReadOnly == true || schema.ReadOnly,
            s?.WriteOnly == true || schema.WriteOnly,
            s?.Deprecated == true || schema.Deprecated,
            Clean(description),
            DefaultLiterals.Of(schema.Default ?? s?.Default, resolved.Type),
            resolved.Constraints) { Pointer = pointer, Category = CategoryOf(schema) });
    }

    // -----------------------------------------------------------------------------------------------------------
    // Compositions and enums

    private void BuildComposition(string name, IOpenApiSchema s, string pointer, string? summary)
    {
        var isOneOf = s.OneOf is { Count: > 0 };
        var branches = (isOneOf ? s.OneOf : s.AnyOf)!;
        var discriminator = s.Discriminator?.PropertyName;

        // Polymorphic hierarchy: every branch a $ref to an object record with no base of its own.
        if (discriminator is { Length: > 0 } && branches.All(b => b is OpenApiSchemaReference r && RefTargetsObjectType(r)))
        {
            var branchTypes = new List<(string Key, ObjectBuilder Type)>();
            foreach (var branch in branches.Cast<OpenApiSchemaReference>())
            {
                var key = branch.Reference.Id!;
                EnsureComponentBuilt(key);
                if (Types.TryGet(_componentTypeNames[key]!, out var t) && t is ObjectBuilder o && o.BaseType is null && o.DiscriminatorProperty is null)
                {
                    branchTypes.Add((key, o));
                }
            }

            if (branchTypes.Count < branches.Count)
            {
                var i = 0;
                foreach (var branch in branches.Cast<OpenApiSchemaReference>())
                {
                    var branchPointer = pointer + (isOneOf ? "/oneOf/" : "/anyOf/") + (i++).ToString(CultureInfo.InvariantCulture);
                    // Only a base from another discriminated union is a conflict; a branch that extends a schema with allOf
                    // makes a union record, as documented.
                    if (Types.TryGet(_componentTypeNames[branch.Reference.Id!]!, out var t) && t is ObjectBuilder { BaseType: { } other } o
                        && Types.TryGet(other, out var otherBase) && otherBase is ObjectBuilder { IsAbstract: true })
                    {
                        _report.Conflict(branchPointer, $"'{o.Name}' already derives from '{other}' (a C# record has one base), so '{name}' is generated as a union record with one property per branch");
                        break;
                    }
                }
            }

            if (branchTypes.Count == branches.Count && branchTypes.Select(b => b.Type.Name).Distinct().Count() == branchTypes.Count)
            {
                var baseObject = new ObjectBuilder(name, pointer, summary, s.Deprecated) { IsAbstract = true, DiscriminatorProperty = discriminator };
                Types.Add(baseObject);
                var explicitMappings = s.Discriminator!.Mapping ?? new Dictionary<string, OpenApiSchemaReference>();
                foreach (var (key, type) in branchTypes)
                {
                    type.BaseType = name;
                    var values = explicitMappings.Where(m => ComponentKeyOf(m.Value) == key).Select(m => m.Key).ToList();
                    if (values.Count == 0) values.Add(key);
                    foreach (var value in values) baseObject.DiscriminatorMappings.Add((value, type.Name));
                }

                return;
            }
        }

        var union = new UnionBuilder(name, pointer, summary, s.Deprecated, isOneOf);
        Types.Add(union);
        var index = 0;
        var taken = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var branch in branches)
        {
            var branchPointer = pointer + (isOneOf ? "/oneOf/" : "/anyOf/") + index;
            var resolved = Resolve(branch, name, MemberNames.InlineVariant(index), branchPointer);
            index++;
            if (IsNullSchema(branch)) continue;
            if (resolved.Type.Kind == TypeKind.Model && resolved.Type.Name == name)
            {
                _report.Conflict(branchPointer, $"'{name}' is one of its own branches; that branch adds nothing and is ignored");
                continue;
            }

            union.Variants.Add(new UnionVariantModel(MemberNames.Variant(resolved.Type, taken), resolved.Type));
        }

        if (discriminator is { Length: > 0 })
        {
            union.DiscriminatorProperty = discriminator;
            foreach (var branch in branches.OfType<OpenApiSchemaReference>())
            {
                var key = branch.Reference.Id!;
                if (_componentTypeNames.TryGetValue(key, out var typeName) && typeName is not null)
                {
                    var values = (s.Discriminator!.Mapping ?? new Dictionary<string, OpenApiSchemaReference>()).Where(m => ComponentKeyOf(m.Value) == key).Select(m => m.Key).ToList();
                    if (values.Count == 0) values.Add(key);
                    foreach (var value in values) union.DiscriminatorMappings.Add((value, typeName));
                }
            }
        }
    }

    private static EnumBuilder BuildEnum(string name, IOpenApiSchema s, string pointer, string? summary)
    {
        var isInteger = NonNullType(s) == JsonSchemaType.Integer;
        var enumBuilder = new EnumBuilder(name, pointer, summary, s.Deprecated, isInteger);
        var taken = MemberNames.EnumReserved(name);
        foreach (var value in s.Enum!)
        {
            if (value is null) continue;
            string wire;
            if (value is JsonValue jv && jv.TryGetValue<string>(out var str)) wire = str;
            else wire = value.ToJsonString();
            if (isInteger && !long.TryParse(wire, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) continue;
            if (enumBuilder.Members.Any(m => m.Wire == wire)) continue;
            enumBuilder.Members.Add(new EnumMemberModel(MemberNames.EnumMember(wire, taken), wire));
        }

        return enumBuilder;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Type resolution

    /// <summary>
    /// The type of a value with schema <paramref name="schema"/>: a reference, a primitive, a collection, or an inline
    /// type generated as <c>{owner}{member}</c>.
    /// </summary>
    public ResolvedType Resolve(IOpenApiSchema schema, string owner, string member, string pointer)
    {
        if (_depth >= MaxDepth)
        {
            // Too deep to follow: a reference still names its component (built later, from the top); anything else is JSON.
            if (schema is OpenApiSchemaReference { Reference.Id: { } key, Target: { } target } deep && !(deep.Reference.IsExternal)
                && _componentTypeNames.TryGetValue(key, out var deepName) && deepName is not null)
            {
                return new ResolvedType(RefTo(deepName), (deep.Type & JsonSchemaType.Null) == JsonSchemaType.Null || IsNullable(target), Model.Constraints.None);
            }

            _report.TooDeep(pointer, MaxDepth);
            return new ResolvedType(TypeRef.Any, true, Model.Constraints.None);
        }

        _depth++;
        _total++;
        try
        {
            return ResolveCore(schema, owner, member, pointer);
        }
        finally
        {
            _depth--;
            _total--;
        }
    }

    private ResolvedType ResolveCore(IOpenApiSchema schema, string owner, string member, string pointer)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var key = reference.Reference?.Id;
            var nullableRef = (reference.Type & JsonSchemaType.Null) == JsonSchemaType.Null;
            if (key is null || reference.Target is null || (reference.Reference?.IsExternal ?? false))
            {
                _loader.Report(DiagnosticDescriptors.UnresolvedReference, _loader.Locate(pointer), reference.Reference?.ReferenceV3 ?? "?");
                return new ResolvedType(TypeRef.Any, true, Model.Constraints.None);
            }

            if (_componentTypeNames.TryGetValue(key, out var typeName) && typeName is not null)
            {
                EnsureComponentBuilt(key);
                return new ResolvedType(RefTo(typeName), nullableRef || IsNullable(reference.Target), Model.Constraints.None);
            }

            // A component that is only an alias (a constrained string, an array...): resolve what it stands for.
            if (!_resolvingAliases.Add(key))
            {
                return new ResolvedType(TypeRef.Any, true, Model.Constraints.None);
            }

            try
            {
                var inner = Resolve(reference.Target, Identifiers.ToPascalCase(key), "", ComponentPrefix + key);
                return inner with { Nullable = inner.Nullable || nullableRef };
            }
            finally
            {
                _resolvingAliases.Remove(key);
            }
        }

        var s = schema;
        var nullable = IsNullable(s);
        var constraints = _constraints.Read(s, pointer);

        if (NullableSingleBranch(s) is { } single)
        {
            var inner = Resolve(single, owner, member, pointer);
            return inner with { Nullable = true };
        }

        if (HasEnum(s) || s.OneOf is { Count: > 0 } || s.AnyOf is { Count: > 0 } || (s.AllOf is { Count: > 1 }) || (s.AllOf is { Count: 1 } && s.Properties is { Count: > 0 }))
        {
            if (s.AllOf is { Count: 1 } single1 && s.Properties is not { Count: > 0 } && !HasEnum(s))
            {
                // allOf with one member (a common way to attach a description to a $ref): that member.
                var inner = Resolve(single1[0], owner, member, pointer + "/allOf/0");
                return inner with { Nullable = inner.Nullable || nullable };
            }

            var name = _names.Reserve(owner + member);
            BuildNamedType(name, s, pointer);
            return new ResolvedType(RefTo(name), nullable, constraints);
        }

        if (s.AllOf is { Count: 1 } onlyOne)
        {
            var inner = Resolve(onlyOne[0], owner, member, pointer + "/allOf/0");
            return inner with { Nullable = inner.Nullable || nullable };
        }

        var type = NonNullType(s);
        switch (type)
        {
            case JsonSchemaType.Array:
                var items = s.Items is null ? new ResolvedType(TypeRef.Any, false, Model.Constraints.None) : Resolve(s.Items, owner, member + "Item", pointer + "/items");
                return new ResolvedType(TypeRef.ArrayOf(items.Type), nullable, constraints with { Items = items.Constraints.IsEmpty ? null : items.Constraints });
            case JsonSchemaType.String:
                return new ResolvedType(TypeRef.Prim(ConstraintReader.StringFormat(s.Format)), nullable, constraints);
            case JsonSchemaType.Integer:
                return new ResolvedType(TypeRef.Prim(ConstraintReader.IntegerFormat(s)), nullable, constraints);
            case JsonSchemaType.Number:
                return new ResolvedType(TypeRef.Prim(ConstraintReader.NumberFormat(s.Format)), nullable, constraints);
            case JsonSchemaType.Boolean:
                return new ResolvedType(TypeRef.Prim(PrimitiveKind.Boolean), nullable, constraints);
            case JsonSchemaType.Object:
            case null when s.Properties is { Count: > 0 }:
                if (s.Properties is { Count: > 0 })
                {
                    var name = _names.Reserve(owner + member);
                    BuildNamedType(name, s, pointer);
                    return new ResolvedType(new TypeRef(TypeKind.Model, name), nullable, constraints);
                }

                if (s.AdditionalProperties is { } additional && !IsEmptySchema(additional))
                {
                    var value = Resolve(additional, owner, member + "Value", pointer + "/additionalProperties");
                    return new ResolvedType(TypeRef.MapOf(value.Type), nullable, constraints with { Items = value.Constraints.IsEmpty ? null : value.Constraints });
                }

                return new ResolvedType(TypeRef.MapOf(TypeRef.Any), nullable, constraints);
            default:
                return new ResolvedType(TypeRef.Any, true, constraints);
        }
    }

    /// <summary>A reference to a generated type; integer enums carry Int64 as their primitive.</summary>
    private TypeRef RefTo(string typeName)
    {
        // A component that is not built yet (past the depth bound) is known to be an enum from its schema.
        var isEnum = Types.TryGet(typeName, out var built) ? built is EnumBuilder : _componentEnums.ContainsKey(typeName);
        var isInteger = built is EnumBuilder e ? e.IsInteger : _componentEnums.TryGetValue(typeName, out var integer) && integer;
        return isEnum
            ? new TypeRef(TypeKind.Enum, typeName, isInteger ? PrimitiveKind.Int64 : PrimitiveKind.String)
            : new TypeRef(TypeKind.Model, typeName);
    }
}
