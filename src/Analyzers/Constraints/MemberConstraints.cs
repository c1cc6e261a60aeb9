namespace ContractFirst.Analyzers.Constraints;

/// <summary>
/// The constraints on one property, field or parameter, read from its attributes. For a collection-typed member,
/// <c>minItems</c>/<c>maxItems</c> apply to the item count and the enum and string constraints to each item; numeric
/// constraints on a collection are not checked per item.
/// </summary>
internal sealed class MemberConstraints
{
    /// <summary>A member without constraints (the common case): the hot path stops at this reference check.</summary>
    public static readonly MemberConstraints None = new();

    public NumericBounds Bounds { get; init; }

    /// <summary>The <c>multipleOf</c> divisor; only set when it is a positive number that decimal holds exactly.</summary>
    public decimal? MultipleOf { get; init; }

    public string? Pattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>An <c>enum</c> on the member itself (a type-level one on an open enum is checked at its conversion).</summary>
    public AllowedValueSet? AllowedValues { get; init; }

    /// <summary>True when the member's type is a collection (array or <c>IEnumerable&lt;T&gt;</c>, not string).</summary>
    public bool IsCollection { get; init; }

    /// <summary>True when the member's type is integral: a value just inside an exclusive bound is then obvious.</summary>
    public bool IsIntegral { get; init; }

    public bool HasStringChecks => Pattern is not null || MinLength is not null || MaxLength is not null || AllowedValues is not null;

    public bool HasItemCountChecks => MinItems is not null || MaxItems is not null;
}
