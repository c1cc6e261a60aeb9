using System.Threading.Tasks;
using ContractFirst.Analyzers.CodeFixes;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.CodeFixVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>Code fixes for const (CF1010) and for enums of numbers and booleans (CF1002), in branches and items too.</summary>
public sealed class JsonValueCodeFixTests
{
    [Fact]
    public async Task Const_string_replaces_the_literal()
    {
        const string Source = """
            using Showcase;
            class C
            {
                void M(Gadget g, bool flag) => g.Class = flag ? "A" : {|CF1010:"Z"|};
            }
            """;
        Assert.Equal(new[] { "Use 'A', the spec's const" }, await GetFixTitlesAsync(Source));
        await VerifyFixAsync(Source, """
            using Showcase;
            class C
            {
                void M(Gadget g, bool flag) => g.Class = flag ? "A" : "A";
            }
            """, ContractConstraintCodeFixProvider.ConstLiteralKey);
    }

    [Fact]
    public async Task Const_number_gets_the_literal_its_type_needs()
    {
        await VerifyFixAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Version = {|CF1010:3|};
            }
            """, """
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Version = 2;
            }
            """, ContractConstraintCodeFixProvider.ConstLiteralKey);

        await VerifyFixAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Weight = {|CF1010:-2|};
            }
            """, """
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Weight = 1.5;
            }
            """, ContractConstraintCodeFixProvider.ConstLiteralKey);
    }

    [Fact]
    public async Task Const_boolean_and_open_enum_member()
    {
        await VerifyFixAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Enabled = {|CF1010:false|};
            }
            """, """
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Enabled = true;
            }
            """, ContractConstraintCodeFixProvider.ConstLiteralKey);

        await VerifyFixAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Color = {|CF1010:"blue"|};
            }
            """, """
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Color = WidgetColor.Red;
            }
            """, ContractConstraintCodeFixProvider.ConstMemberKey);
    }

    [Fact]
    public async Task Const_of_a_collection_item() => await VerifyFixAsync("""
        using Showcase;
        class C
        {
            void M(Gadget g) => g.Colors = ["red", {|CF1010:"blue"|}];
        }
        """, """
        using Showcase;
        class C
        {
            void M(Gadget g) => g.Colors = ["red", "red"];
        }
        """, ContractConstraintCodeFixProvider.ConstLiteralKey);

    [Fact]
    public async Task Numeric_enum_value_becomes_the_nearest_allowed_value()
    {
        const string Source = """
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Ratio = {|CF1002:1.7|};
            }
            """;
        Assert.Equal(new[] { "Use 1.5" }, await GetFixTitlesAsync(Source));
        await VerifyFixAsync(Source, """
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Ratio = 1.5;
            }
            """, ContractConstraintCodeFixProvider.SuggestedLiteralKey);

        await VerifyFixAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Amount = {|CF1002:0.2m|};
            }
            """, """
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Amount = 0.25m;
            }
            """, ContractConstraintCodeFixProvider.SuggestedLiteralKey);

        await VerifyFixAsync("""
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Levels = [0.5, {|CF1002:0.75|}];
            }
            """, """
            using Showcase;
            class C
            {
                void M(Gadget g) => g.Levels = [0.5, 0.5];
            }
            """, ContractConstraintCodeFixProvider.SuggestedLiteralKey);
    }

    [Fact]
    public async Task Integer_open_enum_value_becomes_the_nearest_member() => await VerifyFixAsync("""
        using Showcase;
        class C
        {
            void M(Widget w) => w.Priority = {|CF1002:7|};
        }
        """, """
        using Showcase;
        class C
        {
            void M(Widget w) => w.Priority = WidgetPriority.High;
        }
        """, ContractConstraintCodeFixProvider.SuggestedMemberKey);

    [Fact]
    public async Task Boolean_enum_value_becomes_the_allowed_one() => await VerifyFixAsync("""
        using Showcase;
        class C
        {
            void M(Gadget g) => g.Flag = {|CF1002:false|};
        }
        """, """
        using Showcase;
        class C
        {
            void M(Gadget g) => g.Flag = true;
        }
        """, ContractConstraintCodeFixProvider.SuggestedLiteralKey);

    [Fact]
    public async Task Values_that_are_not_literals_get_no_fix() => await VerifyNoFixAsync("""
        using Showcase;
        class C
        {
            const string Letter = "Z";
            const double Ratio = 1.7;
            void M(Gadget g)
            {
                g.Class = {|CF1010:Letter|};
                g.Class = {|CF1010:"Z" + "Z"|};
                g.Ratio = {|CF1002:Ratio|};
                g.Version = {|CF1010:1 + 2|};
            }
        }
        """);

    [Fact]
    public async Task An_enum_value_without_a_close_one_gets_no_fix() => await VerifyNoFixAsync("""
        using Showcase;
        class C
        {
            void M(Gadget g) => g.Code = {|CF1002:"2"|};
        }
        """);
}
