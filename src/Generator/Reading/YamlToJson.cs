using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using ContractFirst.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Converts a YAML document into a <see cref="JsonNode"/> tree, resolving plain scalars by the YAML 1.2 core schema
/// (null, booleans, integers, floats; everything else and every quoted scalar is a string). Anchors, aliases and merge
/// keys (<c>&lt;&lt;</c>) are supported. Microsoft.OpenApi then reads the tree with its JSON reader.
/// <para>
/// Hostile input is bounded: parts nested deeper than <see cref="ReadContext.MaxDepth"/> are dropped (skipped without
/// recursion), an alias or merge key that would take the document past its node budget is not expanded, a repeated key
/// is an issue (the last value is used), and cancellation is checked as the events are read. Each of these is a located
/// <see cref="ReadIssue"/>; the rest of the document is read. Text that libyaml reads and YamlDotNet does not is
/// repaired first (<see cref="YamlBlockScalars"/>), keeping every line and column.
/// </para>
/// </summary>
internal static class YamlToJson
{
    /// <summary>Reads YAML text, or throws <see cref="SpecSyntaxException"/> (for tests and tools: no limits are reported).</summary>
    public static JsonNode? Convert(string text) => Read(text, new ReadContext(text.Length, CancellationToken.None));

    public static JsonNode? Read(string text, ReadContext context)
    {
        var shift = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var source = YamlBlockScalars.Repair(shift == 0 ? text : text.Substring(1));
        source = YamlFlowNesting.Cut(source, context.MaxDepth, context.CancellationToken);
        var reader = new Reader(new Parser(new System.IO.StringReader(source)), context, shift);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException ex)
        {
            throw new SpecSyntaxException(reader.Position(ex.Start, 1), FirstSentence(ex.Message));
        }
        catch (Exception ex) when (ex is not (SpecSyntaxException or OperationCanceledException))
        {
            throw new SpecSyntaxException(reader.LastPosition, FirstSentence(ex.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line.Substring(0, 300) : line;
    }

    private sealed class Reader(IParser parser, ReadContext context, int line0Shift)
    {
        private const int NoRecord = -2;
        private readonly Dictionary<string, Anchor> _anchors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _reportedAliases = new(StringComparer.Ordinal);

        public TextPosition LastPosition { get; private set; }

        public TextPosition Position(Mark mark, int length)
        {
            var line = (int)Math.Max(0, mark.Line - 1);
            var column = (int)Math.Max(0, mark.Column - 1);
            return new TextPosition(line, column + (line == 0 ? line0Shift : 0), length);
        }

        public JsonNode? ReadDocument()
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(depth: 1, parent: -1, key: null, position: Position(parser.Current!.Start, 1), out var dropped, out _);
            parser.Consume<DocumentEnd>();
            return dropped ? null : root;
        }

        /// <param name="depth">The nesting depth a container here would have (the root's is 1).</param>
        /// <param name="parent">The source map entry of the parent (-1 for the root, <see cref="NoRecord"/> for keys).</param>
        /// <param name="key">The member name of the node in its mapping; null for sequence items and the root.</param>
        /// <param name="position">Where the node is located: its key for a member, its first character otherwise.</param>
        /// <param name="dropped">The node was not read (a limit); the caller leaves it out.</param>
        /// <param name="height">The nesting of containers in the node (0 for a scalar).</param>
        private JsonNode? ReadNode(int depth, int parent, string? key, TextPosition position, out bool dropped, out int height)
        {
            dropped = false;
            height = 0;
            var current = parser.Current ?? throw new YamlException("Unexpected end of the YAML stream.");
            LastPosition = Position(current.Start, 1);
            context.Count();

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return ReadAlias(alias, depth, parent, key, position, out dropped, out height);
            }

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                Record(parent, key, position);
                var value = ConvertScalar(scalar);
                Remember(scalar.Anchor, value, size: 1, height: 0);
                return value;
            }

            if (current is SequenceStart or MappingStart && depth > context.MaxDepth)
            {
                context.Report(ReadIssueKind.LimitExceeded, Position(current.Start, 1), key ?? "this value",
                    $"it is nested deeper than {context.MaxDepth} levels, and was not read");
                var anchor = ((NodeEvent)current).Anchor;
                if (!anchor.IsEmpty) _anchors[anchor.Value] = Anchor.Dropped;
                Skip();
                dropped = true;
                return null;
            }

            var before = context.Nodes;
            var index = Record(parent, key, position);
            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var itemPosition = Position(parser.Current!.Start, 1);
                    var item = ReadNode(depth + 1, index, null, itemPosition, out var itemDropped, out var itemHeight);
                    if (itemDropped) continue;
                    array.Add(item);
                    height = Math.Max(height, itemHeight);
                }

