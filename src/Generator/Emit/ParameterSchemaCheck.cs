using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// The one statement that checks a parameter's value against its schema (<see cref="ParameterModel.Schema"/>), with JSON
/// Schema's meaning: written by the server's binding for the value it parsed and by the client for the value it is about
/// to send, so that both mean the same.
/// </summary>
internal static class ParameterSchemaCheck
{
    private const string Checks = "global::ContractFirst.Validation.ParameterSchema.";

    /// <summary>
    /// The statement (one line, no line break), or null when the parameter keeps its typed checks: it has no schema, or it is
    /// a collection of models (shapes no query carries as scalars).
    /// </summary>
    /// <param name="m">The parameter.</param>
    /// <param name="schemasClass">The spec's schema table class.</param>
    /// <param name="typeInfo">The expression of the parameter type's JSON type info (used for a generated model or union).</param>
    /// <param name="v">The value's variable.</param>
    /// <param name="context">The validation context's variable.</param>
    /// <param name="field">The field's C# string literal.</param>
    /// <returns>The statement, or null.</returns>
    public static string? Statement(ParameterModel m, string schemasClass, string typeInfo, string v, string context, string field)
    {
        if (m.Schema is not { } schema || ContainsModel(m.Type.Item)) return null;
        var node = schemasClass + "." + schema;
        if (m.Type.Kind == TypeKind.Model) return $"{node}.Validate({v}, {typeInfo}, {context}, {field});"; // written with its own type info, then checked
        if (m.Type is { Kind: TypeKind.Array, Item.Kind: TypeKind.Enum }) return $"{Checks}CheckItems({node}, {v}, static e => e.Value, {context}, {field});";
        return $"{Checks}Check({node}, {(m.Type.Kind == TypeKind.Enum ? v + ".Value" : v)}, {context}, {field});";
    }

    private static bool ContainsModel(TypeRef? type) => type is not null && (type.Kind == TypeKind.Model || ContainsModel(type.Item));
}
