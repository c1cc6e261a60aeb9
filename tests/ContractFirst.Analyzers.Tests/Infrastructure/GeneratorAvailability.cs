using System;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContractFirst.Analyzers.Tests.Infrastructure;

/// <summary>
/// Finds the lead's incremental generator by name, so that this project compiles whether or not it exists yet.
/// </summary>
public static class GeneratorAvailability
{
    public const string GeneratorTypeName = "ContractFirst.Generator.OpenApiGenerator, ContractFirst.Generator";

    private static readonly Lazy<(Type? Type, string Reason)> Lookup = new(() =>
    {
        try
        {
            var type = Type.GetType(GeneratorTypeName, throwOnError: false);
            return type is not null && typeof(IIncrementalGenerator).IsAssignableFrom(type)
                ? (type, string.Empty)
                : (null, $"'{GeneratorTypeName}' is not an IIncrementalGenerator in the referenced ContractFirst.Generator build.");
        }
        catch (Exception exception)
        {
            return (null, exception.Message);
        }
    });

    public static bool IsAvailable => Lookup.Value.Type is not null;

    public static string Reason => Lookup.Value.Reason;

    public static IIncrementalGenerator? CreateGenerator() =>
        Lookup.Value.Type is { } type ? (IIncrementalGenerator)Activator.CreateInstance(type)! : null;
}

/// <summary>A fact that runs the real generator: skipped (with the reason) while the generator is not there.</summary>
public sealed class GeneratorFactAttribute : FactAttribute
{
    public GeneratorFactAttribute()
    {
        if (!GeneratorAvailability.IsAvailable)
        {
            Skip = "Needs the ContractFirst generator: " + GeneratorAvailability.Reason;
        }
    }
}
