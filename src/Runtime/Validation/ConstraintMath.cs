namespace ContractFirst.Validation;

/// <summary>
/// The arithmetic of JSON Schema's constraints that the analyzers and the run-time checks both need. This one file is
/// compiled into ContractFirst.Runtime (<c>SchemaChecks</c>) and linked into ContractFirst.Analyzers (CF1005), so that a
/// constant the analyzer accepts is one the server accepts too. It builds for netstandard2.0 as well as for net8.0/net10.0.
/// </summary>
internal static class ConstraintMath
{
    /// <summary>
    /// The length of a string in Unicode code points, as JSON Schema counts it: a surrogate pair is one character, and so
    /// is a lone surrogate.
    /// </summary>
    public static int CodePointLength(string value)
    {
        var count = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
