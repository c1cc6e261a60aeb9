using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Emit;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>A schema's <c>default</c> as a C# literal of the property's type; null when it has none or it does not fit the type.</summary>
internal static class DefaultLiterals
{
    public static string? Of(JsonNode? value, TypeRef type)
    {
        if (value is not JsonValue jv) return null;
        var kind = jv.GetValueKind();
        var text = kind == JsonValueKind.String ? jv.GetValue<string>() : jv.ToJsonString();
        var isNumber = kind == JsonValueKind.Number;
        switch (type.Kind)
        {
            case TypeKind.Enum when type.Primitive == PrimitiveKind.Int64:
                return isNumber && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var el) ? $"new {type.Name}({el.ToString(CultureInfo.InvariantCulture)}L)" : null;
            case TypeKind.Enum:
                return kind == JsonValueKind.String ? $"new {type.Name}({CSharp.StringLiteral(text)})" : null;
            case TypeKind.Primitive:
                switch (type.Primitive)
                {
                    case PrimitiveKind.String:
                        return kind == JsonValueKind.String ? CSharp.StringLiteral(text) : null;
                    case PrimitiveKind.Boolean:
                        return kind switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => null };
                    case PrimitiveKind.Int32:
                        return isNumber && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : null;
                    case PrimitiveKind.Int64:
                        return isNumber && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) + "L" : null;
                    case PrimitiveKind.Decimal:
                        return isNumber && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m.ToString(CultureInfo.InvariantCulture) + "m" : null;
                    case PrimitiveKind.Double:
                    case PrimitiveKind.Float:
                        if (!isNumber || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsInfinity(d)) return null;
                        var literal = d.ToString("R", CultureInfo.InvariantCulture);
                        return type.Primitive == PrimitiveKind.Float ? literal + "f" : literal + "d";
                }

                return null;
            default:
                return null;
        }
    }
}
