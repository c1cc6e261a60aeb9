using System;

namespace ContractFirst.Generator.Model;

// The one model of a spec that every emitter reads. It is immutable and equatable (records plus
// ImmutableEquatableArray), and it holds no Roslyn symbol, syntax node, compilation or location, so that the pipeline
// caches it: an edit elsewhere leaves it equal, and the emit steps do not run again.
//
// Names in the model are final C# identifiers; wire names are kept exactly as the spec spells them.

/// <summary>What an <c>OpenApiSpec</c> item asks to generate.</summary>
[Flags]
internal enum GenerateKinds
{
    None = 0,
    Models = 1,
    Client = 2,
    Server = 4,
}

/// <summary>Everything generated from one spec document.</summary>
internal sealed record SpecModel(
    string FileName,
    string Namespace,
    string ClientName,
    GenerateKinds Generate,
    string? Title,
    string? Version,
    string? Description,
    string? DefaultServerUrl,
    ImmutableEquatableArray<TypeModel> Types,
    ImmutableEquatableArray<OperationModel> Operations,
    ImmutableEquatableArray<SecuritySchemeModel> SecuritySchemes)
{
    /// <summary>Server was asked for, but the project has no ASP.NET Core: reported instead of generated.</summary>
    public bool ServerWithoutAspNetCore { get; init; }

    /// <summary>The JSON Schemas that models' Validate, the client and the server check values against.</summary>
    public ValidationSchemas Schemas { get; init; } = ValidationSchemas.Empty;

    /// <summary>The generated class that holds <see cref="Schemas"/>.</summary>
    public string SchemasClassName => ClientName + "Schemas";

    /// <summary>The path of the OpenApiSpec item, for diagnostics that concern several items.</summary>
    public string SourcePath { get; init; } = "";
}

// ---------------------------------------------------------------------------------------------------------------
// Types

/// <summary>How a value is shaped on the wire and in C#.</summary>
internal enum TypeKind
{
    /// <summary>A built-in C# type (string, int, Guid, ...); <see cref="TypeRef.Name"/> is its C# keyword or full name.</summary>
    Primitive,

    /// <summary>A generated record (object, union or polymorphic base).</summary>
    Model,

    /// <summary>A generated open enum (readonly struct).</summary>
    Enum,

    /// <summary>An array; <see cref="TypeRef.Item"/> is the item type.</summary>
    Array,

    /// <summary>A string-keyed map; <see cref="TypeRef.Item"/> is the value type.</summary>
    Map,

    /// <summary>Any JSON value (no schema, or one that cannot be typed): System.Text.Json's JsonElement.</summary>
    Any,
}

/// <summary>The primitive a <see cref="TypeKind.Primitive"/> stands for, which decides its JSON reading and writing.</summary>
internal enum PrimitiveKind
{
    None,
    String,
    Boolean,
    Int32,
    Int64,
    Float,
    Double,
    Decimal,
    Guid,
    DateTimeOffset,
    DateOnly,
    TimeSpan,
    Uri,
    Bytes,
    Stream,
}

/// <summary>A reference to a type, as it is used by a property, parameter, body or response.</summary>
internal sealed record TypeRef(TypeKind Kind, string Name, PrimitiveKind Primitive = PrimitiveKind.None, TypeRef? Item = null)
{
    public static TypeRef Any { get; } = new(TypeKind.Any, "global::System.Text.Json.JsonElement");

    public static TypeRef String { get; } = Prim(PrimitiveKind.String);

    public static TypeRef Prim(PrimitiveKind kind) => new(TypeKind.Primitive, PrimitiveName(kind), kind);

    public static TypeRef ArrayOf(TypeRef item) => new(TypeKind.Array, "", Item: item);

    public static TypeRef MapOf(TypeRef value) => new(TypeKind.Map, "", Item: value);

    /// <summary>True for C# value types (which need <c>?</c> to be nullable).</summary>
    public bool IsValueType => Kind switch
    {
        TypeKind.Enum => true,
        TypeKind.Any => true,
        TypeKind.Primitive => Primitive is not (PrimitiveKind.String or PrimitiveKind.Uri or PrimitiveKind.Bytes or PrimitiveKind.Stream),
        _ => false,
    };

