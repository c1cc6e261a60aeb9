namespace ContractFirst.Generator.Model;

/// <summary>
/// A diagnostic as plain data: descriptor id, where it points (file, zero-based line and column span) and the message
/// arguments. Turned into a Roslyn <c>Diagnostic</c> only at the output step, so the model holds no Location.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string? FilePath,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    ImmutableEquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string id, string? filePath, TextPosition position, params string[] arguments)
        => new(id, filePath, position.Line, position.Column, position.Line, position.Column + System.Math.Max(1, position.Length), new ImmutableEquatableArray<string>(arguments));
}

/// <summary>A zero-based position in a spec file, with the length of what it points at.</summary>
internal readonly record struct TextPosition(int Line, int Column, int Length)
{
    public static TextPosition Start { get; } = new(0, 0, 1);
}
