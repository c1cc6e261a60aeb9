namespace ContractFirst.Analyzers.Constraints;

/// <summary>
/// The constraints on one property, field or parameter, read from its attributes: those on its own value, and, in
/// <see cref="Items"/>, those on each item of a collection (attributes with <c>ItemDepth = 1</c>), whose own
/// <see cref="Items"/> hold the next depth. <c>minItems</c>/<c>maxItems</c> apply to a collection literal's count.
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

    /// <summary>The <c>const</c>: the one value allowed.</summary>
    public JsonLiteral? Const { get; init; }

    /// <summary>The constraints on each item of a collection (or value of a map), when there are any.</summary>
    public MemberConstraints? Items { get; init; }

    /// <summary>True when the value's type is integral: a value just inside an exclusive bound is then obvious.</summary>
    public bool IsIntegral { get; init; }
}
