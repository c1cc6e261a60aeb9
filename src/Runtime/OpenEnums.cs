using System;
using System.Collections.Generic;

namespace ContractFirst;

/// <summary>
/// A string enum from the spec, generated as a <c>readonly struct</c> that keeps values it does not know ("open" enum):
/// anything the server sends round-trips unchanged.
/// </summary>
/// <typeparam name="TSelf">The generated enum type.</typeparam>
public interface IOpenEnum<TSelf> where TSelf : struct, IOpenEnum<TSelf>
{
    /// <summary>Creates the value for a wire string, known to the spec or not.</summary>
    /// <param name="value">The wire value, exactly as sent.</param>
    static abstract TSelf FromWire(string value);

    /// <summary>
    /// The values that the spec lists, in spec order. Used for validation messages ("must be one of: …").
    /// Generated enums implement it; the default is empty.
    /// </summary>
    static virtual IReadOnlyList<string> KnownValues => Array.Empty<string>();

    /// <summary>The wire value. <see langword="null"/> only for <c>default(TSelf)</c>.</summary>
    string Value { get; }

    /// <summary>True when <see cref="Value"/> is one of the spec's values.</summary>
    bool IsKnown { get; }
}

/// <summary>An integer enum from the spec, generated as an open <c>readonly struct</c> (see <see cref="IOpenEnum{TSelf}"/>).</summary>
/// <typeparam name="TSelf">The generated enum type.</typeparam>
public interface IOpenIntEnum<TSelf> where TSelf : struct, IOpenIntEnum<TSelf>
{
    /// <summary>Creates the value for a wire number, known to the spec or not.</summary>
    /// <param name="value">The wire value.</param>
    static abstract TSelf FromWire(long value);

    /// <summary>The values that the spec lists, in spec order. Generated enums implement it; the default is empty.</summary>
    static virtual IReadOnlyList<long> KnownValues => Array.Empty<long>();

    /// <summary>The wire value.</summary>
    long Value { get; }

    /// <summary>True when <see cref="Value"/> is one of the spec's values.</summary>
    bool IsKnown { get; }
}
