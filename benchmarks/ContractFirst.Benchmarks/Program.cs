using BenchmarkDotNet.Running;

namespace ContractFirst.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "size") return SizeReport.Run(args);
        if (args.Length > 0 && args[0] == "build-time") return BuildTime.Run(args);
        if (args.Length > 0 && args[0] == "compile-time") return CompileTime.Run(args);
        if (args.Length > 0 && args[0] == "il") return IlReport.Run(args);
        if (args.Length > 0 && args[0] == "side-by-side") return SideBySide.RunAsync(args).GetAwaiter().GetResult();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortConfig());
        return 0;
    }
}
