using System.Threading.Tasks;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>CF1002: <c>enum</c>, on open enums (type-level) and on members.</summary>
public sealed class AllowedValuesTests
{
    [Fact]
    public async Task Near_miss_suggests_the_value_by_edit_distance()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest M() => new() { Name = "svc", Tier = {|CF1002:"produciton"|} };
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(
            "'produciton' is not one of the values that the spec allows for 'Tier' ('development', 'production', 'dedicated_high_mem', "
            + "'dedicated_high_cpu', 'dedicated_standard'); did you mean 'production'?",
            diagnostic.GetMessage());
        Assert.Equal("production", diagnostic.Properties[DiagnosticProperties.SuggestedValue]);
    }

    [Theory]
    [InlineData("""ServiceType = {|CF1002:"postgress"|}""", "'postgress' is not one of the values that the spec allows for 'ServiceType' ('postgres', 'shared_storage'); did you mean 'postgres'?")]
    [InlineData("""PublicAccess = {|CF1002:"yes"|}""", "'yes' is not one of the values that the spec allows for 'PublicAccess' ('0', '1')")]
    [InlineData("""StorageAccess = {|CF1002:"rwx"|}""", "'rwx' is not one of the values that the spec allows for 'StorageAccess' ('RWO', 'RWX'); did you mean 'RWX'?")]
    public async Task Miget_values_are_checked(string assignment, string message)
    {
        var serviceType = assignment.StartsWith("ServiceType", System.StringComparison.Ordinal) ? string.Empty : "ServiceType = \"postgres\", ";
        var diagnostics = await VerifyAsync($$"""
            using Miget;
            class C
            {
                PostApiV1Services M() => new() { {{serviceType}}ProjectId = 1, Label = "db", {{assignment}} };
            }
            """);

        Assert.Equal(message, Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Bridgeport_backup_format_without_a_close_value_gets_no_suggestion()
    {
        var diagnostics = await VerifyAsync("""
            using Bridgeport;
            class C
            {
                CreateDatabaseRequest M() => new() { Name = "db", Type = "postgres", BackupFormat = {|CF1002:"zip"|} };
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("'zip' is not one of the values that the spec allows for 'BackupFormat' ('plain', 'custom', 'tar')", diagnostic.GetMessage());
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticProperties.SuggestedValue));
    }

    [Fact]
    public async Task Known_values_are_not_flagged() => await VerifyAsync("""
        using ClickHouse.Cloud;
        using Miget;
        using Bridgeport;
        class C
        {
            void M()
            {
                _ = new ServicePostRequest { Name = "svc", Tier = "production" };
                _ = new ServicePostRequest { Name = "svc", Tier = ServicePostRequestTier.DedicatedHighMem };
                _ = new PostApiV1Services { ServiceType = "shared_storage", ProjectId = 1, Label = "x", PublicAccess = "1", StorageAccess = "RWX" };
                _ = new CreateDatabaseRequest { Name = "db", Type = "postgres", BackupFormat = "tar" };
                _ = new ServicePostRequest { Name = "svc", Tier = null };
            }
        }
        """);

    [Fact]
    public async Task Open_enum_conversions_are_checked_wherever_they_happen() => await VerifyAsync("""
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequestTier field = {|CF1002:"dev"|};
            ServicePostRequestTier Local()
            {
                ServicePostRequestTier tier = {|CF1002:"Production"|};
                var explicitCast = (ServicePostRequestTier){|CF1002:"staging"|};
                return {|CF1002:"prod"|};
            }
        }
        """);

    [Fact]
    public async Task Integer_open_enums_are_checked() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M(Widget w)
            {
                w.Priority = 2;
                w.Priority = {|CF1002:4|};
                w.Priority = {|CF1002:0L|};
            }
        }
        """);

    [Fact]
    public async Task Items_of_a_collection_are_checked_against_their_enum() => await VerifyAsync("""
        using Showcase;
        class C
        {
            void M(Widget w)
            {
                w.Colors = ["red", {|CF1002:"purple"|}];
                w.Colors = new System.Collections.Generic.List<WidgetColor> { "green", {|CF1002:"Blu"|} };
                w.Sizes = ["s", {|CF1002:"xl"|}];
                w.Sizes = new[] { "m", {|CF1002:"M "|} };
            }
        }
        """);

    [Fact]
    public async Task Member_level_enum_message_names_the_member()
    {
        var diagnostics = await VerifyAsync("""
            using Showcase;
            class C
            {
                void M(Widget w) => w.Sizes = [{|CF1002:"L"|}];
            }
            """);

        Assert.Equal("'L' is not one of the values that the spec allows for 'Sizes' ('s', 'm', 'l'); did you mean 'l'?", Assert.Single(diagnostics).GetMessage());
    }
}
