using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>CF1003: <c>minimum</c>/<c>maximum</c>, inclusive and exclusive.</summary>
public sealed class RangeTests
{
    [Fact]
    public async Task Value_below_the_minimum_is_flagged()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest M() => new() { Name = "svc", IdleTimeoutMinutes = {|CF1003:3|} };
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("3 is out of range for 'IdleTimeoutMinutes' (the spec allows at least 5)", diagnostic.GetMessage());
        Assert.Equal("5", diagnostic.Properties[DiagnosticProperties.ClampedValue]);
        Assert.Equal("minimum", diagnostic.Properties[DiagnosticProperties.ViolatedBound]);
    }

    [Theory]
    [InlineData("BackupCompressionLevel = {|CF1003:12|}", "12 is out of range for 'BackupCompressionLevel' (the spec allows 1 to 9)")]
    [InlineData("BackupCompressionLevel = {|CF1003:0|}", "0 is out of range for 'BackupCompressionLevel' (the spec allows 1 to 9)")]
    [InlineData("PgDumpTimeoutMs = {|CF1003:1000|}", "1000 is out of range for 'PgDumpTimeoutMs' (the spec allows 30000 to 3600000)")]
    [InlineData("PgDumpTimeoutMs = {|CF1003:-1|}", "-1 is out of range for 'PgDumpTimeoutMs' (the spec allows 30000 to 3600000)")]
    [InlineData("Port = {|CF1003:70000|}", "70000 is out of range for 'Port' (the spec allows 1 to 65535)")]
    public async Task Bridgeport_bounds_are_checked(string assignment, string message)
    {
        var diagnostics = await VerifyAsync($$"""
            using Bridgeport;
            class C
            {
                CreateDatabaseRequest M() => new() { Name = "db", Type = "postgres", {{assignment}} };
            }
            """);

        Assert.Equal(message, Assert.Single(diagnostics).GetMessage());
    }

    [Theory]
    [InlineData("BackupCompressionLevel = 1")]
    [InlineData("BackupCompressionLevel = 9")]
    [InlineData("PgDumpTimeoutMs = 30000")]
    [InlineData("PgDumpTimeoutMs = 3600000")]
    [InlineData("Port = 5432")]
    public async Task Values_on_or_inside_inclusive_bounds_are_not_flagged(string assignment) => await VerifyAsync($$"""
        using Bridgeport;
        class C
        {
            CreateDatabaseRequest M() => new() { Name = "db", Type = "postgres", {{assignment}} };
        }
        """);

    [Fact]
    public async Task Doubles_are_compared_as_they_go_on_the_wire_as_at_run_time() => await VerifyAsync("""
        using ClickHouse.Cloud;
        using Showcase;
        class C
        {
            void M(ServicePostRequest r, Widget w)
            {
                // Read with 15 significant digits these were 720 and 0: a missed CF1003 and a false one.
                r.MaxTotalMemoryGb = {|CF1001:{|CF1003:720.0000000000001|}|};
                w.Ratio = 1e-40;
            }
        }
        """);

    [Fact]
    public async Task Floats_are_compared_as_they_go_on_the_wire_as_at_run_time()
    {
        // A float target sends 0.1f as 0.1 (within maximum 0.1); a double target holds the widened 0.10000000149011612.
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Widget w)
                {
                    w.Cap = 0.1f;
                    w.Cap = {|CF1003:0.10001f|};
                    w.Fraction = 0.1f;
                    w.Fraction = {|CF1003:0f|};
                    w.Share = 0.1;
                    w.Share = {|CF1003:0.1f|};
                    w.Share = {|CF1003:(double)0.1f|};
                }
            }
            """);

        Assert.Equal("0.10001 is out of range for 'Cap' (the spec allows at most 0.1)", diagnostics[0].GetMessage());
        Assert.Equal("0.10000000149011612 is out of range for 'Share' (the spec allows at most 0.1)", diagnostics[2].GetMessage());
    }

    [Fact]
    public async Task Exclusive_bounds_exclude_the_bound_itself()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Widget w)
                {
                    w.Ratio = {|CF1003:0|};
                    w.Ratio = 0.001;
                    w.Ratio = 1;
                    w.Ratio = {|CF1003:1.5|};
                    w.Weight = 99;
                    w.Weight = {|CF1003:100|};
                }
            }
            """);

        Assert.Equal("0 is out of range for 'Ratio' (the spec allows more than 0 and at most 1)", diagnostics[0].GetMessage());
        Assert.False(diagnostics[0].Properties.ContainsKey(DiagnosticProperties.ClampedValue)); // No obvious double inside (0, 1].
        Assert.Equal("1", diagnostics[1].Properties[DiagnosticProperties.ClampedValue]);
        Assert.Equal("100 is out of range for 'Weight' (the spec allows at least 0 and less than 100)", diagnostics[2].GetMessage());
        Assert.Equal("99", diagnostics[2].Properties[DiagnosticProperties.ClampedValue]);
    }

    [Fact]
    public async Task Clamping_with_multipleOf_proposes_a_valid_multiple()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                void M(ServicePostRequest r) => r.MaxTotalMemoryGb = {|CF1003:732|};
            }
            """);

        Assert.Equal("720", Assert.Single(diagnostics).Properties[DiagnosticProperties.ClampedValue]);
    }
}
