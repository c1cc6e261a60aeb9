using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>CF1007 (spec-required property missing) and CF1008 (Min{X} greater than Max{X}).</summary>
public sealed class ObjectTests
{
    [Fact]
    public async Task Spec_required_property_missing_from_a_request_model_initializer()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M()
                {
                    _ = new {|CF1007:Widget|} { Slug = "abc" };
                    Widget target = {|CF1007:new|}() { };
                    _ = new Widget { Owner = "me" };
                }
            }
            """);

        Assert.Equal("'Owner' is required by the spec but is not set in this initializer of 'Widget'", diagnostics[0].GetMessage());
    }

    [Fact]
    public async Task Creation_without_initializer_and_with_expressions_are_not_flagged() => await VerifyAsync("""
        using Showcase;
        class C
        {
            Widget M(Widget w)
            {
                var created = new Widget();
                created.Owner = "me";
                return w with { Slug = "abc" };
            }
        }
        """);

    [Fact]
    public async Task Properties_that_csharp_required_enforces_are_left_to_the_compiler() => await VerifyAsync("""
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequest M() => new() { Name = "svc" };
        }
        """);

    [Fact]
    public async Task Minimum_greater_than_maximum_in_one_initializer()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest M() => new() { Name = "svc", MinTotalMemoryGb = {|CF1008:48|}, MaxTotalMemoryGb = 24 };
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("'MinTotalMemoryGb' (48) is greater than 'MaxTotalMemoryGb' (24)", diagnostic.GetMessage());
        Assert.Equal("24", diagnostic.AdditionalLocations[0].SourceTree!.GetText().ToString(diagnostic.AdditionalLocations[0].SourceSpan));
    }

    [Fact]
    public async Task Minimum_greater_than_maximum_in_a_with_expression() => await VerifyAsync("""
        using Showcase;
        class C
        {
            Widget M(Widget w) => w with { MaxReplicas = 2, MinReplicas = {|CF1008:5|} };
        }
        """);

    [Fact]
    public async Task Ordered_or_partial_or_computed_ranges_are_not_flagged() => await VerifyAsync("""
        using ClickHouse.Cloud;
        class C
        {
            void M(double max)
            {
                _ = new ServicePostRequest { Name = "a", MinTotalMemoryGb = 24, MaxTotalMemoryGb = 48 };
                _ = new ServicePostRequest { Name = "a", MinTotalMemoryGb = 48, MaxTotalMemoryGb = 48 };
                _ = new ServicePostRequest { Name = "a", MinTotalMemoryGb = 48 };
                _ = new ServicePostRequest { Name = "a", MinTotalMemoryGb = 48, MaxTotalMemoryGb = max };
            }
        }
        """);
}
