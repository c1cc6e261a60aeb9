namespace ContractFirst.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> through which the analyzer hands the code fixes
/// what it has already worked out. Values are invariant-culture text.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>CF1001: the nearest valid multiple below the value, when there is one within the bounds.</summary>
    public const string LowerMultiple = "LowerMultiple";

    /// <summary>CF1001: the nearest valid multiple above the value, when there is one within the bounds.</summary>
    public const string HigherMultiple = "HigherMultiple";

    /// <summary>CF1003: the value to clamp to (the violated bound, or the nearest valid value inside it).</summary>
    public const string ClampedValue = "ClampedValue";

    /// <summary>CF1003: "minimum" or "maximum", whichever is violated.</summary>
    public const string ViolatedBound = "ViolatedBound";

    /// <summary>CF1002: the allowed string that the user probably meant.</summary>
    public const string SuggestedValue = "SuggestedValue";

    /// <summary>CF1002: the allowed number nearest to the value.</summary>
    public const string SuggestedNumber = "SuggestedNumber";

    /// <summary>CF1002: the one allowed boolean, when the value is the other.</summary>
    public const string SuggestedBoolean = "SuggestedBoolean";

    /// <summary>CF1010: the spec's const, as JSON text.</summary>
    public const string ConstValue = "ConstValue";
}