    /// <summary>The C# type, fully qualified where it is not a keyword; without nullable annotation.</summary>
    public string CSharpType => Kind switch
    {
        TypeKind.Array => $"global::System.Collections.Generic.IList<{Item!.CSharpType}>",
        TypeKind.Map => $"global::System.Collections.Generic.IDictionary<string, {Item!.CSharpType}>",
        _ => Name,
    };

    /// <summary>The concrete collection type that deserialization creates.</summary>
    public string ConcreteType => Kind switch
    {
        TypeKind.Array => $"global::System.Collections.Generic.List<{Item!.CSharpType}>",
        TypeKind.Map => $"global::System.Collections.Generic.Dictionary<string, {Item!.CSharpType}>",
        _ => Name,
    };

    private static string PrimitiveName(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String => "string",
        PrimitiveKind.Boolean => "bool",
        PrimitiveKind.Int32 => "int",
        PrimitiveKind.Int64 => "long",
        PrimitiveKind.Float => "float",
        PrimitiveKind.Double => "double",
        PrimitiveKind.Decimal => "decimal",
        PrimitiveKind.Guid => "global::System.Guid",
        PrimitiveKind.DateTimeOffset => "global::System.DateTimeOffset",
        PrimitiveKind.DateOnly => "global::System.DateOnly",
        PrimitiveKind.TimeSpan => "global::System.TimeSpan",
        PrimitiveKind.Uri => "global::System.Uri",
        PrimitiveKind.Bytes => "byte[]",
        PrimitiveKind.Stream => "global::System.IO.Stream",
        _ => "object",
    };
}

/// <summary>
/// The schema keywords that constrain a value. Numbers are kept as the spec's invariant text; <see cref="Const"/> and
/// <see cref="Enum"/> as JSON text (<c>"A"</c>, <c>1.5</c>, <c>true</c>, <c>null</c>), so that a value of any JSON type fits.
/// </summary>
internal sealed record Constraints(
    string? Minimum = null,
    bool ExclusiveMinimum = false,
    string? Maximum = null,
    bool ExclusiveMaximum = false,
    string? MultipleOf = null,
    string? Pattern = null,
    int? MinLength = null,
    int? MaxLength = null,
    int? MinItems = null,
    int? MaxItems = null,
    bool UniqueItems = false,
    Constraints? Items = null,
    int? MinProperties = null,
    int? MaxProperties = null,
    string? Const = null,
    ImmutableEquatableArray<string>? Enum = null)
{
    public static Constraints None { get; } = new();

    public bool IsEmpty => this == None;
}

/// <summary>A generated type.</summary>
internal abstract record TypeModel(string Name, string Pointer, string? Summary, bool Deprecated);

/// <summary>An object schema: a partial record.</summary>
internal sealed record ObjectModel(
    string Name,
    string Pointer,
    string? Summary,
    bool Deprecated,
    string? BaseType,
    bool IsAbstract,
    bool IsRequestModel,
    ImmutableEquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalProperties,
    bool AllowsUnknownProperties,
    DiscriminatorModel? Discriminator,
    string? DiscriminatorValue) : TypeModel(Name, Pointer, Summary, Deprecated)
{
    /// <summary>
    /// The schema has object keywords but does not require an object (no <c>type: object</c>), so JSON Schema allows any
    /// value: one that is not an object is kept in <c>NonObjectValue</c>.
    /// </summary>
    public bool AcceptsAnyJson { get; init; }
}

/// <summary>An open enum: a readonly struct with one static property per known value.</summary>
internal sealed record EnumModel(
    string Name,
    string Pointer,
    string? Summary,
    bool Deprecated,
    bool IsInteger,
    ImmutableEquatableArray<EnumMemberModel> Members) : TypeModel(Name, Pointer, Summary, Deprecated);

internal sealed record EnumMemberModel(string Name, string Wire);

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> without a usable discriminator hierarchy: a record with one nullable property per branch.
/// Reading tries the branches in order (or dispatches on the discriminator when there is one).
/// </summary>
internal sealed record UnionModel(
    string Name,
    string Pointer,
    string? Summary,
    bool Deprecated,
    bool IsOneOf,
    ImmutableEquatableArray<UnionVariantModel> Variants,
    DiscriminatorModel? Discriminator) : TypeModel(Name, Pointer, Summary, Deprecated);

