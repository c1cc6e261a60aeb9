using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContractFirst.Specs.Tests.Infrastructure;

/// <summary>
/// Converts a YAML document to a <see cref="JsonNode"/> with the YAML 1.2 core schema:
/// quoted, literal and folded scalars are always strings; a plain scalar becomes null, a boolean,
/// an integer or a float when it matches that type's pattern, and a string otherwise.
/// Explicit standard tags (<c>!!str</c>, <c>!!int</c>, …) win over the patterns.
/// </summary>
public static class YamlToJson
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    private static readonly Regex NullPattern = new("^(?:~|null|Null|NULL|)$", RegexOptions.CultureInvariant);
    private static readonly Regex TruePattern = new("^(?:true|True|TRUE)$", RegexOptions.CultureInvariant);
    private static readonly Regex FalsePattern = new("^(?:false|False|FALSE)$", RegexOptions.CultureInvariant);
    private static readonly Regex DecimalIntPattern = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex OctalIntPattern = new("^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex HexIntPattern = new("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(
        @"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex SpecialFloatPattern = new(
        @"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant);

    /// <summary>Parses <paramref name="yaml"/>, which must hold exactly one document.</summary>
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"Expected exactly one YAML document, found {stream.Documents.Count}.");
        }

        return ConvertNode(stream.Documents[0].RootNode);
    }

    private static JsonNode? ConvertNode(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ConvertNode).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new FormatException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new FormatException($"Only scalar mapping keys can be represented in JSON ({keyNode.Start}).");
            }

            if (result.ContainsKey(key))
            {
                throw new FormatException($"Duplicate key '{key}' at {keyNode.Start}.");
            }

            // JSON object keys are always strings, whatever the key scalar looks like.
            result[key] = ConvertNode(valueNode);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return ConvertTagged(scalar, text);
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (NullPattern.IsMatch(text))
        {
            return null;
        }

        if (TruePattern.IsMatch(text))
        {
            return JsonValue.Create(true);
        }

        if (FalsePattern.IsMatch(text))
        {
            return JsonValue.Create(false);
        }

        if (DecimalIntPattern.IsMatch(text) || OctalIntPattern.IsMatch(text) || HexIntPattern.IsMatch(text))
        {
            return ParseInteger(text, scalar);
        }

        if (FloatPattern.IsMatch(text))
        {
            return ParseFloat(text);
        }

        if (SpecialFloatPattern.IsMatch(text))
        {
            throw new FormatException($"'{text}' at {scalar.Start} has no JSON representation.");
        }

        return JsonValue.Create(text);
    }

    private static JsonNode? ConvertTagged(YamlScalarNode scalar, string text)
    {
        var tag = scalar.Tag.Value;
        switch (tag)
        {
            case TagPrefix + "str":
                return JsonValue.Create(text);
            case TagPrefix + "null":
                return null;
            case TagPrefix + "bool" when TruePattern.IsMatch(text):
                return JsonValue.Create(true);
            case TagPrefix + "bool" when FalsePattern.IsMatch(text):
                return JsonValue.Create(false);
            case TagPrefix + "int":
                return ParseInteger(text, scalar);
            case TagPrefix + "float" when FloatPattern.IsMatch(text):
                return ParseFloat(text);
            default:
                throw new FormatException($"Cannot convert '{text}' tagged {tag} at {scalar.Start} to JSON.");
        }
    }

    private static JsonNode ParseInteger(string text, YamlScalarNode scalar)
    {
        if (OctalIntPattern.IsMatch(text))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 8));
        }

        if (HexIntPattern.IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return JsonValue.Create(value);
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
        {
            return JsonValue.Create(big);
        }

        throw new FormatException($"'{text}' at {scalar.Start} is not an integer.");
    }

    private static JsonNode ParseFloat(string text)
    {
        // decimal keeps the literal exactly (0.1 stays 0.1); only huge exponents need a double.
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? JsonValue.Create(exact)
            : JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
