using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Emit;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;
using ParameterLocationModel = ContractFirst.Generator.Model.ParameterLocation;
using ParameterStyleModel = ContractFirst.Generator.Model.ParameterStyle;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Turns a read <see cref="OpenApiDocument"/> into the <see cref="SpecModel"/> that the emitters read. This is the one
/// place that knows OpenAPI; naming, typing and composition rules live here.
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
internal sealed class ModelBuilder
{
    private readonly OpenApiDocument _document;
    private readonly SpecLoader _loader;
    private readonly string _fileName;
    // Type names are unique ignoring case: hint names (file names) are compared that way (docs/generated-names.md).
    private readonly HashSet<string> _takenTypeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IOpenApiSchema> _components = new(StringComparer.Ordinal);
    private readonly List<TypeBuilder> _types = new();
    private readonly Dictionary<string, TypeBuilder> _typesByName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _requestTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _componentEnums = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>
    /// How deep the builder recurses. Within one component, a schema nested deeper is typed as any JSON with a located
    /// diagnostic (_depth counts the levels since the component); and a component referenced while the whole recursion is
    /// this deep (_total) is not built now but later, from the top. So the stack holds at most twice this many levels.
    /// </summary>
    internal const int MaxDepth = 128;

    private int _depth;
    private int _total;

    /// <summary>Checked while the validation schemas are read (they grow with the spec).</summary>
    public System.Threading.CancellationToken CancellationToken { get; init; }

    public ModelBuilder(OpenApiDocument document, SpecLoader loader, string fileName)
    {
        _document = document;
        _loader = loader;
        _fileName = fileName;
    }

    public SpecModel Build(string @namespace, string clientName, GenerateKinds generate)
    {
        var api = clientName.Replace("Client", "");
        foreach (var reserved in new[] { clientName, clientName + "Options", clientName + "Json", clientName + "Schemas", clientName + "ServiceCollectionExtensions", "I" + api + "Server", api + "ServerOptions", api + "ServerExtensions" })
        {
            _takenTypeNames.Add(reserved);
        }

        NameComponents();
        foreach (var pair in _components)
        {
            BuildComponentIsolated(pair.Key, pair.Value);
        }

        var operations = BuildOperations();
        var schemes = BuildSecuritySchemes();
        Reconcile();

        var types = _types.Select(t => t.Freeze(_requestTypes)).ToImmutableEquatableArray();
        var schemas = ValidationSchemaBuilder.Build(_loader, _document, types, ref operations, CancellationToken);
        return new SpecModel(
            _fileName,
            @namespace,
            clientName,
            generate,
            _document.Info?.Title,
            _document.Info?.Version,
            _document.Info?.Description,
            _document.Servers?.FirstOrDefault()?.Url,
            types,
            operations,
            schemes) { Schemas = schemas };
    }

    // -----------------------------------------------------------------------------------------------------------
    // Components

    private void NameComponents()
    {
        var schemas = _document.Components?.Schemas;
        if (schemas is null) return;
        foreach (var pair in schemas)
        {
            _components[pair.Key] = pair.Value;
        }

        // Names first, so that every reference resolves whatever the order of definition.
        foreach (var pair in _components)
        {
            _componentTypeNames[pair.Key] = GeneratesType(pair.Value) ? ReserveTypeName(pair.Key) : null;
            if (_componentTypeNames[pair.Key] is { } name && Unwrap(pair.Value) is { } s && HasEnum(s))
            {
                _componentEnums[name] = NonNullType(s) == JsonSchemaType.Integer;
            }
        }
    }

    /// <summary>One component: a failure costs that schema only (a located diagnostic, and an empty record in its place).</summary>
    private void BuildComponentIsolated(string key, IOpenApiSchema schema)
    {
        var pointer = "#/components/schemas/" + Escape(key);
        try
        {
            BuildComponent(key, schema);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _depth = 0;
            _total = 0;
            _loader.Report(DiagnosticDescriptors.SkippedElement, _loader.Locate(pointer), pointer, ex.GetType().Name + ": " + ex.Message);
            if (_componentTypeNames.TryGetValue(key, out var name) && name is not null && !_typesByName.ContainsKey(name))
            {
                AddType(_componentEnums.TryGetValue(name, out var isInteger)
                    ? new EnumBuilder(name, pointer, null, false, isInteger)
                    : new ObjectBuilder(name, pointer, null, false));
            }
        }
    }