internal sealed record UnionVariantModel(string PropertyName, TypeRef Type);

/// <summary>A discriminator: the property and the map from wire value to generated type name.</summary>
internal sealed record DiscriminatorModel(string PropertyName, ImmutableEquatableArray<DiscriminatorMapping> Mappings);

internal sealed record DiscriminatorMapping(string Value, string TypeName);

/// <summary>A property of a generated record.</summary>
internal sealed record PropertyModel(
    string Name,
    string WireName,
    TypeRef Type,
    bool Required,
    bool Nullable,
    bool ReadOnly,
    bool WriteOnly,
    bool Deprecated,
    string? Summary,
    string? DefaultLiteral,
    Constraints Constraints)
{
    /// <summary>The C# property type, with <c>?</c> where the property can be absent or null.</summary>
    public string CSharpType => IsCSharpNullable ? Type.CSharpType + "?" : Type.CSharpType;

    /// <summary>Required and not nullable: C# <c>required</c>, never null.</summary>
    public bool IsCSharpNullable => Nullable || !Required;

    /// <summary>
    /// Declared with C# <c>required</c> (an auto-property). Every other property has a backing field and tracks whether it
    /// was set, so that absent and null stay distinct (a PATCH can send null) and a read document is written back as it came.
    /// Read-only properties are the server's to send, and C# does not allow <c>required</c> with <c>[Obsolete]</c>.
    /// </summary>
    public bool UsesRequiredKeyword => Required && !ReadOnly && !Deprecated;
}

// ---------------------------------------------------------------------------------------------------------------
// Operations

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

internal enum ParameterStyle
{
    Simple,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
    Label,
    Matrix,
}

/// <summary>
/// One parameter of an operation, as the emitters bind and check it. <c>Schema</c> names the parameter's schema in the
/// spec's schema table when its typed checks cannot say all that the schema means (const, type arrays, composition,
/// pattern, …): the value is then checked against it, as a body is (<c>Emit.ParameterSchemaCheck</c>). It is null when
/// the parsed type and the typed checks are exact.
/// </summary>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    bool Deprecated,
    ParameterStyle Style,
    bool Explode,
    string? Summary,
    Constraints Constraints,
    ImmutableEquatableArray<string> AllowedValues,
    string? ContentType = null,
    string? Schema = null)
{
    /// <summary>Declared with <c>content</c> (its text is that media type, e.g. JSON) rather than <c>schema</c> and <c>style</c>.</summary>
    public bool IsContent => ContentType is not null;
}

internal enum BodyKind
{
    None,
    Json,
    FormUrlEncoded,
    Multipart,
    OctetStream,
    Text,
}

/// <summary>A request body; <c>Schema</c> names its schema in <see cref="SpecModel.Schemas"/> (null: not validated as JSON).</summary>
internal sealed record RequestBodyModel(BodyKind Kind, string ContentType, TypeRef Type, bool Required, string? Summary, string? Schema = null);

internal sealed record ResponseModel(
    string StatusCode,
    BodyKind Kind,
    string? ContentType,
    TypeRef? Type,
    string? Summary)
{
    /// <summary>2xx (or 2XX).</summary>
    public bool IsSuccess => StatusCode.Length == 3 && StatusCode[0] == '2';

    public bool IsDefault => StatusCode == "default";
}

internal sealed record OperationModel(
    string MethodName,
    string OperationId,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    ImmutableEquatableArray<string> Tags,
    ImmutableEquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    ImmutableEquatableArray<ResponseModel> Responses,
    ImmutableEquatableArray<SecurityRequirementModel> Security);

/// <summary>One alternative of an operation's <c>security</c>: all of these schemes together.</summary>
internal sealed record SecurityRequirementModel(ImmutableEquatableArray<SecurityUse> Schemes);

internal sealed record SecurityUse(string SchemeKey, ImmutableEquatableArray<string> Scopes);

internal enum SecuritySchemeKind
{
    Bearer,
    Basic,
    ApiKey,
    OAuth2,
    OpenIdConnect,
    Other,
}

internal sealed record SecuritySchemeModel(
    string Key,
    SecuritySchemeKind Kind,
    string? ApiKeyName,
    ParameterLocation ApiKeyLocation,
    string? Summary);
