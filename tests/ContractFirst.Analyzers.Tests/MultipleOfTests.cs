using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>CF1001: <c>multipleOf</c>.</summary>
public sealed class MultipleOfTests
{
    [Fact]
    public async Task Value_that_is_not_a_multiple_is_flagged_with_the_nearest_valid_values()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest M() => new() { Name = "svc", MinTotalMemoryGb = {|CF1001:30|} };
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("30 is not a multiple of 12 for 'MinTotalMemoryGb' (nearest valid values: 24 and 36)", diagnostic.GetMessage());
        Assert.Equal("24", diagnostic.Properties[DiagnosticProperties.LowerMultiple]);
        Assert.Equal("36", diagnostic.Properties[DiagnosticProperties.HigherMultiple]);
    }

    [Theory]
    [InlineData("24")]
    [InlineData("36")]
    [InlineData("720")]
    [InlineData("36.0")]
    [InlineData("12 * 3")]
    public async Task Valid_multiples_are_not_flagged(string value) => await VerifyAsync($$"""
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequest M() => new() { Name = "svc", MinTotalMemoryGb = {{value}} };
        }
        """);

    [Fact]
    public async Task Nearest_valid_values_respect_the_bounds()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                void M(ServicePostRequest r)
                {
                    r.MinTotalMemoryGb = {|CF1001:{|CF1003:13|}|};
                    r.MaxTotalMemoryGb = {|CF1001:{|CF1003:1000|}|};
                }
            }
            """);

        Assert.Equal("13 is not a multiple of 12 for 'MinTotalMemoryGb' (nearest valid value: 24)", diagnostics[0].GetMessage());
        Assert.False(diagnostics[0].Properties.ContainsKey(DiagnosticProperties.LowerMultiple));
        Assert.Equal("1000 is not a multiple of 12 for 'MaxTotalMemoryGb' (nearest valid value: 720)", diagnostics[2].GetMessage());
        Assert.False(diagnostics[2].Properties.ContainsKey(DiagnosticProperties.HigherMultiple));
    }

    [Fact]
    public async Task Floats_are_read_as_they_go_on_the_wire()
    {
        // 0.1f widened to double is 0.10000000149011612, no multiple of 0.1; on the wire (and at run time) it is 0.1.
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Widget w)
                {
                    w.Fraction = 0.1f;
                    w.Fraction = 0.3f;
                    w.Fraction = 0.5f;
                    w.Fraction = {|CF1001:0.35f|};
                    w = new Widget { Owner = "me", Fraction = (float)0.2, Cap = 0.1f };
                }
            }
            """);

        Assert.Equal("0.35 is not a multiple of 0.1 for 'Fraction' (nearest valid values: 0.3 and 0.4)", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Fractional_multiples_use_exact_decimal_arithmetic()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Widget w)
                {
                    w.Step = 0.3m;
                    w.Step = 2.5m;
                    w.Step = {|CF1001:0.25m|};
                }
            }
            """);

        Assert.Equal("0.25 is not a multiple of 0.1 for 'Step' (nearest valid values: 0.2 and 0.3)", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Doubles_are_checked_as_they_go_on_the_wire_as_at_run_time()
    {
        // The analyzer once read doubles with 15 significant digits (24.000000000000004 as 24, 1e-40 as 0) and so passed
        // values that SchemaChecks.MultipleOf rejects; both now read the shortest round-trip value, as the server gets it.
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                void M(ServicePostRequest r)
                {
                    r.MinTotalMemoryGb = {|CF1001:24.000000000000004|};
                    r.MinTotalMemoryGb = {|CF1001:{|CF1003:1e-40|}|};
                    r.MinTotalMemoryGb = 24.0;
                }
            }
            """);

        Assert.Equal("24.000000000000004 is not a multiple of 12 for 'MinTotalMemoryGb' (nearest valid values: 24 and 36)", diagnostics[0].GetMessage());
        Assert.Equal("1E-40 is not a multiple of 12 for 'MinTotalMemoryGb'", diagnostics[1].GetMessage());
    }
}