                height++;
                Remember(sequenceStart.Anchor, array, context.Nodes - before, height);
                return array;
            }

            if (parser.TryConsume<MappingStart>(out var mappingStart))
            {
                var obj = new JsonObject();
                List<(JsonObject Source, TextPosition Position)>? merges = null;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyEvent = parser.Current!;
                    var keyPosition = Position(keyEvent.Start, 1);
                    var keyNode = ReadNode(depth + 1, NoRecord, null, keyPosition, out var keyDropped, out _);
                    var name = keyNode switch
                    {
                        null => "null",
                        JsonValue v => v.ToString(),
                        _ => keyNode.ToJsonString(),
                    };
                    keyPosition = keyPosition with { Length = Math.Max(1, name.Length) };
                    var isMerge = name == "<<" && keyEvent is Scalar { Style: ScalarStyle.Plain };
                    var valueNode = ReadNode(depth + 1, isMerge ? NoRecord : index, name, keyPosition, out var valueDropped, out var valueHeight);
                    if (keyDropped || valueDropped) continue;
                    if (isMerge)
                    {
                        merges ??= new List<(JsonObject, TextPosition)>();
                        if (valueNode is JsonObject single) merges.Add((single, keyPosition));
                        else if (valueNode is JsonArray many)
                        {
                            foreach (var item in many) if (item is JsonObject m) merges.Add((m, keyPosition));
                        }

                        height = Math.Max(height, valueHeight - 1);
                        continue;
                    }

                    if (obj.ContainsKey(name))
                    {
                        context.Report(ReadIssueKind.DuplicateKey, keyPosition, name, "the key appears more than once in this mapping; the last value is used");
                    }

                    obj[name] = valueNode;
                    height = Math.Max(height, valueHeight);
                }

                if (merges is not null) Merge(obj, merges);
                height++;
                Remember(mappingStart.Anchor, obj, context.Nodes - before, height);
                return obj;
            }

            throw new YamlException(current.Start, current.End, $"Unexpected YAML event {current.GetType().Name}.");
        }

        private JsonNode? ReadAlias(AnchorAlias alias, int depth, int parent, string? key, TextPosition position, out bool dropped, out int height)
        {
            dropped = false;
            height = 0;
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"Unknown alias '*{alias.Value.Value}'.");
            }

            if (ReferenceEquals(target, Anchor.Dropped))
            {
                ReportAlias(alias, "the alias points at a part that was not read (too deep), and was not expanded");
                dropped = true;
                return null;
            }

            if (target.Height > 0 && depth + target.Height - 1 > context.MaxDepth)
            {
                ReportAlias(alias, $"the alias would nest the document deeper than {context.MaxDepth} levels, and was not expanded");
                dropped = true;
                return null;
            }

            if (context.WouldExceedNodes(target.Size))
            {
                ReportAlias(alias, $"expanding the alias would take the document past {context.MaxNodes} nodes (an alias bomb?), so it was not expanded");
                dropped = true;
                return null;
            }

            context.Count(target.Size);
            Record(parent, key, position);
            height = target.Height;
            return target.Node?.DeepClone();
        }

        /// <summary>Reports an alias that was not expanded, once per anchor (a bomb repeats its aliases many times).</summary>
        private void ReportAlias(AnchorAlias alias, string detail)
        {
            if (_reportedAliases.Add(alias.Value.Value))
            {
                context.Report(ReadIssueKind.LimitExceeded, Position(alias.Start, alias.Value.Value.Length + 1), "*" + alias.Value.Value, detail);
            }
        }

        /// <summary>Merge keys: members of the merged mappings that the mapping does not set itself, copied in order.</summary>
        private void Merge(JsonObject obj, List<(JsonObject Source, TextPosition Position)> merges)
        {
            foreach (var (source, position) in merges)
            {
                foreach (var pair in source)
                {
                    if (obj.ContainsKey(pair.Key)) continue;
                    var size = CountNodes(pair.Value);
                    if (context.WouldExceedNodes(size))
                    {
                        context.Report(ReadIssueKind.LimitExceeded, position, "<<",
                            $"merging would take the document past {context.MaxNodes} nodes, so the rest of the merge was not done");
                        return;
                    }

                    context.Count(size);
                    obj[pair.Key] = pair.Value?.DeepClone();
                }
            }
        }

        private static long CountNodes(JsonNode? node)
        {
            // The tree is bounded by the depth limit, so this recursion is too.
            long count = 1;
            switch (node)
            {
                case JsonObject obj:
                    foreach (var pair in obj) count += CountNodes(pair.Value);
                    break;
                case JsonArray array:
                    foreach (var item in array) count += CountNodes(item);
                    break;
            }

            return count;
        }

        /// <summary>Skips the current node and everything nested in it, without recursion.</summary>
        private void Skip()
        {
            var nesting = 0;
            do
            {
                context.Tick();
                var next = parser.Consume<ParsingEvent>();
                nesting += next.NestingIncrease;
            }
            while (nesting > 0);
        }

        private int Record(int parent, string? key, TextPosition position)
            => parent == NoRecord || context.Map is null ? NoRecord : context.Map.Add(parent, key, position);

        private void Remember(AnchorName anchor, JsonNode? node, long size, int height)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = new Anchor(node, Math.Max(1, size), height);
            }
        }
    }

    private sealed record Anchor(JsonNode? Node, long Size, int Height)
    {
        public static Anchor Dropped { get; } = new(null, 1, 0);
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
