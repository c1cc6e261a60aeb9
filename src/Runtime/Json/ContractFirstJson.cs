using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ContractFirst.Json;

/// <summary>Creates the <see cref="JsonSerializerOptions"/> behind each generated <c>{ClientName}Json.Options</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ContractFirstJson
{
    /// <summary>
    /// Creates read-only options that resolve the generated models first and then the primitives and collections of
    /// <see cref="RuntimeJsonContext"/>. They never fall back to reflection, so they work with
    /// <c>JsonSerializerIsReflectionEnabledByDefault=false</c>, in a trimmed and in a Native AOT publish.
    /// </summary>
    /// <param name="generated">The generated resolver for the spec's models.</param>
    /// <returns>Options that are already read-only (<see cref="JsonSerializerOptions.IsReadOnly"/>).</returns>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(generated, RuntimeJsonContext.Default),
            // Wire names are exact: generated converters write them as the spec spells them.
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Metadata for a value type handled wholly by a converter (how generated resolvers register each model).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="options">The options asking for it.</param>
    /// <param name="converter">The generated converter.</param>
    public static JsonTypeInfo<T> CreateValueInfo<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(options, converter);
}
