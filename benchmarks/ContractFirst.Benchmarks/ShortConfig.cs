using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ContractFirst.Benchmarks;

/// <summary>
/// One short job for the whole suite: the machine is a shared 2-core box, so the suite must finish in minutes.
/// In-process (no per-benchmark rebuild of this project and of src/, which other builds may hold locked),
/// 1 launch, 3 warm-up and 10 measured iterations. Ratios come from one run of one process.
/// </summary>
public sealed class ShortConfig : ManualConfig
{
    public ShortConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        Add(DefaultConfig.Instance);
    }
}
