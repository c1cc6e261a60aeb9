using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>CF1004 (<c>pattern</c>) and CF1005 (<c>minLength</c>/<c>maxLength</c>).</summary>
public sealed class StringTests
{
    [Fact]
    public async Task Pattern_mismatch_is_flagged()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Widget w)
                {
                    w.Slug = "my-widget-1";
                    w.Slug = {|CF1004:"My-Widget"|};
                }
            }
            """);

        Assert.Equal("'My-Widget' does not match the pattern '^[a-z][a-z0-9-]*$' that the spec requires for 'Slug'", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Patterns_are_unanchored_as_in_json_schema() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M(Widget w)
            {
                w.Code = "abc1def";
                w.Code = {|CF1004:"abcdef"|};
            }
        }
        """);

    [Fact]
    public async Task Patterns_follow_ecma_262_where_dotnet_differs() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M(Widget w)
            {
                w.Version = "v12";
                // ECMA-262 \d is [0-9]; .NET's default \d would accept this Arabic-Indic digit.
                w.Version = {|CF1004:"v\u0661"|};
                // ECMA-262 $ is the end of input; .NET's $ also matches before a final newline.
                w.Version = {|CF1004:"v12\n"|};
            }
        }
        """);

    [Fact]
    public async Task Patterns_that_ecmascript_mode_rejects_fall_back_to_the_default_engine() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M(Widget w)
            {
                w.Letters = "Zürich";
                w.Letters = {|CF1004:"Zürich 8000"|};
            }
        }
        """);

    [Fact]
    public async Task Invalid_pattern_is_never_a_crash_nor_a_diagnostic() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M(Widget w) => w.Broken = "anything";
        }
        """);

    [Fact]
    public async Task Length_out_of_bounds_is_flagged()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            using Bridgeport;
            class C
            {
                void M(Widget w)
                {
                    w.Slug = {|CF1005:"ab"|};
                    w.Slug = {|CF1005:"abcdefghijklmnopqrstu"|};
                    w.Slug = "abcdefghijklmnopqrst";
                    _ = new CreateDatabaseRequest { Name = "db", Type = {|CF1005:""|} };
                }
            }
            """);

        Assert.Equal("'ab' is 2 characters long, but the spec allows 3 to 20 for 'Slug'", diagnostics[0].GetMessage());
        Assert.Equal("'' is 0 characters long, but the spec allows at least 1 for 'Type'", diagnostics[2].GetMessage());
    }

    [Fact]
    public async Task Length_counts_unicode_code_points() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M(Widget w)
            {
                w.Emoji = "👍🎉";
                w.Emoji = {|CF1005:"👍🎉✨"|};
                // A lone surrogate is one character, as in the run-time check (SchemaChecks.MaxLength).
                w.Emoji = "\uD800\uDC00\uD800";
                w.Emoji = {|CF1005:"a\uD800\uDC00\uD800"|};
            }
        }
        """);
}
