using System;
using System.IO;
using System.Threading.Tasks;
using ContractFirst.Analyzers.Tests.Infrastructure;
using Xunit;
using static ContractFirst.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace ContractFirst.Analyzers.Tests;

/// <summary>
/// The analyzer over code that the real generator produced from specs/*.yaml (no fixtures): the end-to-end path a
/// user has. Skipped, with the reason, while ContractFirst.Generator.OpenApiGenerator is not available.
/// </summary>
public sealed class SpecDrivenTests
{
    private static TestProject Project(string file, string @namespace, string clientName) => new()
    {
        IncludeFixtures = false,
        Specs = { new SpecFile("/specs/" + file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", file)), @namespace, clientName) },
    };

    [GeneratorFact]
    public async Task ClickHouse_cloud_constraints_come_from_the_spec()
    {
        var diagnostics = await VerifyAsync("""
            using ClickHouse.Cloud;
            class C
            {
                void M(ServicePostRequest r)
                {
                    r.MinTotalMemoryGb = {|CF1001:30|};
                    r.MinTotalMemoryGb = 36;
                    r.IdleTimeoutMinutes = {|CF1003:3|};
                    r.Tier = {|CF1002:"produciton"|};
                    r.Tier = "production";
                }
            }
            """, Project("clickhouse-cloud.yaml", "ClickHouse.Cloud", "ClickHouseCloudClient"));

        Assert.Equal("30 is not a multiple of 12 for 'MinTotalMemoryGb' (nearest valid values: 24 and 36)", diagnostics[0].GetMessage());
        Assert.EndsWith("did you mean 'production'?", diagnostics[2].GetMessage(), StringComparison.Ordinal);
    }

    [GeneratorFact]
    public async Task Miget_enums_come_from_the_spec() => await VerifyAsync("""
        using Miget;
        class C
        {
            void M(PostApiV1Services s)
            {
                s.ServiceType = {|CF1002:"postgress"|};
                s.PublicAccess = {|CF1002:"yes"|};
                s.StorageAccess = {|CF1002:"rwx"|};
                s.StorageAccess = "RWX";
            }
        }
        """, Project("miget.yaml", "Miget", "MigetClient"));

    [GeneratorFact]
    public async Task Bridgeport_constraints_come_from_the_spec() => await VerifyAsync("""
        using Bridgeport;
        class C
        {
            void M(CreateDatabaseRequest d)
            {
                d.BackupFormat = {|CF1002:"zip"|};
                d.BackupCompressionLevel = {|CF1003:12|};
                d.PgDumpTimeoutMs = {|CF1003:1000|};
                d.PgDumpTimeoutMs = 300000;
            }
        }
        """, Project("bridgeport.yaml", "Bridgeport", "BridgeportClient"));

    [GeneratorFact]
    public async Task Code_fixes_work_on_the_real_generated_code()
    {
        // A fresh project per verification: the verifier adds the test source to the project it is given.
        TestProject ClickHouse() => Project("clickhouse-cloud.yaml", "ClickHouse.Cloud", "ClickHouseCloudClient");
        await CodeFixVerifier.VerifyFixAsync("""
            using ClickHouse.Cloud;
            class C
            {
                ServiceScalingPatchRequest M() => new() { MinTotalMemoryGb = {|CF1001:30|} };
            }
            """, """
            using ClickHouse.Cloud;
            class C
            {
                ServiceScalingPatchRequest M() => new() { MinTotalMemoryGb = 36 };
            }
            """, ContractFirst.Analyzers.CodeFixes.ContractConstraintCodeFixProvider.HigherMultipleKey, project: ClickHouse());

        await CodeFixVerifier.VerifyFixAllAsync("""
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest A() => new() { Name = "a", Provider = "aws", Region = "r", Tier = {|CF1002:"produciton"|} };
                ServicePostRequest B() => new() { Name = "b", Provider = "aws", Region = "r", Tier = {|CF1002:"Production"|} };
            }
            """, """
            using ClickHouse.Cloud;
            class C
            {
                ServicePostRequest A() => new() { Name = "a", Provider = "aws", Region = "r", Tier = ServicePostRequestTier.Production };
                ServicePostRequest B() => new() { Name = "b", Provider = "aws", Region = "r", Tier = ServicePostRequestTier.Production };
            }
            """, ContractFirst.Analyzers.CodeFixes.ContractConstraintCodeFixProvider.SuggestedMemberKey, ClickHouse());
    }
}
