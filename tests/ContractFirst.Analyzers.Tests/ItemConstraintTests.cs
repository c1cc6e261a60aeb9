using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>
/// Constraints on a collection's items (the spec's <c>items</c>, a map's <c>additionalProperties</c>), carried as
/// attributes with <c>ItemDepth</c>: every constant item of a collection literal is checked and reported where it is.
/// </summary>
public sealed class ItemConstraintTests
{
    [Fact]
    public async Task Item_lengths_and_patterns_in_every_kind_of_collection_literal()
    {
        var diagnostics = await VerifyAsync("""
            using System.Collections.Generic;
            using Showcase;
            class C
            {
                void M(Gadget g)
                {
                    g.Tags = ["ok", {|CF1005:"toolongtag"|}];
                    g.Tags = new[] { {|CF1004:"Bad"|}, "fine" };
                    g.Tags = new string[] { {|CF1005:"x"|} };
                    g.Tags = new List<string> { "good", {|CF1004:"no-dash"|} };
                    g.Tags = new List<string>(4) { {|CF1004:{|CF1005:"X"|}|} };
                    g.Tags = {|CF1006:["aa", "bb", "cc", "dd", "ee"]|};
                    g = g with { Tags = [{|CF1005:"abcdefghi"|}] };
                    _ = new Gadget { Tags = [{|CF1004:"a1"|}] };
                }
            }
            """);

        Assert.Equal("'toolongtag' is 10 characters long, but the spec allows 2 to 8 for 'Tags'", diagnostics[0].GetMessage());
        Assert.Equal("'Bad' does not match the pattern '^[a-z]+$' that the spec requires for 'Tags'", diagnostics[1].GetMessage());
    }

    [Fact]
    public async Task Item_enums_of_strings_and_of_numbers()
    {
        var diagnostics = await VerifyAsync("""
            using System.Collections.Generic;
            using Showcase;
            class C
            {
                void M(Gadget g, Widget w)
                {
                    g.Grades = ["a", {|CF1002:"d"|}];
                    g.Grades = new List<string> { "b", {|CF1002:"B"|} };
                    g.Levels = new[] { 0.5, {|CF1002:0.75|}, 1.0, 2.5 };
                    g.Levels = [1, {|CF1002:3|}];
                    w.Sizes = ["s", {|CF1002:"xl"|}];
                }
            }
            """);

        Assert.Equal("'d' is not one of the values that the spec allows for 'Grades' ('a', 'b', 'c')", diagnostics[0].GetMessage());
        Assert.Equal("'B' is not one of the values that the spec allows for 'Grades' ('a', 'b', 'c'); did you mean 'b'?", diagnostics[1].GetMessage());
        Assert.Equal("0.75 is not one of the values that the spec allows for 'Levels' (0.5, 1, 2.5) (nearest allowed value: 0.5)", diagnostics[2].GetMessage());
        Assert.Equal("2.5", diagnostics[3].Properties[DiagnosticProperties.SuggestedNumber]);
    }

    [Fact]
    public async Task Item_bounds_and_multiple_of()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g)
                {
                    g.Scores = [0, 2.5, {|CF1003:10.5|}, {|CF1001:0.7|}, {|CF1003:-1|}, 10];
                }
            }
            """);

        Assert.Equal("10.5 is out of range for 'Scores' (the spec allows 0 to 10)", diagnostics[0].GetMessage());
        Assert.Equal("0.7 is not a multiple of 0.5 for 'Scores' (nearest valid values: 0.5 and 1)", diagnostics[1].GetMessage());
    }

    [Fact]
    public async Task Nested_collections_and_map_values()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using Showcase;
            class C
            {
                void M(Gadget g)
                {
                    g.Matrix = [[1, 2], {|CF1006:[1, 2, 3]|}, [{|CF1003:10|}]];
                    g.Matrix = new List<IList<long>> { new List<long> { 9, {|CF1003:12|} } };
                    g.Limits = new Dictionary<string, long> { ["a"] = 1, ["b"] = {|CF1003:101|} };
                    g.Limits = new Dictionary<string, long> { { "c", {|CF1003:200|} }, { "d", 100 } };
                }
            }
            """);
    }

    [Fact]
    public async Task Items_of_method_arguments()
    {
        await VerifyAsync("""
            using Showcase;
            class C
            {
                void M()
                {
                    GadgetApi.Send("v1", codes: ["abc", {|CF1005:"abcd"|}]);
                    GadgetApi.Send("v1", new[] { {|CF1005:"long"|} });
                    GadgetApi.Send("v1", ["ok"]);
                }
            }
            """);
    }

    [Fact]
    public async Task A_const_on_items_of_an_open_enum()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g)
                {
                    g.Colors = ["red", {|CF1010:"blue"|}, WidgetColor.Red];
                    g.Colors = [{|CF1002:{|CF1010:"purple"|}|}];
                }
            }
            """);

        Assert.Equal("'blue' is not the value that the spec requires for 'Colors' ('red')", diagnostics[0].GetMessage());
        Assert.Contains(diagnostics, d => d.Id == "CF1002" && d.GetMessage().StartsWith("'purple' is not one of the values that the spec allows for 'Colors'", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Valid_and_non_constant_items_are_not_flagged()
    {
        var diagnostics = await VerifyAsync("""
            using System.Collections.Generic;
            using Showcase;
            class C
            {
                const string Tag = "fine";
                void M(Gadget g, string tag, double score, List<string> more, long cell)
                {
                    g.Tags = ["ok", Tag, tag, tag + "x", .. more];
                    g.Tags = new List<string>(more) { tag };
                    g.Grades = ["a", "b", "c", tag];
                    g.Scores = [0, 0.5, 9.5, 10, score, score * 100];
                    g.Levels = [0.5, 1, 1.0, 2.5, 5 / 2.0];
                    g.Matrix = [[cell, cell], [9]];
                    g.Limits = new Dictionary<string, long> { ["a"] = cell * 1000 };
                    g.Colors = ["red", WidgetColor.Red];
                    g.Tags = null;
                    g.Tags = [];
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}
