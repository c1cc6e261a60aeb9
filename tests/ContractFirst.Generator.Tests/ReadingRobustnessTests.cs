using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ContractFirst.Generator.Model;
using ContractFirst.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// The reading layer on hostile and sloppy input (issue 14, and issue 11's reading part): every case finishes, promptly,
/// with located diagnostics (inside the file, at the node that caused them), and the rest of the spec still generates.
/// Each case runs the generator end to end on a small spec of its own.
/// </summary>
public class ReadingRobustnessTests(ITestOutputHelper output)
{
    private const int Deep = 1000;

    private const string Header = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Fine:\n      type: object\n      properties:\n        name: {type: string}\n";

    private GeneratorHarness.Result Run(string path, string text, string generate = "Models")
    {
        var watch = Stopwatch.StartNew();
        var result = GeneratorHarness.Run(new[] { new SpecFile(path, text, Namespace: "Robust", ClientName: "RobustClient", Generate: generate) });
        output.WriteLine($"{path}: {watch.ElapsedMilliseconds} ms");
        foreach (var d in result.GeneratorDiagnostics.Take(30)) output.WriteLine(d.ToString());
        foreach (var d in result.CompileErrors.Take(10)) output.WriteLine(d.ToString());
        return result;
    }

    /// <summary>No internal error, no compile error, and the schema beside the bad part is generated.</summary>
    private static void AssertRestGenerates(GeneratorHarness.Result result, string type = "Fine")
    {
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CF0007" or "CF0001");
        Assert.Empty(result.CompileErrors);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith("." + type + ".g.cs", StringComparison.Ordinal));
    }

    /// <summary>The diagnostic points at a character of the file: a line that exists, a column inside it.</summary>
    private static LinePosition AssertInside(Diagnostic diagnostic, string text)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(span.IsValid, diagnostic.ToString());
        var lines = text.Split('\n');
        var start = span.StartLinePosition;
        Assert.InRange(start.Line, 0, lines.Length - 1);
        Assert.InRange(start.Character, 0, Math.Max(0, lines[start.Line].TrimEnd('\r').Length - 1));
        return start;
    }

    private static Diagnostic Single(GeneratorHarness.Result result, string id)
    {
        var found = result.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got {found.Count}: " + string.Join("; ", result.GeneratorDiagnostics));
        return found[0];
    }

    // ---- 1,000-deep nesting ------------------------------------------------------------------------------------------

    /// <summary>A 1,000-deep value of each kind, as JSON text (which is also YAML flow syntax).</summary>
    private static string DeepValue(string kind, int depth)
    {
        var builder = new StringBuilder();
        switch (kind)
        {
            case "allOf":
                for (var i = 0; i < depth; i++) builder.Append("{\"allOf\": [");
                builder.Append("{\"type\": \"string\"}");
                for (var i = 0; i < depth; i++) builder.Append("]}");
                break;
            case "not":
                for (var i = 0; i < depth; i++) builder.Append("{\"not\": ");
                builder.Append("{}");
                for (var i = 0; i < depth; i++) builder.Append('}');
                break;
            case "arrays":
                builder.Append("{\"type\": \"array\", \"example\": ");
                for (var i = 0; i < depth; i++) builder.Append('[');
                builder.Append('1');
                for (var i = 0; i < depth; i++) builder.Append(']');
                builder.Append('}');
                break;
            case "objects":
                for (var i = 0; i < depth; i++) builder.Append("{\"type\": \"object\", \"properties\": {\"a\": ");
                builder.Append("{\"type\": \"string\"}");
                for (var i = 0; i < depth; i++) builder.Append("}}");
                break;
        }

        return builder.ToString();
    }

    [Theory]
    [InlineData("allOf", "yaml")]
    [InlineData("not", "yaml")]
    [InlineData("arrays", "yaml")]
    [InlineData("objects", "yaml")]
    [InlineData("allOf", "json")]
    [InlineData("not", "json")]
    [InlineData("arrays", "json")]
    [InlineData("objects", "json")]
    public void Thousand_deep_nesting_is_cut_at_the_depth_limit_with_a_located_warning_and_the_rest_generates(string kind, string format)
    {
        var deep = DeepValue(kind, Deep);
        var text = format == "yaml"
            ? Header + "    Deep: " + deep + "\n"
            : "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {},\n  \"components\": {\"schemas\": {\n    \"Fine\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}},\n    \"Deep\": " + deep + "\n  }}\n}\n";
        var watch = Stopwatch.StartNew();
        var result = Run("/specs/deep-" + kind + "." + format, text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), watch.Elapsed.ToString());
        AssertRestGenerates(result);
        var warning = Single(result, "CF0021");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var at = AssertInside(warning, text);
        var deepLine = text.Split('\n').ToList().FindIndex(l => l.Contains("Deep"));
        Assert.Equal(deepLine, at.Line);
        Assert.True(at.Character > 100, $"column {at.Character}: the warning points at the 129th level, not at the schema");
        Assert.Contains("128", warning.GetMessage());
    }

    [Fact]
    public void Thousand_deep_block_style_yaml_is_cut_at_the_line_of_the_first_level_too_deep()
    {
        var text = new StringBuilder(Header).Append("    Deep:\n");
        for (var i = 0; i < Deep; i++) text.Append(' ', 6 + 2 * i).Append("not:\n");
        text.Append(' ', 6 + 2 * Deep).Append("type: string\n");
        var result = Run("/specs/deep-block.yaml", text.ToString());

        AssertRestGenerates(result);
        var at = AssertInside(Single(result, "CF0021"), text.ToString());

        // Depth 1 is the document, 2 components, 3 schemas, 4 Deep; the value of the nth "not" (on line 10 + n) is at
        // depth 4 + n, so the first one too deep (129) is on line 10 + 125.
        Assert.Equal(10 + (129 - 4), at.Line);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Nesting_100000_deep_is_read_without_recursion_into_one_issue(bool yaml)
    {
        // Recursion per level would overflow the stack long before this (the process would die, not the test); and
        // YamlDotNet's scanner, left to scan 100,000 flow levels, takes about a minute (YamlFlowNesting keeps it short).
        var text = "{\"a\": " + new string('[', 100_000) + new string(']', 100_000) + ", \"b\": 1}";
        var context = new ReadContext(text.Length, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var root = DocumentReader.Read(text, yaml, context)!;

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), watch.Elapsed.ToString());
        var issue = Assert.Single(context.Issues);
        Assert.Equal(ReadIssueKind.LimitExceeded, issue.Kind);
        Assert.Equal(new TextPosition(0, 6 + 127, 1), issue.Position with { Length = 1 });
        Assert.Equal("1", root["b"]!.ToJsonString());
    }

    [Fact]
    public void A_valid_100_deep_json_spec_reads_whole()
    {
        // JsonNode.Parse stops at 64 levels; the reader takes any depth up to the limit.
        var text = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\n" +
                   "\"Fine\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}},\n" +
                   "\"Deep\": {\"type\": \"object\", \"x-data\": " + new string('[', 100) + "1" + new string(']', 100) + "}}}}";
        var result = Run("/specs/hundred.json", text);

        AssertRestGenerates(result);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CF0021");
        var diagnostics = new List<DiagnosticInfo>();
        var loader = new SpecLoader("/specs/hundred.json", text, new Dictionary<string, string>(), diagnostics);
        Assert.NotNull(loader.Load());
        JsonNode? node = loader.Root!["components"]!["schemas"]!["Deep"]!["x-data"];
        var depth = 0;
        while (node is JsonArray array)
        {
            depth++;
            node = array[0];
        }

        Assert.Equal(100, depth);
    }

    // ---- YAML aliases ----------------------------------------------------------------------------------------------

    [Fact]
    public void A_billion_laughs_alias_bomb_finishes_fast_with_a_located_warning_and_the_rest_generates()
    {
        var text = new StringBuilder(Header).Append("x-lol:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var c = 'b'; c <= 'i'; c++) text.Append($"  {c}: &{c} [*{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}]\n");
        var spec = text.ToString();
        Assert.True(spec.Length < 2000);

        var watch = Stopwatch.StartNew();
        var result = Run("/specs/lol.yaml", spec);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), watch.Elapsed.ToString());
        AssertRestGenerates(result);
        var warnings = result.GeneratorDiagnostics.Where(d => d.Id == "CF0021").ToList();
        Assert.NotEmpty(warnings);
        Assert.True(warnings.Count <= 9, warnings.Count + " warnings: one per alias at most");
        foreach (var warning in warnings)
        {
            var at = AssertInside(warning, spec);
            Assert.StartsWith("*", spec.Split('\n')[at.Line].Substring(at.Character));
        }
    }

    [Fact]
    public void A_chain_of_aliases_that_nests_past_the_depth_limit_is_cut_at_the_alias()
    {
        var text = new StringBuilder(Header).Append("x-chain:\n  l0: &l0 [x]\n");
        for (var i = 1; i <= 200; i++) text.Append($"  l{i}: &l{i} [*l{i - 1}]\n");
        var result = Run("/specs/chain.yaml", text.ToString());

        AssertRestGenerates(result);
        var at = AssertInside(Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CF0021"), text.ToString());
        Assert.StartsWith("*l", text.ToString().Split('\n')[at.Line].Substring(at.Character));
    }

    [Fact]
    public void Aliases_and_merge_keys_within_the_limits_read_as_before()
    {
        var node = YamlToJson.Convert("base: &base {type: string, minLength: 1}\nuse: *base\nmerged:\n  <<: *base\n  minLength: 2\n")!;

        Assert.Equal("{\"type\":\"string\",\"minLength\":1}", node["use"]!.ToJsonString());
        Assert.Equal("{\"minLength\":2,\"type\":\"string\"}", node["merged"]!.ToJsonString());
    }

    // ---- duplicate keys --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public void A_duplicate_key_is_a_located_warning_not_an_internal_error(string format)
    {
        var text = format == "yaml"
            ? Header + "    Pet: {type: object, properties: {a: {type: string}}}\n    Pet:\n      type: object\n      properties: {b: {type: string}}\n"
            : "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {},\n  \"components\": {\"schemas\": {\n    \"Fine\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}},\n    \"Pet\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}},\n    \"Pet\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"string\"}}}\n  }}\n}\n";
        var result = Run("/specs/dup." + format, text);

        AssertRestGenerates(result);
        AssertRestGenerates(result, "Pet");
        var warning = Single(result, "CF0020");
        Assert.Contains("'Pet'", warning.GetMessage());
        var at = AssertInside(warning, text);
        var lines = text.Split('\n');
        Assert.Equal(Array.FindLastIndex(lines, l => l.Contains("Pet")), at.Line);
        Assert.Equal(lines[at.Line].IndexOf(format == "yaml" ? "Pet" : "\"Pet\"", StringComparison.Ordinal), at.Character);

        // The last value is used.
        var pet = result.Sources.First(s => s.HintName.EndsWith(".Pet.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains(" B ", pet);
        Assert.DoesNotContain(" A ", pet);
    }

    // ---- YAML that libyaml reads -----------------------------------------------------------------------------------

    [Fact]
    public void A_literal_block_whose_first_line_holds_only_the_indentation_reads_as_libyaml_reads_it()
    {
        // YamlDotNet: "While scanning a literal block scalar, found extra spaces in first line". libyaml (PyYAML's
        // CSafeLoader) reads {'a': '\ntext\n', 'b': 1}, and the same for '- |' items and for blank lines with fewer spaces.
        Assert.Equal("\ntext\n", YamlToJson.Convert("a: |\n    \n    text\nb: 1\n")!["a"]!.GetValue<string>());
        Assert.Equal("\ntext\n", YamlToJson.Convert("a: |\n  \n    text\nb: 1\n")!["a"]!.GetValue<string>());
        Assert.Equal("\n\nt\n", YamlToJson.Convert("- |\n   \n   \n   t\n- 2\n")![0]!.GetValue<string>());
        Assert.Equal("\ntext\n", YamlToJson.Convert("a: >\n    \n    text\nb: 1\n")!["a"]!.GetValue<string>());

        // No content line at all (seen in OpenAI's spec): libyaml reads '\n'.
        var empty = YamlToJson.Convert("x:\n  example: |+\n            \n  nullable: true\n")!;
        Assert.Equal("\n", empty["x"]!["example"]!.GetValue<string>());
        Assert.True(empty["x"]!["nullable"]!.GetValue<bool>());

        // An indentation indicator, CRLF line breaks, and a Markdown table in a block are left as they are.
        Assert.Equal(" a\n", YamlToJson.Convert("a: |1\n  a\n")!["a"]!.GetValue<string>());
        Assert.Equal("\ntext\n", YamlToJson.Convert("a: |\r\n    \r\n    text\r\nb: 1\r\n")!["a"]!.GetValue<string>());
        Assert.Equal("| x |\n    \n  more\n", YamlToJson.Convert("a: |\n  | x |\n      \n    more\n")!["a"]!.GetValue<string>());
    }

    [Fact]
    public void A_spec_with_such_a_block_generates_and_later_diagnostics_keep_their_lines_and_columns()
    {
        var text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n  description: |\n      \n      Text.\npaths: {}\ncomponents:\n  schemas:\n    Fine:\n      type: object\n      properties:\n        name: {type: string, maxLength: ten}\n";
        var result = Run("/specs/block.yaml", text);

        AssertRestGenerates(result);
        var at = AssertInside(Single(result, "CF0022"), text);
        Assert.Equal(13, at.Line);
        Assert.Equal(text.Split('\n')[13].IndexOf("maxLength", StringComparison.Ordinal), at.Character);
    }

    [Fact]
    public void A_leading_blank_line_with_more_spaces_than_the_content_is_still_an_error_located_in_the_block()
    {
        // yaml-test-suite W9L4: libyaml rejects it too.
        var text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n  description: |\n        \n      Text.\npaths: {}\n";
        var result = Run("/specs/w9l4.yaml", text);

        var error = Single(result, "CF0001");
        var at = AssertInside(error, text);
        Assert.InRange(at.Line, 5, 7);
    }

    // ---- text encodings --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public void A_byte_order_mark_is_read_and_columns_on_the_first_line_still_count_it(string format)
    {
        var text = format == "yaml"
            ? "\uFEFF" + Header + "    Other: {type: object, properties: {x: {type: string, maxLength: ten}}}\n"
            : "\uFEFF{\"openapi\": \"3.0.3\", \"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Fine\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}}}}";
        var result = Run("/specs/bom." + format, text);

        AssertRestGenerates(result);
        if (format == "json")
        {
            var at = AssertInside(Single(result, "CF0020"), text);
            Assert.Equal(0, at.Line);
            Assert.Equal(text.IndexOf("\"openapi\"", 5, StringComparison.Ordinal), at.Character);
        }
        else
        {
            var at = AssertInside(Single(result, "CF0022"), text);
            Assert.Equal(text.Split('\n')[at.Line].IndexOf("maxLength", StringComparison.Ordinal), at.Character);
        }
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public void Bytes_that_are_not_utf8_are_a_located_warning_and_the_spec_still_generates(string format)
    {
        var before = format == "yaml"
            ? Header.Replace("info: {title: t, version: '1'}", "info:\n  title: t\n  version: '1'\n  description: 'caf")
            : "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\", \"description\": \"caf";
        var after = format == "yaml"
            ? "'\n"
            : "\"},\n  \"paths\": {},\n  \"components\": {\"schemas\": {\"Fine\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}}}\n}\n";
        if (format == "yaml")
        {
            // Keep the YAML valid: the description is closed on its own line, the rest follows.
            var parts = before.Split("description: 'caf");
            before = parts[0] + "description: 'caf";
            after = "'\n" + parts[1].TrimStart('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(before).Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes(after)).ToArray();

        // What an editor or the compiler holds after decoding with replacement.
        var text = new UTF8Encoding(false, false).GetString(bytes);
        var result = Run("/specs/latin." + format, text);

        AssertRestGenerates(result);
        var warning = Single(result, "CF0002");
        Assert.Contains("UTF-8", warning.GetMessage());
        var at = AssertInside(warning, text);
        Assert.Equal(text.Split('\n')[at.Line].IndexOf('\uFFFD'), at.Character);
    }

    // ---- numbers and keyword types (issue 11) ----------------------------------------------------------------------

    [Theory]
    [InlineData("yaml", "minLength", "2.0")]
    [InlineData("json", "minLength", "2.0")]
    [InlineData("yaml", "maxLength", "2.0")]
    [InlineData("yaml", "minItems", "2.0")]
    [InlineData("json", "maxItems", "2.0")]
    [InlineData("yaml", "minProperties", "2.0")]
    [InlineData("json", "maxProperties", "2e0")]
    [InlineData("yaml", "minContains", "2.0")]
    [InlineData("json", "maxContains", "2.00")]
    public void An_integer_keyword_written_as_2_point_0_reads_as_2(string format, string keyword, string written)
    {
        var schema = keyword.Contains("Length") ? "\"type\": \"string\"" : keyword.Contains("Items") || keyword.Contains("Contains") ? "\"type\": \"array\", \"items\": {\"type\": \"string\"}" : "\"type\": \"object\"";
        var text = format == "yaml"
            ? (keyword.Contains("Contains") ? Header.Replace("3.0.3", "3.1.0") : Header) + "    Two: {" + schema + ", " + keyword + ": " + written + "}\n"
            : "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Fine\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}},\n \"Two\": {" + schema + ", \"" + keyword + "\": " + written + "}}}}";
        var result = Run("/specs/two." + format, text);

        AssertRestGenerates(result);
        Assert.Empty(result.GeneratorDiagnostics);
        var diagnostics = new List<DiagnosticInfo>();
        var loader = new SpecLoader("/specs/two." + format, text, new Dictionary<string, string>(), diagnostics);
        var document = loader.Load()!;
        Assert.Equal("2", loader.Root!["components"]!["schemas"]!["Two"]![keyword]!.ToJsonString());
        var two = document.Components!.Schemas!["Two"];
        var read = keyword switch
        {
            "minLength" => two.MinLength,
            "maxLength" => two.MaxLength,
            "minItems" => two.MinItems,
            "maxItems" => two.MaxItems,
            "minProperties" => two.MinProperties,
            "maxProperties" => two.MaxProperties,
            _ => (int?)2, // minContains/maxContains: kept in the tree for the validator; the object model has no property
        };
        Assert.Equal(2, read);
    }

    [Fact]
    public void Generated_code_carries_the_integer_that_2_point_0_means()
    {
        var result = Run("/specs/len.yaml", Header.Replace("name: {type: string}", "name: {type: string, minLength: 2.0}"));

        AssertRestGenerates(result);
        Assert.Contains("MinLength(2)", result.Source(".Fine.g.cs"));
    }

    [Theory]
    [InlineData("maxLength: ten", "maxLength")]
    [InlineData("maxLength: -1", "maxLength")]
    [InlineData("minimum: five", "minimum")]
    [InlineData("multipleOf: 0", "multipleOf")]
    [InlineData("pattern: {a: 1}", "pattern")]
    [InlineData("required: true", "required")]
    [InlineData("enum: red", "enum")]
    [InlineData("type: strin", "type")]
    [InlineData("nullable: maybe", "nullable")]
    [InlineData("uniqueItems: 5", "uniqueItems")]
    [InlineData("allOf: {type: string}", "allOf")]
    [InlineData("items: 5", "items")]
    [InlineData("additionalProperties: 5", "additionalProperties")]
    [InlineData("exclusiveMinimum: x", "exclusiveMinimum")]
    public void A_keyword_with_a_wrong_type_is_a_located_warning_and_the_rest_generates(string keyword, string name)
    {
        var text = Header.Replace("name: {type: string}", "name: {type: string}\n        other: {type: string}") + "    Odd:\n      type: object\n      properties:\n        v:\n          " + keyword + "\n        w: {type: integer}\n";
        var result = Run("/specs/odd.yaml", text);

        AssertRestGenerates(result);
        AssertRestGenerates(result, "Odd");
        Assert.Contains("W ", result.Source(".Odd.g.cs"));
        var warning = Single(result, "CF0022");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var at = AssertInside(warning, text);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith(keyword, StringComparison.Ordinal)), at.Line);
        Assert.Equal(10, at.Character);
        Assert.Contains("'" + name + "'", warning.GetMessage());
    }

    [Fact]
    public void Numbers_and_booleans_written_as_strings_are_read_as_what_they_say_with_a_warning()
    {
        var text = Header.Replace("name: {type: string}", "name: {type: string, maxLength: '10', nullable: 'true'}");
        var result = Run("/specs/strings.yaml", text);

        AssertRestGenerates(result);
        Assert.Equal(2, result.GeneratorDiagnostics.Count(d => d.Id == "CF0022"));
        Assert.Contains("MaxLength(10)", result.Source(".Fine.g.cs"));
    }

    [Fact]
    public void A_wrong_typed_boolean_of_a_parameter_is_a_located_warning_not_a_lost_document()
    {
        // Microsoft.OpenApi throws on "required: maybe" (String 'maybe' was not recognized as a valid Boolean).
        var text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - {name: q, in: query, required: maybe, schema: {type: string}}\n      responses:\n        '200': {description: ok}\n";
        var result = Run("/specs/param.yaml", text, "Models;Client");

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CF0001" or "CF0007");
        Assert.Empty(result.CompileErrors);
        Assert.Contains(result.Sources, s => s.SourceText.ToString().Contains("GetAAsync"));
        var at = AssertInside(Single(result, "CF0022"), text);
        Assert.Equal(7, at.Line);
    }

    [Fact]
    public void Exclusive_bounds_are_read_in_the_form_of_the_documents_version()
    {
        Schema("3.0.3", "{type: number, exclusiveMinimum: 5}", out var root30);
        Assert.Equal("{\"type\":\"number\",\"exclusiveMinimum\":true,\"minimum\":5}", root30.ToJsonString());
        Schema("3.0.3", "{type: number, minimum: 7, exclusiveMinimum: 5}", out var stricterMinimum);
        Assert.Equal("{\"type\":\"number\",\"minimum\":7}", stricterMinimum.ToJsonString());
        Schema("3.1.0", "{type: number, minimum: 5, exclusiveMinimum: true}", out var root31);
        Assert.Equal("{\"type\":\"number\",\"exclusiveMinimum\":5}", root31.ToJsonString());
        Schema("3.1.0", "{type: number, maximum: 5, exclusiveMaximum: false}", out var notExclusive);
        Assert.Equal("{\"type\":\"number\",\"maximum\":5}", notExclusive.ToJsonString());
    }

    private static Microsoft.OpenApi.IOpenApiSchema Schema(string version, string schema, out JsonNode tree)
    {
        var text = $"openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    S: {schema}\n";
        var diagnostics = new List<DiagnosticInfo>();
        var loader = new SpecLoader("/specs/s.yaml", text, new Dictionary<string, string>(), diagnostics);
        var document = loader.Load();
        Assert.True(document is not null, string.Join("; ", diagnostics));
        Assert.Empty(diagnostics);
        tree = loader.Root!["components"]!["schemas"]!["S"]!;
        return document!.Components!.Schemas!["S"];
    }

    // ---- boolean schemas -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("3.1.0")]
    [InlineData("3.0.3")]
    public void Boolean_schemas_anywhere_a_schema_goes_keep_their_meaning_and_nothing_is_dropped(string version)
    {
        var text = $$"""
            openapi: {{version}}
            info: {title: t, version: '1'}
            paths:
              /things:
                post:
                  operationId: postThing
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Thing'}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: true
                    '400':
                      description: never
                      content:
                        application/json:
                          schema: false
            components:
              schemas:
                Anything: true
                Nothing: false
                Thing:
                  type: object
                  properties:
                    foo: false
                    bar: true
                    list: {type: array, items: true}
                    both: {allOf: [true, {type: string}]}
                    never: {not: true}
                    always: {not: false}
                    name: {type: string}
            """;
        var result = Run("/specs/bool.yaml", text, "Models;Client");

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CF0001" or "CF0007" or "CF0022");
        Assert.Empty(result.CompileErrors);
        Assert.Contains(result.Sources, s => s.SourceText.ToString().Contains("PostThingAsync"));
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Thing.g.cs", StringComparison.Ordinal));

        // The tree the validation schemas are read from: true is {}, false is {"not": {}}.
        var diagnostics = new List<DiagnosticInfo>();
        var loader = new SpecLoader("/specs/bool.yaml", text, new Dictionary<string, string>(), diagnostics);
        Assert.NotNull(loader.Load());
        var schemas = loader.Root!["components"]!["schemas"]!;
        Assert.Equal("{}", schemas["Anything"]!.ToJsonString());
        Assert.Equal("{\"not\":{}}", schemas["Nothing"]!.ToJsonString());
        var properties = schemas["Thing"]!["properties"]!;
        Assert.Equal("{\"not\":{}}", properties["foo"]!.ToJsonString());
        Assert.Equal("{}", properties["bar"]!.ToJsonString());
        Assert.Equal("{}", properties["list"]!["items"]!.ToJsonString());
        Assert.Equal("[{},{\"type\":\"string\"}]", properties["both"]!["allOf"]!.ToJsonString());
        Assert.Equal("{}", properties["never"]!["not"]!.ToJsonString());
        Assert.Equal("{\"not\":{\"not\":{}}}", properties["always"]!.ToJsonString());
        var responses = loader.Root!["paths"]!["/things"]!["post"]!["responses"]!;
        Assert.Equal("{}", responses["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString());
        Assert.Equal("{\"not\":{}}", responses["400"]!["content"]!["application/json"]!["schema"]!.ToJsonString());
    }

    [Fact]
    public void A_property_named_like_a_keyword_is_not_taken_for_one()
    {
        var text = Header.Replace("name: {type: string}", "name: {type: string}\n        maxLength: {type: string}\n        required: {type: boolean}\n        items: {type: string}");
        var result = Run("/specs/names.yaml", text);

        AssertRestGenerates(result);
        Assert.Empty(result.GeneratorDiagnostics);
        var fine = result.Source(".Fine.g.cs");
        Assert.Contains(" MaxLength ", fine);
        Assert.Contains(" Required ", fine);
        Assert.Contains(" Items ", fine);
    }

    // ---- cancellation ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public void A_cancelled_token_stops_the_reading_inside_its_loops(string format)
    {
        // 20,000 properties: far more nodes than the reader reads between two checks of the token.
        var properties = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"\"p{i}\": {{\"type\": \"string\"}}"));
        var text = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Big\": {\"type\": \"object\", \"properties\": {" + properties + "}}}}}";
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // The readers check the token as they go (a reader that ignored it would return the tree).
        Assert.Throws<OperationCanceledException>(() => DocumentReader.Read(text, format == "yaml", new ReadContext(text.Length, cancelled.Token)));

        // So does the whole load, and the source map a diagnostic needs.
        var loader = new SpecLoader("/specs/big." + format, text, new Dictionary<string, string>(), new List<DiagnosticInfo>(), cancelled.Token);
        Assert.Throws<OperationCanceledException>(() => loader.Load());
        Assert.Throws<OperationCanceledException>(() => SourceLocator.Map(text, format == "yaml", cancelled.Token));
    }

    [Fact]
    public void The_schema_walk_checks_the_token_too()
    {
        var root = new JsonObject { ["openapi"] = "3.0.3", ["components"] = new JsonObject { ["schemas"] = new JsonObject() } };
        var schemas = root["components"]!["schemas"]!.AsObject();
        for (var i = 0; i < 5000; i++) schemas["S" + i] = new JsonObject { ["type"] = "string" };
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new SpecNormalizer(false, false, (_, _, _) => { }, cancelled.Token).Normalize(root));
    }

    [Theory]
    [InlineData(200)]   // while reading
    [InlineData(2500)]  // later: building the model, reading the schemas or writing the one huge type
    public void A_token_cancelled_during_a_run_stops_the_generator_promptly(int cancelAfterMs)
    {
        // A large spec (about 4 MB, 100,000 properties, a whole run takes several seconds): the run is cancelled part of
        // the way in and must stop soon after, with OperationCanceledException (or, had it finished first, with
        // output), never a hang. The token is cancelled from a dedicated thread, not a thread-pool timer, so that a
        // busy test machine delays the cancellation itself no more than it delays the generator; the time is measured
        // from the cancellation.
        var properties = string.Join(",\n", Enumerable.Range(0, 100_000).Select(i => $"\"p{i}\": {{\"type\": \"string\", \"maxLength\": {i}}}"));
        var text = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Big\": {\"type\": \"object\", \"properties\": {\n" + properties + "}}}}}";
        var driver = GeneratorHarness.CreateDriver(new[] { new SpecFile("/specs/huge.json", text, Generate: "Models") });
        using var cancel = new CancellationTokenSource();
        var cancelledAt = new Stopwatch();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(cancelAfterMs);
            cancelledAt.Start();
            cancel.Cancel();
        }) { IsBackground = true };
        canceller.Start();
        try
        {
            driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out _, out _, cancel.Token);
            output.WriteLine("finished before the cancellation");
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"stopped {cancelledAt.ElapsedMilliseconds} ms after the cancellation");
        }

        canceller.Join();
        Assert.True(cancelledAt.Elapsed < TimeSpan.FromSeconds(20), cancelledAt.Elapsed.ToString());
    }

    // ---- locations -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("broken.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {get: [unclosed")]
    [InlineData("broken2.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {get: [unclosed\n")]
    [InlineData("broken.json", "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"t\", \"version\": \"1\"},\n \"paths\": {")]
    [InlineData("broken2.json", "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"t\", \"version\": \"1\"},\n \"paths\": {\n\n")]
    [InlineData("escape.json", "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"t\", \"version\": \"1\"},\n \"paths\": {}, \"x-bad\": \"\\ud800\"}")]
    [InlineData("tab.yaml", "openapi: 3.0.3\ninfo:\n  title: t\n\tversion: '1'\n")]
    public void An_unreadable_document_is_located_where_reading_stopped_never_at_the_start_and_never_past_the_end(string file, string text)
    {
        var result = Run("/specs/" + file, text);

        var error = Single(result, "CF0001");
        var at = AssertInside(error, text);
        Assert.True(at.Line > 0, $"{error}: the cause is not on the first line");
    }

    [Fact]
    public void A_problem_reported_by_the_openapi_reader_is_located_at_its_node()
    {
        var text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S:\n      type: object\n      required: [1, a]\n";
        var result = Run("/specs/req.yaml", text);

        var warning = Single(result, "CF0022");
        var at = AssertInside(warning, text);
        Assert.Equal(7, at.Line);
        Assert.Equal(17, at.Character);
    }

    [Fact]
    public void A_property_the_openapi_reader_does_not_know_is_located_at_that_property()
    {
        // Microsoft.OpenApi reports it with the pointer of the schema in its message only.
        var text = Header + "    Two:\n      type: array\n      minContains: 1\n";
        var result = Run("/specs/unknown.yaml", text);

        var warning = Single(result, "CF0002");
        Assert.Contains("minContains", warning.GetMessage());
        var at = AssertInside(warning, text);
        Assert.Equal(11, at.Line);
        Assert.Equal(6, at.Character);
    }

    [Fact]
    public void Positions_are_moved_inside_the_file()
    {
        var lines = new TextLines("ab\ncd\n");
        Assert.Equal(new TextPosition(1, 1, 1), lines.Clamp(new TextPosition(7, 0, 1)));
        Assert.Equal(new TextPosition(1, 1, 1), lines.Clamp(new TextPosition(2, 0, 1)));
        Assert.Equal(new TextPosition(0, 1, 1), lines.Clamp(new TextPosition(0, 9, 4)));
        Assert.Equal(new TextPosition(0, 0, 2), lines.Clamp(new TextPosition(0, 0, 5)));
        Assert.Equal(new TextPosition(0, 0, 1), new TextLines("").Clamp(new TextPosition(3, 3, 1)));
    }

    [Fact]
    public void An_empty_document_is_reported_not_silently_skipped()
    {
        var result = Run("/specs/empty.yaml", "# nothing here\n");

        Assert.Contains("empty", Single(result, "CF0001").GetMessage());
    }
}

public class DiagnosticDocsTests
{
    [Fact]
    public void Every_generator_diagnostic_has_its_help_page()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs", "diagnostics"))) dir = dir.Parent;
        Assert.NotNull(dir);
        foreach (var (id, descriptor) in ContractFirst.Generator.Diagnostics.DiagnosticDescriptors.ById)
        {
            var page = Path.Combine(dir!.FullName, "docs", "diagnostics", id + ".md");
            Assert.True(File.Exists(page), page);
            Assert.StartsWith("# " + id + ":", File.ReadAllText(page));
            Assert.EndsWith("docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        }
    }
}
