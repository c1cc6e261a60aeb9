using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Converts a YAML document into a <see cref="JsonNode"/> tree, resolving plain scalars by the YAML 1.2 core schema
/// (null, booleans, integers, floats; everything else and every quoted scalar is a string). Anchors, aliases and merge
/// keys (<c>&lt;&lt;</c>) are supported. Microsoft.OpenApi then reads the tree with its JSON reader.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string text)
    {
        var parser = new Parser(new System.IO.StringReader(text));
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser, anchors);
        parser.Consume<DocumentEnd>();
        return root;
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"Unknown alias '*{alias.Value.Value}'.");
            }

            return target?.DeepClone();
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var value = ConvertScalar(scalar);
            Remember(anchors, scalar.Anchor, value);
            return value;
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors));
            }

            Remember(anchors, sequenceStart.Anchor, array);
            return array;
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var obj = new JsonObject();
            List<JsonObject>? merges = null;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current;
                var keyNode = ReadNode(parser, anchors);
                var key = keyNode switch
                {
                    null => "null",
                    JsonValue v => v.ToString(),
                    _ => keyNode.ToJsonString(),
                };
                var valueNode = ReadNode(parser, anchors);
                if (key == "<<" && keyEvent is Scalar { Style: ScalarStyle.Plain })
                {
                    merges ??= new List<JsonObject>();
                    if (valueNode is JsonObject single) merges.Add(single);
                    else if (valueNode is JsonArray many)
                    {
                        foreach (var item in many) if (item is JsonObject m) merges.Add(m);
                    }

                    continue;
                }

                // Duplicate keys: the last one wins, as most YAML readers do.
                obj[key] = valueNode;
            }

            if (merges is not null)
            {
                foreach (var merge in merges)
                {
                    foreach (var pair in merge)
                    {
                        if (!obj.ContainsKey(pair.Key)) obj[pair.Key] = pair.Value?.DeepClone();
                    }
                }
            }

            Remember(anchors, mappingStart.Anchor, obj);
            return obj;
        }

        var unexpected = parser.Current!;
        throw new YamlException(unexpected.Start, unexpected.End, $"Unexpected YAML event {unexpected.GetType().Name}.");
    }

    private static void Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static JsonNode? ConvertScalar(Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || (tag is null && scalar.Style != ScalarStyle.Plain))
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (LooksNumeric(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return JsonValue.Create(l);
            }

            if (text.StartsWith("0x", StringComparison.Ordinal) &&
                long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                return JsonValue.Create(hex);
            }

            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && !text.Contains("e") && !text.Contains("E"))
            {
                return JsonValue.Create(m);
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
            {
                return JsonValue.Create(d);
            }
        }

        return JsonValue.Create(text);
    }

    private static bool LooksNumeric(string text)
    {
        // Cheap pre-check; the TryParse calls decide ("1.0.0" and "2024-01-01" fail them and stay strings).
        var first = text[0];
        return char.IsDigit(first) || first is '-' or '+' or '.';
    }
}
