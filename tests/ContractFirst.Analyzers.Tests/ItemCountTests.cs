using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>CF1006: <c>minItems</c>/<c>maxItems</c> on collection literals, and per-item string constraints.</summary>
public sealed class ItemCountTests
{
    [Fact]
    public async Task Too_many_items_in_a_collection_expression()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest M() => new()
                {
                    Name = "svc",
                    IpAccessList = {|CF1006:[new() { Source = "10.0.0.1" }, new() { Source = "10.0.0.2" }, new() { Source = "10.0.0.3" }, new() { Source = "10.0.0.4" }]|},
                };
            }
            """);

        Assert.Equal("The collection has 4 items, but the spec allows at most 3 for 'IpAccessList'", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Collection_initializers_and_arrays_are_counted() => await VerifyAsync("""
        using System.Collections.Generic;
        using ClickHouse.Cloud;
        using Showcase;
        class C
        {
            void M(ServicePostRequest r, Widget w, IpAccessListEntry e)
            {
                r.IpAccessList = {|CF1006:new List<IpAccessListEntry> { e, e, e, e }|};
                r.IpAccessList = {|CF1006:new IpAccessListEntry[] { e, e, e, e }|};
                r.IpAccessList = {|CF1006:new List<IpAccessListEntry>(8) { e, e, e, e }|};
                r.IpAccessList = new List<IpAccessListEntry> { e, e, e };
                w.Labels = {|CF1006:[]|};
                w.Labels = new List<string>(); // Filled later, perhaps: not a collection literal.
                w.Labels = ["a"];
            }
        }
        """);

    [Fact]
    public async Task Counts_that_are_not_constant_are_not_flagged() => await VerifyAsync("""
        using System.Collections.Generic;
        using ClickHouse.Cloud;
        class C
        {
            void M(ServicePostRequest r, IpAccessListEntry e, List<IpAccessListEntry> more)
            {
                r.IpAccessList = [e, e, .. more];
                r.IpAccessList = new List<IpAccessListEntry>(more) { e, e, e };
                r.IpAccessList = more;
            }
        }
        """);

    [Fact]
    public async Task Items_get_the_string_constraints_of_the_collection() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M(Widget w)
            {
                w.Labels = ["ok", {|CF1004:"Not-OK"|}];
            }
        }
        """);

    [Fact]
    public async Task Method_arguments_are_counted() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M()
            {
                WidgetApi.Configure(1, tags: {|CF1006:["a", "b", "c"]|});
                WidgetApi.Configure(1, tags: ["a", "b"]);
            }
        }
        """);
}
