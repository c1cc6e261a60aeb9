using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits <c>{ClientName}Schemas</c>: the spec's validation schemas as static <c>JsonSchema</c> data (one line per schema),
/// and a named entry point per model and per request body. The runtime's evaluator does the checking, so what is
/// generated is data, compiled once, that the server, the client and models' Validate share.
/// </summary>
internal static class SchemaEmitter
{
    private const string Schema = "global::ContractFirst.Validation.JsonSchema";
    private const string Types = "global::ContractFirst.Validation.JsonTypes.";

    public static string Emit(SpecModel spec)
    {
        var schemas = spec.Schemas;
        var w = SourceWriter.ForFile(spec.Namespace);
        w.Summary($"The JSON Schemas of {CSharp.DocLines(spec.FileName)[0]} that values are validated against: by the server before a handler runs, by the client before a request is sent, and by each model's Validate.");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ContractFirst\", \"" + GeneratorInfo.Version + "\")]");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"public static class {spec.SchemasClassName}");
        var fields = Order(schemas, out var references);
        foreach (var root in schemas.Roots)
        {
            w.Line($"public static {Schema} {root.Name} => {references[root.Node]};");
        }

        w.Line();
        w.NullableOff();
        w.Open("private static class Nodes");
        foreach (var (index, line) in fields)
        {
            w.Line($"internal static readonly {Schema} N{index.ToString(CultureInfo.InvariantCulture)} = {line};");
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string Reference(int node) => node switch
    {
        0 => Schema + ".True",
        1 => Schema + ".False",
        _ => "Nodes.N" + node.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The schemas in the order their static fields can be initialized: every schema after the ones it uses. A use that
    /// closes a cycle (recursion) is deferred: it reads the field when validation first needs it. Schemas that read the
    /// same (<c>{ "type": "string" }</c> under a thousand properties) share one field: a schema is written only if no
    /// schema before it has the same keywords over the same (shared) subschemas. <paramref name="references"/> says,
    /// for every node, the expression that reads it.
    /// </summary>
    private static List<(int Index, string Line)> Order(ValidationSchemas schemas, out string[] references)
    {
        var nodes = schemas.Nodes;
        var state = new byte[nodes.Count]; // 0 new, 1 on the stack, 2 written
        var refs = new string[nodes.Count];
        for (var i = 0; i < refs.Length && i < 2; i++) refs[i] = Reference(i);
        var deferred = new bool[nodes.Count]; // read by a deferred use before it was written: keeps its own field
        var written = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var output = new List<(int, string)>();
        var stack = new Stack<(int Node, int NextChild, List<int> Children)>();
        string Refer(int child)
        {
            if (child < 2 || state[child] == 2) return refs[child];
            deferred[child] = true;
            return $"{Schema}.Defer(static () => {Reference(child)}!)";
        }

        foreach (var root in schemas.Roots.Select(r => r.Node).Concat(Enumerable.Range(0, nodes.Count)))
        {
            if (root < 2 || state[root] != 0) continue;
            state[root] = 1;
            stack.Push((root, 0, Children(nodes[root]).ToList()));
            while (stack.Count > 0)
            {
                var (node, next, children) = stack.Pop();
                if (next < children.Count)
                {
                    stack.Push((node, next + 1, children));
                    var child = children[next];
                    if (child >= 2 && state[child] == 0)
                    {
                        state[child] = 1;
                        stack.Push((child, 0, Children(nodes[child]).ToList()));
                    }

                    continue;
                }

                var line = Write(nodes[node], Refer);
                state[node] = 2;
                if (!deferred[node] && (line == Schema + ".True" || line == Schema + ".False"))
                {
                    refs[node] = line;
                }
                else if (!deferred[node] && written.TryGetValue(line, out var same))
                {
                    refs[node] = same;
                }
                else
                {
                    refs[node] = Reference(node);
                    written[line] = refs[node];
                    output.Add((node, line));
                }
            }
        }

        references = refs;
        return output;
    }

    private static IEnumerable<int> Children(SchemaNode n)
    {
        foreach (var i in n.PrefixItems ?? ImmutableEquatableArray<int>.Empty) yield return i;
        if (n.Items is { } items) yield return items;
        if (n.Contains is { } contains) yield return contains;
        foreach (var p in n.Properties ?? ImmutableEquatableArray<NamedSchema>.Empty) yield return p.Node;
        if (n.AdditionalProperties is { } additional) yield return additional;
        foreach (var p in n.PatternProperties ?? ImmutableEquatableArray<PatternSchema>.Empty) yield return p.Node;
        if (n.PropertyNames is { } names) yield return names;
        foreach (var p in n.DependentSchemas ?? ImmutableEquatableArray<NamedSchema>.Empty) yield return p.Node;
        foreach (var i in n.AllOf ?? ImmutableEquatableArray<int>.Empty) yield return i;
        foreach (var i in n.AnyOf ?? ImmutableEquatableArray<int>.Empty) yield return i;
        foreach (var i in n.OneOf ?? ImmutableEquatableArray<int>.Empty) yield return i;
        if (n.Not is { } not) yield return not;
        if (n.If is { } @if) yield return @if;
        if (n.Then is { } then) yield return then;
        if (n.Else is { } @else) yield return @else;
    }

    private static string Write(SchemaNode n, System.Func<int, string> refer)
    {
        if (n.Never) return Schema + ".False";
        var parts = new List<string>();
        if (n.Types != SchemaTypes.None) parts.Add("Type = " + TypesOf(n.Types));
        if (n.Const is { } constant) parts.Add($"Const = global::ContractFirst.Validation.JsonValueSet.One({CSharp.StringLiteral(constant)})");
        if (n.Enum is { } values) parts.Add($"Enum = global::ContractFirst.Validation.JsonValueSet.Of({CSharp.StringLiteral("[" + string.Join(",", values) + "]")})");
        Number(parts, "Minimum", n.Minimum);
        Number(parts, "ExclusiveMinimum", n.ExclusiveMinimum);
        Number(parts, "Maximum", n.Maximum);
        Number(parts, "ExclusiveMaximum", n.ExclusiveMaximum);
        Number(parts, "MultipleOf", n.MultipleOf);
        Count(parts, "MinLength", n.MinLength);
        Count(parts, "MaxLength", n.MaxLength);
        if (n.Pattern is { } pattern) parts.Add("Pattern = " + Pattern(pattern));
        if (n.Format is { } format) parts.Add("Format = " + CSharp.StringLiteral(format));
        if (n.PrefixItems is { } prefix) parts.Add($"PrefixItems = new {Schema}[] {{ {string.Join(", ", prefix.Select(refer))} }}");
        if (n.Items is { } items) parts.Add("Items = " + refer(items));
        if (n.Contains is { } contains) parts.Add("Contains = " + refer(contains));
        Count(parts, "MinContains", n.MinContains);
        Count(parts, "MaxContains", n.MaxContains);
        Count(parts, "MinItems", n.MinItems);
        Count(parts, "MaxItems", n.MaxItems);
        if (n.UniqueItems) parts.Add("UniqueItems = true");
        if (n.Properties is { Count: > 0 } properties)
        {
            parts.Add($"Properties = new global::System.Collections.Generic.Dictionary<string, {Schema}> {{ {string.Join(", ", properties.Select(p => $"[{CSharp.StringLiteral(p.Name)}] = {refer(p.Node)}"))} }}");
        }

        if (n.Required is { Count: > 0 } required) parts.Add($"Required = new string[] {{ {string.Join(", ", required.Select(CSharp.StringLiteral))} }}");
        if (n.AdditionalProperties is { } additional) parts.Add("AdditionalProperties = " + refer(additional));
        if (n.PatternProperties is { Count: > 0 } patterns)
        {
            parts.Add($"PatternProperties = new global::System.Collections.Generic.KeyValuePair<global::ContractFirst.Validation.SchemaPattern, {Schema}>[] {{ {string.Join(", ", patterns.Select(p => $"new({Pattern(p.Pattern)}, {refer(p.Node)})"))} }}");
        }

        if (n.PropertyNames is { } names) parts.Add("PropertyNames = " + refer(names));
        Count(parts, "MinProperties", n.MinProperties);
        Count(parts, "MaxProperties", n.MaxProperties);
        if (n.DependentRequired is { Count: > 0 } dependentRequired)
        {
            parts.Add($"DependentRequired = new global::System.Collections.Generic.Dictionary<string, string[]> {{ {string.Join(", ", dependentRequired.Select(d => $"[{CSharp.StringLiteral(d.Name)}] = new string[] {{ {string.Join(", ", d.Required.Select(CSharp.StringLiteral))} }}"))} }}");
        }

        if (n.DependentSchemas is { Count: > 0 } dependentSchemas)
        {
            parts.Add($"DependentSchemas = new global::System.Collections.Generic.Dictionary<string, {Schema}> {{ {string.Join(", ", dependentSchemas.Select(d => $"[{CSharp.StringLiteral(d.Name)}] = {refer(d.Node)}"))} }}");
        }

        List(parts, "AllOf", n.AllOf, refer);
        List(parts, "AnyOf", n.AnyOf, refer);
        List(parts, "OneOf", n.OneOf, refer);
        if (n.Not is { } not) parts.Add("Not = " + refer(not));
        if (n.If is { } @if) parts.Add("If = " + refer(@if));
        if (n.Then is { } then) parts.Add("Then = " + refer(then));
        if (n.Else is { } @else) parts.Add("Else = " + refer(@else));
        return parts.Count == 0 ? Schema + ".True" : "new() { " + string.Join(", ", parts) + " }";
    }

    private static void List(List<string> parts, string keyword, ImmutableEquatableArray<int>? nodes, System.Func<int, string> refer)
    {
        if (nodes is { Count: > 0 }) parts.Add($"{keyword} = new {Schema}[] {{ {string.Join(", ", nodes.Select(refer))} }}");
    }

    private static string Pattern(SchemaPatternModel pattern)
        => $"new global::ContractFirst.Validation.SchemaPattern({CSharp.StringLiteral(pattern.Source)}, {CSharp.StringLiteral(pattern.Translated)})";

    private static void Count(List<string> parts, string keyword, long? value)
    {
        if (value is { } v) parts.Add($"{keyword} = {v.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>A decimal literal where decimal holds the number exactly, else a double literal.</summary>
    private static void Number(List<string> parts, string keyword, string? text)
    {
        if (text is null) return;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            parts.Add($"{keyword} = {d.ToString(CultureInfo.InvariantCulture)}m");
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && !double.IsInfinity(x) && !double.IsNaN(x))
        {
            parts.Add($"{keyword} = {x.ToString("E17", CultureInfo.InvariantCulture)}");
        }
    }

    private static string TypesOf(SchemaTypes types)
    {
        var names = new StringBuilder();
        foreach (var (flag, name) in new[]
                 {
                     (SchemaTypes.Null, "Null"), (SchemaTypes.Boolean, "Boolean"), (SchemaTypes.Object, "Object"), (SchemaTypes.Array, "Array"),
                     (SchemaTypes.Number, "Number"), (SchemaTypes.String, "String"), (SchemaTypes.Integer, "Integer"),
                 })
        {
            if ((types & flag) == 0) continue;
            if (names.Length > 0) names.Append(" | ");
            names.Append(Types).Append(name);
        }

        return names.ToString();
    }
}
