using System.Threading.Tasks;
using ContractFirst.Analyzers.CodeFixes;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.CodeFixVerifier;

namespace ContractFirst.Analyzers.Tests;

public sealed class CodeFixTests
{
    private const string MultipleOfSource = """
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequest M() => new() { Name = "svc", MinTotalMemoryGb = {|CF1001:30|} };
        }
        """;

    [Fact]
    public async Task Multiple_of_offers_one_fix_per_nearest_value()
    {
        Assert.Equal(
            new[] { "Use 24, the nearest lower multiple", "Use 36, the nearest higher multiple" },
            await GetFixTitlesAsync(MultipleOfSource));

        await VerifyFixAsync(MultipleOfSource, """
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest M() => new() { Name = "svc", MinTotalMemoryGb = 24 };
            }
            """, ContractConstraintCodeFixProvider.LowerMultipleKey);

        await VerifyFixAsync(MultipleOfSource, """
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest M() => new() { Name = "svc", MinTotalMemoryGb = 36 };
            }
            """, ContractConstraintCodeFixProvider.HigherMultipleKey);
    }

    [Fact]
    public async Task Decimal_values_keep_their_suffix() => await VerifyFixAsync("""
        using Showcase;
        class C
        {
            void M(Widget w) => w.Step = {|CF1001:0.25m|};
        }
        """, """
        using Showcase;
        class C
        {
            void M(Widget w) => w.Step = 0.3m;
        }
        """, ContractConstraintCodeFixProvider.HigherMultipleKey);

    [Fact]
    public async Task Near_miss_enum_string_is_replaced_with_the_suggestion() => await VerifyFixAsync("""
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequest M() => new() { Name = "svc", Tier = {|CF1002:"produciton"|} };
        }
        """, """
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequest M() => new() { Name = "svc", Tier = "production" };
        }
        """, ContractConstraintCodeFixProvider.SuggestedLiteralKey);

    [Fact]
    public async Task Near_miss_enum_string_is_replaced_with_the_open_enum_member() => await VerifyFixAsync("""
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequest M() => new() { Name = "svc", Tier = {|CF1002:"produciton"|} };
        }
        """, """
        using ClickHouse.Cloud;
        class C
        {
            ServicePostRequest M() => new() { Name = "svc", Tier = ServicePostRequestTier.Production };
        }
        """, ContractConstraintCodeFixProvider.SuggestedMemberKey);

    [Fact]
    public async Task Open_enum_member_is_qualified_when_its_namespace_is_not_imported() => await VerifyFixAsync("""
        class C
        {
            void M(Miget.PostApiV1Services s) => s.StorageAccess = {|CF1002:"rwx"|};
        }
        """, """
        class C
        {
            void M(Miget.PostApiV1Services s) => s.StorageAccess = Miget.PostApiV1ServicesStorageAccess.Rwx;
        }
        """, ContractConstraintCodeFixProvider.SuggestedMemberKey);

    [Fact]
    public async Task Out_of_range_value_is_clamped_to_the_violated_bound()
    {
        await VerifyFixAsync("""
            using Bridgeport;
            class C
            {
                CreateDatabaseRequest M() => new() { Name = "db", Type = "postgres", BackupCompressionLevel = {|CF1003:12|}, PgDumpTimeoutMs = {|CF1003:-1|} };
            }
            """, """
            using Bridgeport;
            class C
            {
                CreateDatabaseRequest M() => new() { Name = "db", Type = "postgres", BackupCompressionLevel = 9, PgDumpTimeoutMs = {|CF1003:-1|} };
            }
            """.Replace("{|CF1003:-1|}", "-1", System.StringComparison.Ordinal), ContractConstraintCodeFixProvider.ClampKey);

        await VerifyFixAsync("""
            using Bridgeport;
            class C
            {
                CreateDatabaseRequest M() => new() { Name = "db", Type = "postgres", PgDumpTimeoutMs = {|CF1003:-1|} };
            }
            """, """
            using Bridgeport;
            class C
            {
                CreateDatabaseRequest M() => new() { Name = "db", Type = "postgres", PgDumpTimeoutMs = 30000 };
            }
            """, ContractConstraintCodeFixProvider.ClampKey);
    }

    [Fact]
    public async Task Values_that_are_not_literals_get_no_fix() => await VerifyNoFixAsync("""
        using ClickHouse.Cloud;
        class C
        {
            const double Memory = 30;
            const string Tier = "produciton";
            void M(ServicePostRequest r)
            {
                r.MinTotalMemoryGb = {|CF1001:Memory|};
                r.MinTotalMemoryGb = {|CF1001:15 * 2|};
                r.Tier = {|CF1002:Tier|};
                r.IdleTimeoutMinutes = {|CF1003:Memory - 29|};
            }
        }
        """);

    [Fact]
    public async Task Fix_all_in_document_rounds_every_value() => await VerifyFixAllAsync("""
        using ClickHouse.Cloud;
        class C
        {
            void M(ServicePostRequest r)
            {
                r.MinTotalMemoryGb = {|CF1001:30|};
                r.MaxTotalMemoryGb = {|CF1001:50|};
                _ = new ServicePostRequest { Name = "a", MinTotalMemoryGb = {|CF1001:100|} };
            }
        }
        """, """
        using ClickHouse.Cloud;
        class C
        {
            void M(ServicePostRequest r)
            {
                r.MinTotalMemoryGb = 24;
                r.MaxTotalMemoryGb = 48;
                _ = new ServicePostRequest { Name = "a", MinTotalMemoryGb = 96 };
            }
        }
        """, ContractConstraintCodeFixProvider.LowerMultipleKey);

    [Fact]
    public async Task Fix_all_in_document_uses_the_open_enum_members() => await VerifyFixAllAsync("""
        using Miget;
        class C
        {
            PostApiV1Services M() => new()
            {
                ServiceType = {|CF1002:"postgress"|},
                ProjectId = 1,
                Label = "db",
                StorageAccess = {|CF1002:"rwo"|},
                PublicAccess = {|CF1002:"yes"|},
            };
        }
        """, """
        using Miget;
        class C
        {
            PostApiV1Services M() => new()
            {
                ServiceType = PostApiV1ServicesServiceType.Postgres,
                ProjectId = 1,
                Label = "db",
                StorageAccess = PostApiV1ServicesStorageAccess.Rwo,
                PublicAccess = "yes",
            };
        }
        """, ContractConstraintCodeFixProvider.SuggestedMemberKey);
}
