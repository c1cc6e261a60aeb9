using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>
/// <c>const</c> (CF1010) and <c>enum</c> of values that are not open enums (CF1002): numbers, booleans, mixed
/// types, compared with JSON's equality (1 equals 1.0, strings exactly, a string never equals a number).
/// </summary>
public sealed class JsonValueTests
{
    [Fact]
    public async Task Const_of_every_scalar_kind()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g)
                {
                    g.Class = {|CF1010:"a"|};
                    g.Version = {|CF1010:3|};
                    g.Weight = {|CF1010:1.25|};
                    g.Enabled = {|CF1010:false|};
                    g.Color = {|CF1010:"green"|};
                }
            }
            """);

        Assert.Equal("'a' is not the value that the spec requires for 'Class' ('A')", diagnostics[0].GetMessage());
        Assert.Equal("3 is not the value that the spec requires for 'Version' (2)", diagnostics[1].GetMessage());
        Assert.Equal("1.25 is not the value that the spec requires for 'Weight' (1.5)", diagnostics[2].GetMessage());
        Assert.Equal("false is not the value that the spec requires for 'Enabled' (true)", diagnostics[3].GetMessage());
        Assert.Equal("\"A\"", diagnostics[0].Properties[DiagnosticProperties.ConstValue]);
    }

    [Fact]
    public async Task Const_compares_numbers_by_value_and_strings_exactly()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                const string Letter = "A";
                void M(Gadget g)
                {
                    g.Class = "A";
                    g.Class = Letter;
                    g.Version = 2;
                    g.Version = 4 / 2;
                    g.Weight = 1.5;
                    g.Weight = 1.50;
                    g.Weight = 1.5f;
                    g.Weight = 3 / 2.0;
                    g.Enabled = true;
                    g.Enabled = null;
                    g.Color = "red";
                    g.Color = WidgetColor.Red;
                    GadgetApi.Send("v1");
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Numeric_enum_is_checked_by_value_with_the_nearest_allowed_value()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g)
                {
                    g.Ratio = {|CF1002:1.7|};
                    g.Ratio = {|CF1002:7|};
                    g.Ratio = 2.0;
                    g.Ratio = 10;
                    g.Ratio = 1.5f;
                    g.Amount = {|CF1002:0.2m|};
                    g.Amount = 0.10m;
                    GadgetApi.Send("v1", factor: {|CF1002:0.7|});
                    GadgetApi.Send("v1", factor: 1);
                }
            }
            """);

        Assert.Equal("1.7 is not one of the values that the spec allows for 'Ratio' (1.5, 2, 10) (nearest allowed value: 1.5)", diagnostics[0].GetMessage());
        Assert.Equal("1.5", diagnostics[0].Properties[DiagnosticProperties.SuggestedNumber]);
        Assert.Equal("10", diagnostics[1].Properties[DiagnosticProperties.SuggestedNumber]);
        Assert.Equal("0.25", diagnostics[2].Properties[DiagnosticProperties.SuggestedNumber]);
        Assert.Equal("0.2 is not one of the values that the spec allows for 'Amount' (0.1, 0.25) (nearest allowed value: 0.25)", diagnostics[2].GetMessage());
        Assert.Equal("0.5", diagnostics[3].Properties[DiagnosticProperties.SuggestedNumber]);
    }

    [Fact]
    public async Task Boolean_and_mixed_enums_follow_json_types()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g)
                {
                    g.Flag = {|CF1002:false|};
                    g.Flag = true;
                    g.Flag = null;
                    g.Code = "1";
                    g.Code = "xé";
                    g.Code = {|CF1002:"2"|};
                    g.Code = {|CF1002:"X\u00e9"|};
                }
            }
            """);

        Assert.Equal("false is not one of the values that the spec allows for 'Flag' (true, null); did you mean true?", diagnostics[0].GetMessage());
        Assert.Equal("true", diagnostics[0].Properties[DiagnosticProperties.SuggestedBoolean]);
        Assert.Equal("'2' is not one of the values that the spec allows for 'Code' ('1', 1, 'xé')", diagnostics[1].GetMessage());
        Assert.Equal("xé", diagnostics[2].Properties[DiagnosticProperties.SuggestedValue]);
    }

    [Fact]
    public async Task Const_and_enum_values_that_are_not_constant_are_not_flagged()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g, string s, long n, double d, bool b, decimal m)
                {
                    g.Class = s;
                    g.Version = n;
                    g.Weight = d;
                    g.Enabled = b;
                    g.Ratio = d * 2;
                    g.Amount = m;
                    g.Flag = !b;
                    g.Code = s + "1";
                    GadgetApi.Send(s, factor: d);
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}
