using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>
/// Constants that reach a member through the branches of <c>?:</c>, <c>switch</c> expressions and <c>??</c>: each
/// constant branch is checked on its own and reported at that branch.
/// </summary>
public sealed class BranchTests
{
    [Fact]
    public async Task Conditional_branches_are_checked_each_at_its_constant()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            using Showcase;
            class C
            {
                void M(Gadget g, ServicePostRequest r, Widget w, bool flag, bool other)
                {
                    g.Class = flag ? "A" : {|CF1010:"Z"|};
                    r.MinTotalMemoryGb = flag ? 24 : {|CF1001:30|};
                    r.Tier = flag ? {|CF1002:"produciton"|} : "development";
                    w.Slug = flag ? (other ? {|CF1004:"Bad"|} : "good") : {|CF1005:"ab"|};
                    r.IdleTimeoutMinutes = flag ? {|CF1003:1|} : 10;
                }
            }
            """);

        Assert.Equal("'Z' is not the value that the spec requires for 'Class' ('A')", diagnostics[0].GetMessage());
        Assert.EndsWith("for 'Tier' ('development', 'production', 'dedicated_high_mem', 'dedicated_high_cpu', 'dedicated_standard'); did you mean 'production'?", diagnostics[2].GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_expression_arms_are_checked_each_at_its_constant() => await VerifyAsync("""
        using ClickHouse.Cloud;
        using Showcase;
        class C
        {
            void M(Gadget g, ServicePostRequest r, int kind, string name)
            {
                g.Class = kind switch { 0 => "A", 1 => {|CF1010:"B"|}, _ => name };
                r.MinTotalMemoryGb = kind switch { 0 => 24, 1 => {|CF1003:{|CF1001:730|}|}, _ => throw new System.ArgumentException() };
                g.Ratio = kind switch { 0 => 1.5, _ => {|CF1002:1.75|} };
                r.Tier = kind switch { 0 => "production", _ => {|CF1002:"prod"|} };
            }
        }
        """);

    [Fact]
    public async Task Coalesce_checks_the_constant_fallback() => await VerifyAsync("""
        using ClickHouse.Cloud;
        using Showcase;
        class C
        {
            void M(Gadget g, ServicePostRequest r, string? name, double? memory, long? version)
            {
                g.Class = name ?? {|CF1010:"Z"|};
                g.Class = name ?? "A";
                r.MinTotalMemoryGb = memory ?? {|CF1001:30|};
                g.Version = version ?? {|CF1010:3|};
                r.Tier = name ?? {|CF1002:"dev"|};
            }
        }
        """);

    [Fact]
    public async Task Branches_of_arguments_items_and_nested_expressions() => await VerifyAsync("""
        using System;
        using ClickHouse.Cloud;
        using Showcase;
        class C
        {
            void M(ClickHouseCloudClient client, Guid id, Gadget g, bool flag, int kind, string? tag)
            {
                _ = client.ListServicesAsync(id, flag ? 10 : {|CF1003:0|});
                GadgetApi.Send(flag ? "v1" : {|CF1010:"v2"|});
                g.Tags = [flag ? "ok" : {|CF1005:"toolongtag"|}, tag ?? {|CF1004:"X1"|}];
                g.Tags = flag ? ["ok"] : [{|CF1005:"toolongtag"|}];
                g.Class = flag ? (kind switch { 0 => "A", _ => {|CF1010:"C"|} }) : tag ?? {|CF1010:"D"|};
            }
        }
        """);

    [Fact]
    public async Task Valid_and_non_constant_branches_are_not_flagged()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            using Showcase;
            class C
            {
                const bool Always = true;
                void M(Gadget g, ServicePostRequest r, bool flag, int kind, string name, double memory)
                {
                    g.Class = flag ? "A" : name;
                    g.Class = kind switch { 0 => "A", _ => name };
                    g.Class = name ?? "A";
                    g.Class = Always ? "A" : "Z"; // Folded: the constant is "A".
                    r.MinTotalMemoryGb = flag ? 24 : memory;
                    r.MinTotalMemoryGb = kind switch { 0 => 24, 1 => 36, _ => memory };
                    r.Tier = flag ? "production" : name;
                    g.Enabled = flag ? true : null;
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}