    private string ReserveTypeName(string specName)
        => Identifiers.Unique(Identifiers.Safe(Identifiers.ToPascalCase(specName, "Schema")), _takenTypeNames);

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
        BuildNamedType(name, schema, "#/components/schemas/" + key, key);
    }

    /// <summary>Builds a generated type for a schema under a chosen name.</summary>
    private void BuildNamedType(string name, IOpenApiSchema schema, string pointer, string? componentKey)
    {
        // A polymorphic base refers to its branches, which refer back to it: build each name once.
        if (!_building.Add(name)) return;
        var s = Unwrap(schema)!;
        var summary = DescriptionOf(s);
        if (HasEnum(s))
        {
            AddType(BuildEnum(name, s, pointer, summary));
            return;
        }

        if (s.OneOf is { Count: > 0 } || s.AnyOf is { Count: > 0 })
        {
            BuildComposition(name, s, pointer, summary);
            return;
        }

        // A schema with object keywords but no `type: object` (itself or through allOf) allows any JSON value: the
        // record keeps a value that is not an object as it came, rather than refuse what the spec allows.
        var obj = new ObjectBuilder(name, pointer, summary, s.Deprecated) { AcceptsAnyJson = !IsObjectTyped(s, 0) };
        AddType(obj);
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

        _ = componentKey;
    }

    /// <summary>True when JSON Schema allows only objects: <c>type: object</c> here, or in an <c>allOf</c> part.</summary>
    private static bool IsObjectTyped(IOpenApiSchema? schema, int depth)
    {
        var s = Unwrap(schema);
        if (s is null || depth > 32) return false;
        if (s.Type is { } type) return (type & ~JsonSchemaType.Null) == JsonSchemaType.Object;
        if (s.Discriminator is not null) return true; // a discriminator needs an object to read
        return s.AllOf is { Count: > 0 } parts && parts.Any(part => IsObjectTyped(part, depth + 1));
    }

    private void AddType(TypeBuilder type)
    {
        _types.Add(type);
        _typesByName[type.Name] = type;
    }

    /// <summary>
    /// Fills <paramref name="obj"/> from <paramref name="s"/>. <paramref name="visiting"/> holds the components being
    /// merged into it (itself first), so that an allOf that comes back to one of them is not followed again.
    /// </summary>
    private void FillObject(ObjectBuilder obj, IOpenApiSchema s, string pointer, HashSet<string>? visiting = null)
    {
        if (_depth >= MaxDepth)
        {
            ReportTooDeep(pointer);
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
            if (baseSchema is OpenApiSchemaReference cyclic && (visiting.Contains(cyclic.Reference.Id!) || DerivesFrom(_componentTypeNames[cyclic.Reference.Id!]!, obj.Name)))
            {
                // A: allOf [A, ...] or A: allOf B, B: allOf A: a record cannot derive from itself; the properties are merged.
                var target = _componentTypeNames[cyclic.Reference.Id!]!;
                if (!nested)
                {
                    ReportConflict(pointer + "/allOf/" + s.AllOf.IndexOf(cyclic).ToString(CultureInfo.InvariantCulture), target == obj.Name
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
                if (_typesByName.TryGetValue(baseName, out var baseType) && baseType is ObjectBuilder baseObject)
                {
                    foreach (var p in baseObject.AllPropertyWireNames(_typesByName)) obj.InheritedWireNames.Add(p);
                    foreach (var p in baseObject.AllPropertyNames(_typesByName)) obj.ReservedMemberNames.Add(p);
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
                    if (InheritedProperty(obj, pair.Key) is { } inherited) CheckSameCategory(inherited, pair.Value, pointer + "/properties/" + Escape(pair.Key), obj.Name);
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
            obj.AdditionalProperties = ResolveType(additional, obj.Name, "AdditionalProperty", pointer + "/additionalProperties").Type;
        }

        if (!s.AdditionalPropertiesAllowed) obj.AllowsUnknownProperties = false;
    }

    private void AddProperty(ObjectBuilder obj, string wireName, IOpenApiSchema schema, bool required, string pointer)
    {
        if (obj.PropertiesByWireName.TryGetValue(wireName, out var existing))
        {
            // allOf parts that both name the property: the first one's type is used.
            CheckSameCategory(existing, schema, pointer, obj.Name);
            return;
        }

        var propertyName = Identifiers.Safe(Identifiers.ToPascalCase(wireName, "Property"));
        if (propertyName == obj.Name || obj.ReservedMemberNames.Contains(propertyName))
        {
            propertyName = Identifiers.Unique(propertyName + "Value", obj.ReservedMemberNames);
        }

        obj.ReservedMemberNames.Add(propertyName);
        var resolved = ResolveType(schema, obj.Name, propertyName, pointer);
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
            DefaultLiteral(schema.Default ?? s?.Default, resolved.Type),
            resolved.Constraints) { Pointer = pointer, Category = CategoryOf(schema) });
    }

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
                if (_typesByName.TryGetValue(_componentTypeNames[key]!, out var t) && t is ObjectBuilder o && o.BaseType is null && o.DiscriminatorProperty is null)
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
                    if (_typesByName.TryGetValue(_componentTypeNames[branch.Reference.Id!]!, out var t) && t is ObjectBuilder { BaseType: { } other } o
                        && _typesByName.TryGetValue(other, out var otherBase) && otherBase is ObjectBuilder { IsAbstract: true })
                    {
                        ReportConflict(branchPointer, $"'{o.Name}' already derives from '{other}' (a C# record has one base), so '{name}' is generated as a union record with one property per branch");
                        break;
                    }
                }
            }

            if (branchTypes.Count == branches.Count && branchTypes.Select(b => b.Type.Name).Distinct().Count() == branchTypes.Count)
            {
                var baseObject = new ObjectBuilder(name, pointer, summary, s.Deprecated) { IsAbstract = true, DiscriminatorProperty = discriminator };
                AddType(baseObject);
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
        AddType(union);
        var index = 0;
        var taken = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var branch in branches)
        {
            var branchPointer = pointer + (isOneOf ? "/oneOf/" : "/anyOf/") + index;
            var resolved = ResolveType(branch, name, "Variant" + (index + 1).ToString(CultureInfo.InvariantCulture), branchPointer);
            index++;
            if (IsNullSchema(branch)) continue;
            if (resolved.Type.Kind == TypeKind.Model && resolved.Type.Name == name)
            {
                ReportConflict(branchPointer, $"'{name}' is one of its own branches; that branch adds nothing and is ignored");
                continue;
            }

            var propertyName = Identifiers.Unique(VariantName(resolved.Type), taken);
            union.Variants.Add(new UnionVariantModel(propertyName, resolved.Type));
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

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => type.Name,
        TypeKind.Array => VariantName(type.Item!) + "List",
        TypeKind.Map => VariantName(type.Item!) + "Map",
        TypeKind.Any => "Json",
        _ => Identifiers.ToPascalCase(type.Primitive.ToString()),
    };

    private EnumBuilder BuildEnum(string name, IOpenApiSchema s, string pointer, string? summary)
    {
        var isInteger = NonNullType(s) == JsonSchemaType.Integer;
        var enumBuilder = new EnumBuilder(name, pointer, summary, s.Deprecated, isInteger);
        var taken = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "IsKnown", "KnownValues", "FromWire", "ToString", "Equals", "GetHashCode", "GetType" };
        foreach (var value in s.Enum!)
        {
            if (value is null) continue;
            string wire;
            if (value is JsonValue jv && jv.TryGetValue<string>(out var str)) wire = str;
            else wire = value.ToJsonString();
            if (isInteger && !long.TryParse(wire, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) continue;
            if (enumBuilder.Members.Any(m => m.Wire == wire)) continue;
            var memberName = Identifiers.Unique(Identifiers.Safe(Identifiers.ToPascalCase(wire, "Empty")), taken);
            enumBuilder.Members.Add(new EnumMemberModel(memberName, wire));
        }

        return enumBuilder;
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
                BuildNamedType(name, schema, "#/components/schemas/" + key, key);
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
    // Type resolution

    private readonly record struct Resolved(TypeRef Type, bool Nullable, Model.Constraints Constraints);

    /// <summary>
    /// The type of a value with schema <paramref name="schema"/>: a reference, a primitive, a collection, or an inline
    /// type generated as <c>{owner}{member}</c>.
    /// </summary>
    private Resolved ResolveType(IOpenApiSchema schema, string owner, string member, string pointer)
    {
        if (_depth >= MaxDepth)
        {
            // Too deep to follow: a reference still names its component (built later, from the top); anything else is JSON.
            if (schema is OpenApiSchemaReference { Reference.Id: { } key, Target: { } target } deep && !(deep.Reference.IsExternal)
                && _componentTypeNames.TryGetValue(key, out var deepName) && deepName is not null)
            {
                return new Resolved(RefTo(deepName), (deep.Type & JsonSchemaType.Null) == JsonSchemaType.Null || IsNullable(target), Model.Constraints.None);
            }

            ReportTooDeep(pointer);
            return new Resolved(TypeRef.Any, true, Model.Constraints.None);
        }

        _depth++;
        _total++;
        try
        {
            return ResolveTypeCore(schema, owner, member, pointer);
        }
        finally
        {
            _depth--;
            _total--;
        }
    }

    private Resolved ResolveTypeCore(IOpenApiSchema schema, string owner, string member, string pointer)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var key = reference.Reference?.Id;
            var nullableRef = (reference.Type & JsonSchemaType.Null) == JsonSchemaType.Null;
            if (key is null || reference.Target is null || (reference.Reference?.IsExternal ?? false))
            {
                _loader.Report(DiagnosticDescriptors.UnresolvedReference, _loader.Locate(pointer), reference.Reference?.ReferenceV3 ?? "?");
                return new Resolved(TypeRef.Any, true, Model.Constraints.None);
            }

            if (_componentTypeNames.TryGetValue(key, out var typeName) && typeName is not null)
            {
                EnsureComponentBuilt(key);
                return new Resolved(RefTo(typeName), nullableRef || IsNullable(reference.Target), Model.Constraints.None);
            }

            // A component that is only an alias (a constrained string, an array...): resolve what it stands for.
            if (!_resolvingAliases.Add(key))
            {
                return new Resolved(TypeRef.Any, true, Model.Constraints.None);
            }

            try
            {
                var inner = ResolveType(reference.Target, Identifiers.ToPascalCase(key), "", "#/components/schemas/" + key);
                return inner with { Nullable = inner.Nullable || nullableRef };
            }
            finally
            {
                _resolvingAliases.Remove(key);
            }
        }

        var s = schema;
        var nullable = IsNullable(s);
        var constraints = ConstraintsOf(s, pointer);

        if (NullableSingleBranch(s) is { } single)
        {
            var inner = ResolveType(single, owner, member, pointer);
            return inner with { Nullable = true };
        }

        if (HasEnum(s) || s.OneOf is { Count: > 0 } || s.AnyOf is { Count: > 0 } || (s.AllOf is { Count: > 1 }) || (s.AllOf is { Count: 1 } && s.Properties is { Count: > 0 }))
        {
            if (s.AllOf is { Count: 1 } single1 && s.Properties is not { Count: > 0 } && !HasEnum(s))
            {
                // allOf with one member (a common way to attach a description to a $ref): that member.
                var inner = ResolveType(single1[0], owner, member, pointer + "/allOf/0");
                return inner with { Nullable = inner.Nullable || nullable };
            }

            var name = ReserveTypeName(owner + member);
            BuildNamedType(name, s, pointer, null);
            return new Resolved(RefTo(name), nullable, constraints);
        }

        if (s.AllOf is { Count: 1 } onlyOne)
        {
            var inner = ResolveType(onlyOne[0], owner, member, pointer + "/allOf/0");
            return inner with { Nullable = inner.Nullable || nullable };
        }

        var type = NonNullType(s);
        switch (type)
        {
            case JsonSchemaType.Array:
                var items = s.Items is null ? new Resolved(TypeRef.Any, false, Model.Constraints.None) : ResolveType(s.Items, owner, member + "Item", pointer + "/items");
                return new Resolved(TypeRef.ArrayOf(items.Type), nullable, constraints with { Items = items.Constraints.IsEmpty ? null : items.Constraints });
            case JsonSchemaType.String:
                return new Resolved(TypeRef.Prim(StringFormat(s.Format)), nullable, constraints);
            case JsonSchemaType.Integer:
                return new Resolved(TypeRef.Prim(IntegerFormat(s)), nullable, constraints);
            case JsonSchemaType.Number:
                return new Resolved(TypeRef.Prim(NumberFormat(s.Format)), nullable, constraints);
            case JsonSchemaType.Boolean:
                return new Resolved(TypeRef.Prim(PrimitiveKind.Boolean), nullable, constraints);
            case JsonSchemaType.Object:
            case null when s.Properties is { Count: > 0 }:
                if (s.Properties is { Count: > 0 })
                {
                    var name = ReserveTypeName(owner + member);
                    BuildNamedType(name, s, pointer, null);
                    return new Resolved(new TypeRef(TypeKind.Model, name), nullable, constraints);
                }

                if (s.AdditionalProperties is { } additional && !IsEmptySchema(additional))
                {
                    var value = ResolveType(additional, owner, member + "Value", pointer + "/additionalProperties");
                    return new Resolved(TypeRef.MapOf(value.Type), nullable, constraints with { Items = value.Constraints.IsEmpty ? null : value.Constraints });
                }

                return new Resolved(TypeRef.MapOf(TypeRef.Any), nullable, constraints);
            default:
                return new Resolved(TypeRef.Any, true, constraints);
        }
    }

    /// <summary>A reference to a generated type; integer enums carry Int64 as their primitive.</summary>
    private TypeRef RefTo(string typeName)
    {
        // A component that is not built yet (past the depth bound) is known to be an enum from its schema.
        var isEnum = _typesByName.TryGetValue(typeName, out var built) ? built is EnumBuilder : _componentEnums.ContainsKey(typeName);
        var isInteger = built is EnumBuilder e ? e.IsInteger : _componentEnums.TryGetValue(typeName, out var integer) && integer;
        return isEnum
            ? new TypeRef(TypeKind.Enum, typeName, isInteger ? PrimitiveKind.Int64 : PrimitiveKind.String)
            : new TypeRef(TypeKind.Model, typeName);
    }

    private static PrimitiveKind StringFormat(string? format) => format switch
    {
        "uuid" => PrimitiveKind.Guid,
        "date-time" => PrimitiveKind.DateTimeOffset,
        "date" => PrimitiveKind.DateOnly,
        "binary" => PrimitiveKind.Stream,
        "byte" => PrimitiveKind.Bytes,
        _ => PrimitiveKind.String,
    };

    private static PrimitiveKind IntegerFormat(IOpenApiSchema s)
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

    private static PrimitiveKind NumberFormat(string? format) => format switch
    {
        "float" => PrimitiveKind.Float,
        "decimal" => PrimitiveKind.Decimal,
        "int32" => PrimitiveKind.Int32,
        "int64" => PrimitiveKind.Int64,
        _ => PrimitiveKind.Double,
    };

    private Model.Constraints ConstraintsOf(IOpenApiSchema s, string pointer)
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
        if (!_loader.Is31 || _loader.Root is not { } root || !pointer.StartsWith("#", StringComparison.Ordinal)) return null;
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

    private static string? DefaultLiteral(JsonNode? value, TypeRef type)
    {
        if (value is not JsonValue jv) return null;
        var kind = jv.GetValueKind();
        var text = kind == System.Text.Json.JsonValueKind.String ? jv.GetValue<string>() : jv.ToJsonString();
        var isNumber = kind == System.Text.Json.JsonValueKind.Number;
        switch (type.Kind)
        {
            case TypeKind.Enum when type.Primitive == PrimitiveKind.Int64:
                return isNumber && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var el) ? $"new {type.Name}({el.ToString(CultureInfo.InvariantCulture)}L)" : null;
            case TypeKind.Enum:
                return kind == System.Text.Json.JsonValueKind.String ? $"new {type.Name}({CSharp.StringLiteral(text)})" : null;
            case TypeKind.Primitive:
                switch (type.Primitive)
                {
                    case PrimitiveKind.String:
                        return kind == System.Text.Json.JsonValueKind.String ? CSharp.StringLiteral(text) : null;
                    case PrimitiveKind.Boolean:
                        return kind switch { System.Text.Json.JsonValueKind.True => "true", System.Text.Json.JsonValueKind.False => "false", _ => null };
                    case PrimitiveKind.Int32:
                        return isNumber && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : null;
                    case PrimitiveKind.Int64:
                        return isNumber && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) + "L" : null;
                    case PrimitiveKind.Decimal:
                        return isNumber && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m.ToString(CultureInfo.InvariantCulture) + "m" : null;
                    case PrimitiveKind.Double:
                    case PrimitiveKind.Float:
                        if (!isNumber || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsInfinity(d)) return null;
                        var literal = d.ToString("R", CultureInfo.InvariantCulture);
                        return type.Primitive == PrimitiveKind.Float ? literal + "f" : literal + "d";
                }

                return null;
            default:
                return null;
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Operations

    private ImmutableEquatableArray<OperationModel> BuildOperations()
    {
        var operations = new List<OperationModel>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        if (_document.Paths is null) return ImmutableEquatableArray<OperationModel>.Empty;
        foreach (var path in _document.Paths)
        {
            if (path.Value?.Operations is null) continue;
            foreach (var pair in path.Value.Operations)
            {
                var method = pair.Key.Method.ToUpperInvariant();
                var pointer = "#/paths/" + Escape(path.Key) + "/" + method.ToLowerInvariant();
                try
                {
                    operations.Add(BuildOperation(path.Key, method, path.Value, pair.Value, pointer, methodNames));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _loader.Report(DiagnosticDescriptors.SkippedElement, _loader.Locate(pointer), method + " " + path.Key, ex.Message);
                }
            }
        }

        return operations.ToImmutableEquatableArray();
    }

    private OperationModel BuildOperation(string path, string method, IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer, HashSet<string> methodNames)
    {
        var baseName = operation.OperationId is { Length: > 0 } id
            ? Identifiers.ToPascalCase(id, "Operation")
            : NameFromPath(method, path);
        var methodName = Identifiers.Unique(baseName + "Async", methodNames);
        var typePrefix = methodName.Substring(0, methodName.Length - "Async".Length);

        // Parameters: the operation's override the path item's with the same name and location.
        var raw = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var index = 0;
        foreach (var p in operation.Parameters ?? (IList<IOpenApiParameter>)Array.Empty<IOpenApiParameter>())
        {
            raw.Add((p, pointer + "/parameters/" + index++));
        }

        index = 0;
        foreach (var p in pathItem.Parameters ?? (IList<IOpenApiParameter>)Array.Empty<IOpenApiParameter>())
        {
            if (!raw.Any(r => r.Parameter.Name == p.Name && r.Parameter.In == p.In)) raw.Add((p, "#/paths/" + Escape(path) + "/parameters/" + index));
            index++;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal) { "body", "cancellationToken" };
        var parameters = new List<ParameterModel>();
        foreach (var (p, parameterPointer) in raw)
        {
            if (p.Name is null || p.In is null) continue;
            var location = p.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => ParameterLocationModel.Path,
                Microsoft.OpenApi.ParameterLocation.Header => ParameterLocationModel.Header,
                Microsoft.OpenApi.ParameterLocation.Cookie => ParameterLocationModel.Cookie,
                _ => ParameterLocationModel.Query,
            };
            if (location == ParameterLocationModel.Header && (string.Equals(p.Name, "Authorization", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, "Content-Type", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, "Accept", StringComparison.OrdinalIgnoreCase)))
            {
                continue; // handled by auth and content negotiation
            }

            var schema = p.Schema ?? p.Content?.Values.FirstOrDefault()?.Schema;
            var resolved = schema is null
                ? new Resolved(TypeRef.String, false, Model.Constraints.None)
                : ResolveType(schema, typePrefix, Identifiers.ToPascalCase(p.Name), parameterPointer + "/schema");
            var style = p.Style switch
            {
                Microsoft.OpenApi.ParameterStyle.Form => ParameterStyleModel.Form,
                Microsoft.OpenApi.ParameterStyle.SpaceDelimited => ParameterStyleModel.SpaceDelimited,
                Microsoft.OpenApi.ParameterStyle.PipeDelimited => ParameterStyleModel.PipeDelimited,
                Microsoft.OpenApi.ParameterStyle.DeepObject => ParameterStyleModel.DeepObject,
                Microsoft.OpenApi.ParameterStyle.Label => ParameterStyleModel.Label,
                Microsoft.OpenApi.ParameterStyle.Matrix => ParameterStyleModel.Matrix,
                Microsoft.OpenApi.ParameterStyle.Simple => ParameterStyleModel.Simple,
                _ => location is ParameterLocationModel.Query or ParameterLocationModel.Cookie ? ParameterStyleModel.Form : ParameterStyleModel.Simple,
            };
            var required = p.Required || location == ParameterLocationModel.Path;
            var allowed = schema is not null && Unwrap(schema) is { } us && HasEnum(us) && resolved.Type.Kind != TypeKind.Enum
                ? us.Enum!.OfType<JsonValue>().Select(v => v.ToString()).ToImmutableEquatableArray()
                : ImmutableEquatableArray<string>.Empty;
            parameters.Add(new ParameterModel(
                Identifiers.Unique(Identifiers.ToCamelCase(p.Name, "parameter"), taken),
                p.Name,
                location,
                resolved.Type,
                required,
                p.Deprecated,
                style,
                p.Style is null ? style == ParameterStyleModel.Form : p.Explode,
                Clean(p.Description),
                resolved.Constraints,
                allowed,
                p.Schema is null && p.Content is { Count: > 0 } parameterContent ? parameterContent.Keys.First() : null));
        }

        RequestBodyModel? body = null;
        if (operation.RequestBody is { Content: { Count: > 0 } content } requestBody)
        {
            var (contentType, media, kind) = PickContent(content);
            var bodyType = media?.Schema is null
                ? (kind == BodyKind.OctetStream ? TypeRef.Prim(PrimitiveKind.Stream) : TypeRef.Any)
                : ResolveType(media.Schema, typePrefix, "Request", pointer + "/requestBody/content/" + Escape(contentType) + "/schema").Type;
            if (kind == BodyKind.OctetStream) bodyType = TypeRef.Prim(PrimitiveKind.Stream);
            if (bodyType.Kind == TypeKind.Model) _requestTypes.Add(bodyType.Name);
            body = new RequestBodyModel(kind, contentType, bodyType, requestBody.Required, Clean(requestBody.Description));
        }

        var responses = new List<ResponseModel>();
        if (operation.Responses is not null)
        {
            foreach (var pair in operation.Responses)
            {
                var status = NormalizeStatus(pair.Key);
                if (status is null)
                {
                    _loader.Report(DiagnosticDescriptors.SkippedElement, _loader.Locate(pointer + "/responses/" + Escape(pair.Key)), "response " + pair.Key, "it is not a status code, a range like 4XX, or 'default'");
                    continue;
                }

                var response = pair.Value;
                if (response?.Content is { Count: > 0 } responseContent)
                {
                    var (contentType, media, kind) = PickContent(responseContent);
                    var member = status.Length == 3 && status[0] == '2' && responses.All(r => !r.IsSuccess) ? "Response" : Identifiers.ToPascalCase(status) + "Response";
                    var type = kind == BodyKind.OctetStream || media?.Schema is null
                        ? (kind == BodyKind.Text ? TypeRef.String : kind == BodyKind.Json && media?.Schema is null ? TypeRef.Any : TypeRef.Prim(PrimitiveKind.Stream))
                        : ResolveType(media.Schema, typePrefix, member, pointer + "/responses/" + Escape(pair.Key) + "/content/" + Escape(contentType) + "/schema").Type;
                    if (kind == BodyKind.Text && type.Kind != TypeKind.Primitive) type = TypeRef.String;
                    responses.Add(new ResponseModel(status, kind, contentType, type, Clean(response.Description)));
                }
                else
                {
                    responses.Add(new ResponseModel(status, BodyKind.None, null, null, Clean(response?.Description)));
                }
            }
        }

        var security = (operation.Security ?? _document.Security ?? new List<OpenApiSecurityRequirement>())
            .Select(requirement => new SecurityRequirementModel(requirement
                .Where(pair => pair.Key.Reference?.Id is not null)
                .Select(pair => new SecurityUse(pair.Key.Reference.Id!, (pair.Value ?? new List<string>()).ToImmutableEquatableArray()))
                .ToImmutableEquatableArray()))
            .ToImmutableEquatableArray();

        // CONTRACT: path parameters, then required query/header/cookie, then body, then optional ones.
        var ordered = parameters.Where(p => p.Location == ParameterLocationModel.Path)
            .Concat(parameters.Where(p => p.Location != ParameterLocationModel.Path && p.Required))
            .Concat(parameters.Where(p => p.Location != ParameterLocationModel.Path && !p.Required))
            .ToImmutableEquatableArray();

        return new OperationModel(
            methodName,
            operation.OperationId ?? "",
            method,
            path,
            Clean(operation.Summary),
            Clean(operation.Description),
            operation.Deprecated,
            (operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name ?? "").Where(t => t.Length > 0).ToImmutableEquatableArray(),
            ordered,
            body,
            responses.ToImmutableEquatableArray(),
            security);
    }

    private static string NameFromPath(string method, string path)
    {
        var name = Identifiers.ToPascalCase(method.ToLowerInvariant());
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) continue;
            if (segment.StartsWith("{", StringComparison.Ordinal))
            {
                name += "By" + Identifiers.ToPascalCase(segment.Trim('{', '}'));
            }
            else
            {
                name += Identifiers.ToPascalCase(segment, "");
            }
        }

        return name;
    }

    private static string? NormalizeStatus(string key)
    {
        if (key == "default") return key;
        var upper = key.Trim().ToUpperInvariant();
        if (upper.Length == 3 && char.IsDigit(upper[0]) && ((char.IsDigit(upper[1]) && char.IsDigit(upper[2])) || (upper[1] == 'X' && upper[2] == 'X')))
        {
            return upper;
        }

        return null;
    }

    private static (string ContentType, OpenApiMediaType? Media, BodyKind Kind) PickContent(IDictionary<string, OpenApiMediaType> content)
    {
        static BodyKind KindOf(string contentType)
        {
            var ct = contentType.ToLowerInvariant();
            if (ct.Contains("json")) return BodyKind.Json;
            if (ct.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)) return BodyKind.FormUrlEncoded;
            if (ct.StartsWith("multipart/", StringComparison.Ordinal)) return BodyKind.Multipart;
            if (ct.StartsWith("text/", StringComparison.Ordinal)) return BodyKind.Text;
            return BodyKind.OctetStream;
        }

        foreach (var preferred in new[] { BodyKind.Json, BodyKind.FormUrlEncoded, BodyKind.Multipart, BodyKind.Text, BodyKind.OctetStream })
        {
            foreach (var pair in content)
            {
                if (KindOf(pair.Key) == preferred) return (pair.Key, pair.Value, preferred);
            }
        }

        var first = content.First();
        return (first.Key, first.Value, KindOf(first.Key));
    }

    private ImmutableEquatableArray<SecuritySchemeModel> BuildSecuritySchemes()
    {
        var schemes = _document.Components?.SecuritySchemes;
        if (schemes is null) return ImmutableEquatableArray<SecuritySchemeModel>.Empty;
        return schemes.Select(pair =>
        {
            var scheme = pair.Value;
            var kind = scheme.Type switch
            {
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.Bearer,
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.Basic,
                SecuritySchemeType.ApiKey => SecuritySchemeKind.ApiKey,
                SecuritySchemeType.OAuth2 => SecuritySchemeKind.OAuth2,
                SecuritySchemeType.OpenIdConnect => SecuritySchemeKind.OpenIdConnect,
                _ => SecuritySchemeKind.Other,
            };
            var location = scheme.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Query => ParameterLocationModel.Query,
                Microsoft.OpenApi.ParameterLocation.Cookie => ParameterLocationModel.Cookie,
                _ => ParameterLocationModel.Header,
            };
            return new SecuritySchemeModel(pair.Key, kind, scheme.Name, location, Clean(scheme.Description));
        }).ToImmutableEquatableArray();
    }

    // -----------------------------------------------------------------------------------------------------------
    // Schema helpers

    private static IOpenApiSchema? Unwrap(IOpenApiSchema? schema)
    {
        var current = schema;
        for (var i = 0; i < 32 && current is OpenApiSchemaReference r; i++)
        {
            current = r.Target;
        }

        return current is OpenApiSchemaReference ? null : current;
    }

    private static bool HasEnum(IOpenApiSchema s)
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

    private static JsonSchemaType? NonNullType(IOpenApiSchema s)
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

    private static bool IsNullable(IOpenApiSchema? schema)
    {
        var s = schema;
        if (s is null) return true;
        if (s.Type is { } t && (t & JsonSchemaType.Null) == JsonSchemaType.Null) return true;
        if (s.Extensions is { } ext && ext.TryGetValue("x-nullable", out var x) && x is JsonNodeExtension { Node: JsonValue v } && v.TryGetValue<bool>(out var b) && b) return true;
        if (s.Enum is { } values && values.Any(v => v is null)) return true;
        return false;
    }

    private static bool IsNullSchema(IOpenApiSchema schema) => Unwrap(schema) is { Type: JsonSchemaType.Null };

    /// <summary><c>oneOf/anyOf: [X, {type: null}]</c> is X, nullable.</summary>
    private static IOpenApiSchema? NullableSingleBranch(IOpenApiSchema s)
    {
        var branches = s.OneOf is { Count: > 0 } ? s.OneOf : s.AnyOf;
        if (branches is not { Count: 2 } || s.Properties is { Count: > 0 }) return null;
        var nonNull = branches.Where(b => !IsNullSchema(b)).ToList();
        return nonNull.Count == 1 ? nonNull[0] : null;
    }

    private static bool IsEmptySchema(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference) return false;
        return schema.Type is null && schema.Properties is not { Count: > 0 } && schema.Items is null && schema.AllOf is not { Count: > 0 }
            && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.Enum is not { Count: > 0 } && schema.AdditionalProperties is null;
    }

    private static string? ComponentKeyOf(OpenApiSchemaReference? reference) => reference?.Reference?.Id;

    private static string? ComponentKeyOfPointer(string pointer)
    {
        const string prefix = "#/components/schemas/";
        return pointer.StartsWith(prefix, StringComparison.Ordinal) && pointer.IndexOf('/', prefix.Length) < 0 ? pointer.Substring(prefix.Length) : null;
    }

    private static string? DescriptionOf(IOpenApiSchema s) => Clean(s.Description ?? s.Title);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private static string Escape(string key) => SourceLocator.EscapeToken(key);

    // -----------------------------------------------------------------------------------------------------------
    // Robustness: conflicts, cycles and depth. Each problem is reported once, where it is in the spec (CF0010, CF0005).

    /// <summary>
    /// What only the whole model shows, once everything is built: base chains without loops, inherited properties declared
    /// once (the base's win, whatever the order of building), discriminator mappings only to types that derive from
    /// their base, and no union that is a branch of itself through other unions (reading it would never end).
    /// </summary>
    private void Reconcile()
    {
        var objects = _types.OfType<ObjectBuilder>().ToList();
        foreach (var obj in objects)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { obj.Name };
            for (var current = obj; current.BaseType is { } baseName;)
            {
                if (!_typesByName.TryGetValue(baseName, out var t) || t is not ObjectBuilder next || !seen.Add(baseName))
                {
                    if (t is ObjectBuilder) ReportConflict(current.Pointer, $"'{current.Name}' would derive from itself through '{baseName}'; it gets no base type");
                    current.BaseType = null;
                    break;
                }

                current = next;
            }
        }

        foreach (var obj in objects.Where(o => o.BaseType is not null).OrderBy(o => Ancestors(o).Count))
        {
            var inherited = new Dictionary<string, PropertyBuilder>(StringComparer.Ordinal);
            var inheritedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in Ancestors(obj).SelectMany(a => a.Properties))
            {
                if (!inherited.ContainsKey(p.WireName)) inherited[p.WireName] = p;
                inheritedNames.Add(p.Name);
            }

            obj.Properties.RemoveAll(p =>
            {
                if (!inherited.TryGetValue(p.WireName, out var kept)) return false;
                ReportCategoryConflict(kept, p.Category, p.Pointer, obj.Name);
                obj.PropertiesByWireName.Remove(p.WireName);
                return true;
            });
            foreach (var p in obj.Properties.Where(p => inheritedNames.Contains(p.Name)))
            {
                obj.ReservedMemberNames.UnionWith(inheritedNames);
                p.Name = Identifiers.Unique(p.Name + "Value", obj.ReservedMemberNames);
            }
        }

        foreach (var obj in objects.Where(o => o.DiscriminatorProperty is not null))
        {
            obj.DiscriminatorMappings.RemoveAll(m =>
            {
                if (DerivesFrom(m.TypeName, obj.Name)) return false;
                ReportConflict(obj.Pointer + "/discriminator/mapping/" + Escape(m.Value), $"the discriminator of '{obj.Name}' maps '{m.Value}' to '{m.TypeName}', which does not derive from '{obj.Name}' (a C# record has one base); that value is not dispatched");
                return true;
            });
        }

        BreakUnionCycles();
    }

    /// <summary>Drops the branch that closes a loop of unions (iteratively: the chain of unions can be long).</summary>
    private void BreakUnionCycles()
    {
        var unions = new Dictionary<string, UnionBuilder>(StringComparer.Ordinal);
        foreach (var union in _types.OfType<UnionBuilder>()) unions[union.Name] = union;
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        foreach (var start in unions.Values)
        {
            if (state.ContainsKey(start.Name)) continue;
            var stack = new Stack<(UnionBuilder Union, int Next)>();
            stack.Push((start, 0));
            state[start.Name] = false;
            while (stack.Count > 0)
            {
                var (union, next) = stack.Pop();
                if (next >= union.Variants.Count)
                {
                    state[union.Name] = true;
                    continue;
                }

                var variant = union.Variants[next];
                if (variant.Type.Kind == TypeKind.Model && unions.TryGetValue(variant.Type.Name, out var target))
                {
                    if (!state.TryGetValue(target.Name, out var done))
                    {
                        stack.Push((union, next + 1));
                        stack.Push((target, 0));
                        state[target.Name] = false;
                        continue;
                    }

                    if (!done)
                    {
                        ReportConflict(union.Pointer, $"'{union.Name}' and '{target.Name}' are branches of each other, so reading would never end; '{union.Name}' drops its '{variant.PropertyName}' branch");
                        union.Variants.RemoveAt(next);
                        stack.Push((union, next));
                        continue;
                    }
                }

                stack.Push((union, next + 1));
            }
        }
    }

    /// <summary>The bases of <paramref name="obj"/>, the root first.</summary>
    private List<ObjectBuilder> Ancestors(ObjectBuilder obj)
    {
        var list = new List<ObjectBuilder>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { obj.Name };
        for (var b = obj.BaseType; b is not null && seen.Add(b) && _typesByName.TryGetValue(b, out var t) && t is ObjectBuilder o; b = o.BaseType)
        {
            list.Insert(0, o);
        }

        return list;
    }

    /// <summary>True when <paramref name="name"/> is <paramref name="ancestor"/> or derives from it.</summary>
    private bool DerivesFrom(string name, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = name; current is not null && seen.Add(current); current = _typesByName.TryGetValue(current, out var t) && t is ObjectBuilder o ? o.BaseType : null)
        {
            if (current == ancestor) return true;
        }

        return false;
    }

    private PropertyBuilder? InheritedProperty(ObjectBuilder obj, string wireName)
        => Ancestors(obj).SelectMany(a => a.Properties).FirstOrDefault(p => p.WireName == wireName);

    private void CheckSameCategory(PropertyBuilder kept, IOpenApiSchema other, string pointer, string owner)
        => ReportCategoryConflict(kept, CategoryOf(other), pointer, owner);

    private void ReportCategoryConflict(PropertyBuilder kept, string category, string pointer, string owner)
    {
        if (kept.Category == "any" || category == "any" || kept.Category == category) return;
        ReportConflict(pointer, $"property '{kept.WireName}' of '{owner}' is {category} here but {kept.Category} at '{kept.Pointer}'; '{owner}' keeps the {kept.Category}");
    }

    /// <summary>The JSON kind of a schema, coarsely: string, number, boolean, array, object, or any (not known or a union).</summary>
    private static string CategoryOf(IOpenApiSchema schema)
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

    private void ReportConflict(string pointer, string message)
    {
        if (_reported.Add(pointer)) _loader.Report(DiagnosticDescriptors.SchemaConflict, _loader.Locate(pointer), pointer, message);
    }

    private void ReportTooDeep(string pointer)
    {
        if (_reported.Add(pointer)) _loader.Report(DiagnosticDescriptors.SkippedElement, _loader.Locate(pointer), pointer, $"it nests deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels; the value is typed as any JSON");
    }

    // -----------------------------------------------------------------------------------------------------------
    // Mutable builders, frozen into the equatable model at the end.

    private abstract class TypeBuilder(string name, string pointer, string? summary, bool deprecated)
    {
        public string Name { get; } = name;
        public string Pointer { get; } = pointer;
        public string? Summary { get; } = summary;
        public bool Deprecated { get; } = deprecated;

        public abstract TypeModel Freeze(ISet<string> requestTypes);
    }

    private sealed class ObjectBuilder(string name, string pointer, string? summary, bool deprecated) : TypeBuilder(name, pointer, summary, deprecated)
    {
        public List<PropertyBuilder> Properties { get; } = new();
        // The same properties by wire name: a schema with 100,000 properties is read in linear time, not quadratic.
        public Dictionary<string, PropertyBuilder> PropertiesByWireName { get; } = new(StringComparer.Ordinal);
        public HashSet<string> RequiredWireNames { get; } = new(StringComparer.Ordinal);
        public HashSet<string> InheritedWireNames { get; } = new(StringComparer.Ordinal);
        // Members every record has: a property with one of these names gets the "Value" suffix.
        public HashSet<string> ReservedMemberNames { get; } = new(StringComparer.Ordinal)
        {
            "ToString", "Equals", "GetHashCode", "GetType", "EqualityContract", "PrintMembers", "Deconstruct",
            "MemberwiseClone", "Finalize", "Validate", "AdditionalProperties", "NonObjectValue",
        };
        public string? BaseType { get; set; }
        public bool IsAbstract { get; set; }
        public TypeRef? AdditionalProperties { get; set; }
        public bool AllowsUnknownProperties { get; set; } = true;
        public bool AcceptsAnyJson { get; set; }
        public string? DiscriminatorProperty { get; set; }
        public List<(string Value, string TypeName)> DiscriminatorMappings { get; } = new();

        public void Add(PropertyBuilder property)
        {
            Properties.Add(property);
            PropertiesByWireName[property.WireName] = property;
        }

        public IEnumerable<string> AllPropertyWireNames(IReadOnlyDictionary<string, TypeBuilder> types) => Chain(types).SelectMany(o => o.Properties).Select(p => p.WireName);

        public IEnumerable<string> AllPropertyNames(IReadOnlyDictionary<string, TypeBuilder> types) => Chain(types).SelectMany(o => o.Properties).Select(p => p.Name);

        private IEnumerable<ObjectBuilder> Chain(IReadOnlyDictionary<string, TypeBuilder> types)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (ObjectBuilder? current = this; current is not null && seen.Add(current.Name);
                 current = current.BaseType is { } b && types.TryGetValue(b, out var t) ? t as ObjectBuilder : null)
            {
                yield return current;
            }
        }

        public override TypeModel Freeze(ISet<string> requestTypes)
        {
            var properties = Properties
                .Select(p => p.Freeze(RequiredWireNames.Contains(p.WireName)))
                .ToImmutableEquatableArray();
            var discriminator = DiscriminatorProperty is null
                ? null
                : new DiscriminatorModel(DiscriminatorProperty, DiscriminatorMappings.Distinct().Select(m => new DiscriminatorMapping(m.Value, m.TypeName)).ToImmutableEquatableArray());
            return new ObjectModel(Name, Pointer, Summary, Deprecated, BaseType, IsAbstract, requestTypes.Contains(Name), properties, AdditionalProperties, AllowsUnknownProperties, discriminator, null)
            {
                AcceptsAnyJson = AcceptsAnyJson && BaseType is null && !IsAbstract && DiscriminatorProperty is null,
            };
        }
    }

    private sealed class PropertyBuilder(string name, string wireName, TypeRef type, bool required, bool nullable, bool readOnly, bool writeOnly, bool deprecated, string? summary, string? defaultLiteral, Model.Constraints constraints)
    {
        public string Name { get; set; } = name;
        public string WireName { get; } = wireName;

        /// <summary>Where the property's schema is, for diagnostics.</summary>
        public string Pointer { get; init; } = "";

        /// <summary>The JSON kind of its schema (<see cref="CategoryOf"/>), to tell conflicting allOf parts.</summary>
        public string Category { get; init; } = "any";

        public PropertyModel Freeze(bool required2)
            => new(Name, WireName, type, required || required2, nullable, readOnly, writeOnly, deprecated, summary, defaultLiteral, constraints);
    }

    private sealed class EnumBuilder(string name, string pointer, string? summary, bool deprecated, bool isInteger) : TypeBuilder(name, pointer, summary, deprecated)
    {
        public bool IsInteger { get; } = isInteger;

        public List<EnumMemberModel> Members { get; } = new();

        public override TypeModel Freeze(ISet<string> requestTypes)
            => new EnumModel(Name, Pointer, Summary, Deprecated, IsInteger, Members.ToImmutableEquatableArray());
    }

    private sealed class UnionBuilder(string name, string pointer, string? summary, bool deprecated, bool isOneOf) : TypeBuilder(name, pointer, summary, deprecated)
    {
        public List<UnionVariantModel> Variants { get; } = new();
        public string? DiscriminatorProperty { get; set; }
        public List<(string Value, string TypeName)> DiscriminatorMappings { get; } = new();

        public override TypeModel Freeze(ISet<string> requestTypes)
        {
            var discriminator = DiscriminatorProperty is null
                ? null
                : new DiscriminatorModel(DiscriminatorProperty, DiscriminatorMappings.Distinct().Select(m => new DiscriminatorMapping(m.Value, m.TypeName)).ToImmutableEquatableArray());
            return new UnionModel(Name, Pointer, Summary, Deprecated, isOneOf, Variants.ToImmutableEquatableArray(), discriminator);
        }
    }
}
