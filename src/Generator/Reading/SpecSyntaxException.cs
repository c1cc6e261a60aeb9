using System;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>The text is not JSON or YAML where <see cref="Position"/> says (a zero-based line and column).</summary>
internal sealed class SpecSyntaxException(TextPosition position, string message) : Exception(message)
{
    public TextPosition Position { get; } = position;
}
