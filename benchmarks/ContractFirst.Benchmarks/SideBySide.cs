using System.Diagnostics;
using System.Globalization;

namespace ContractFirst.Benchmarks;

/// <summary>
/// A second way to compare two implementations on a noisy, shared machine: interleaved rounds. Each round runs a batch
/// of the baseline and a batch of the candidate back to back (their order alternates between rounds), so a burst of
/// load from another process hits both sides of one round alike. The result is the median and the quartiles of the
/// per-round time ratios, not a ratio of two means taken minutes apart.
/// <code>dotnet run -c Release --project benchmarks/ContractFirst.Benchmarks -- side-by-side [server|endpoint|kestrel|client|json] [rounds] [calls per side per round]</code>
/// </summary>
public static class SideBySide
{
    public sealed record Pair(string Name, Func<Task> Baseline, Func<Task> Candidate);

    public static async Task<int> RunAsync(string[] args)
    {
        var what = args.Length > 1 ? args[1] : "server";
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
        int Batch(int standard) => args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : standard; // calls per side per round
        switch (what)
        {
            case "server":
            {
                var bench = new ServerBenchmarks();
                bench.Setup();
                try
                {
                    await CompareAsync(new Pair("Server GET getService (hand-mapped → generated)", () => bench.GetService_HandMapped(), () => bench.GetService_Generated()), rounds, Batch(100));
                    await CompareAsync(new Pair("Server POST createService (hand-mapped → generated)", () => bench.CreateService_HandMapped(), () => bench.CreateService_Generated()), rounds, Batch(100));
                }
                finally
                {
                    bench.Cleanup();
                }

                return 0;
            }

            case "kestrel":
            {
                await using var app = ServerBenchmarks.BuildApp(testServer: false);
                await app.StartAsync();
                var address = app.Urls.First();
                using var handler = new System.Net.Http.SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
                using var http = new HttpClient(handler) { BaseAddress = new Uri(address) };
                Console.WriteLine($"// Kestrel at {address}, {Concurrency} concurrent keep-alive connections, load generator in the same process");
                await CompareLoadAsync("Kestrel loopback GET getService (hand-mapped → generated)", http, HttpMethod.Get, ServerBenchmarks.GetPath, null, rounds);
                await CompareLoadAsync("Kestrel loopback POST createService (hand-mapped → generated)", http, HttpMethod.Post, ServerBenchmarks.PostPath, Payloads.ServicePostRequest, rounds);
                await app.StopAsync();
                return 0;
            }

            case "endpoint":
            {
                var bench = new ServerEndpointBenchmarks();
                bench.Setup();
                try
                {
                    await CompareAsync(new Pair("Endpoint GET getService (hand-mapped → generated)", () => bench.GetService_HandMapped(), () => bench.GetService_Generated()), rounds, Batch(1000));
                    await CompareAsync(new Pair("Endpoint POST createService (hand-mapped → generated)", () => bench.CreateService_HandMapped(), () => bench.CreateService_Generated()), rounds, Batch(1000));
                }
                finally
                {
                    bench.Cleanup();
                }

                return 0;
            }

            case "client":
            {
                var bench = new ClientCallBenchmarks();
                bench.Setup();
                await CompareAsync(new Pair("Client GetServiceAsync (hand-written → generated)", () => bench.GetService_HandWritten(), () => bench.GetService_Generated()), rounds, 200);
                await CompareAsync(new Pair("Client CreateServiceAsync (hand-written → generated)", () => bench.CreateService_HandWritten(), () => bench.CreateService_Generated()), rounds, 200);
                return 0;
            }

            case "json":
            {
                var bench = new JsonRoundTripBenchmarks();
                bench.Setup();
                await CompareAsync(new Pair("JSON round trip ServiceResponse (STJ source-gen → generated)", () => Run(bench.ServiceResponse_StjSourceGen), () => Run(bench.ServiceResponse_Generated)), rounds, 1000);
                await CompareAsync(new Pair("JSON round trip CreateDatabaseRequest (STJ source-gen → generated)", () => Run(bench.CreateDatabaseRequest_StjSourceGen), () => Run(bench.CreateDatabaseRequest_Generated)), rounds, 1000);
                return 0;

                static Task Run(Func<object> call)
                {
                    call();
                    return Task.CompletedTask;
                }
            }

            default:
                Console.Error.WriteLine($"side-by-side: unknown comparison '{what}' (server, endpoint, kestrel, client or json)");
                return 2;
        }
    }

    private const int Concurrency = 4;

    /// <summary>
    /// Requests per second under load: <see cref="Concurrency"/> workers send the same request back to back for one
    /// second to /hand, then to /gen (the order alternates), per round. The ratio per round is hand rps ÷ generated rps,
    /// i.e. the generated endpoint's time per request relative to the hand-mapped one.
    /// </summary>
    private static async Task CompareLoadAsync(string name, HttpClient http, HttpMethod method, string path, byte[]? body, int rounds)
    {
        await WarmUpAsync(async () =>
        {
            await LoadAsync(http, method, "/hand/" + path, body, TimeSpan.FromSeconds(0.5));
            await LoadAsync(http, method, "/gen/" + path, body, TimeSpan.FromSeconds(0.5));
        });
        var measured = await InterleaveAsync(
            rounds,
            () => LoadAsync(http, method, "/hand/" + path, body, TimeSpan.FromSeconds(1)),
            () => LoadAsync(http, method, "/gen/" + path, body, TimeSpan.FromSeconds(1)));
        var ratios = measured.Select(m => m.Baseline / m.Candidate).ToArray();
        var hand = measured.Sum(m => m.Baseline);
        var gen = measured.Sum(m => m.Candidate);
        Array.Sort(ratios);
        Console.WriteLine(name);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {rounds} rounds of 1 s each side: hand-mapped {hand / rounds:F0} req/s, generated {gen / rounds:F0} req/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  time per request, generated ÷ hand-mapped, per round: median {Quantile(ratios, 0.5):F3}×, quartiles {Quantile(ratios, 0.25):F3}–{Quantile(ratios, 0.75):F3}×"));
    }

    private static async Task<double> LoadAsync(HttpClient http, HttpMethod method, string path, byte[]? body, TimeSpan duration)
    {
        var count = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = new Task[Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (stopwatch.Elapsed < duration)
                {
                    await ServerBenchmarks.SendAsync(http, method, path, body);
                    Interlocked.Increment(ref count);
                }
            });
        }

        await Task.WhenAll(workers);
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Warm-up: both paths JIT-compiled to their final tier before anything is measured. Tiered compilation promotes hot
    /// methods on a background thread, which on a loaded machine gets little CPU: a fixed 3 s left the generated side
    /// partly in unoptimized tier-0 code (the validator ran 3–7× slower inside the TestServer handler than after
    /// tier-up). So the warm-up runs at least 3 s and then until no method has been compiled for a second (at most 60 s).
    /// </summary>
    private static async Task WarmUpAsync(Func<Task> round)
    {
        var clock = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var quietSince = TimeSpan.Zero;
        var quiet = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await round();
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = clock.Elapsed;
            }
            else if (clock.Elapsed >= TimeSpan.FromSeconds(3) && clock.Elapsed - quietSince >= TimeSpan.FromSeconds(1))
            {
                quiet = true;
                break;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// warm-up {clock.Elapsed.TotalSeconds:F1} s, {compiled} methods compiled, {(quiet ? "then no JIT for 1 s" : "JIT still active at the 60 s limit")}"));
    }

    /// <summary>One measurement of each side per round, the baseline first in even rounds and the candidate first in odd ones.</summary>
    private static async Task<List<(T Baseline, T Candidate)>> InterleaveAsync<T>(int rounds, Func<Task<T>> baseline, Func<Task<T>> candidate)
    {
        var measured = new List<(T Baseline, T Candidate)>(rounds);
        for (var r = 0; r < rounds; r++)
        {
            if (r % 2 == 0)
            {
                var b = await baseline();
                measured.Add((b, await candidate()));
            }
            else
            {
                var c = await candidate();
                measured.Add((await baseline(), c));
            }
        }

        return measured;
    }

    private static async Task CompareAsync(Pair pair, int rounds, int batch)
    {
        await WarmUpAsync(async () =>
        {
            for (var i = 0; i < batch; i++)
            {
                await pair.Baseline();
                await pair.Candidate();
            }
        });

        var measured = await InterleaveAsync(rounds, () => TimeAsync(pair.Baseline, batch), () => TimeAsync(pair.Candidate, batch));
        var ratios = measured.Select(m => m.Candidate.Wall / m.Baseline.Wall).ToArray();
        var cpuRatios = measured.Select(m => m.Candidate.Cpu / m.Baseline.Cpu).ToArray();
        var baseTotal = measured.Sum(m => m.Baseline.Wall);
        var candTotal = measured.Sum(m => m.Candidate.Wall);
        var baseCpu = measured.Sum(m => m.Baseline.Cpu);
        var candCpu = measured.Sum(m => m.Candidate.Cpu);

        var baseAlloc = await AllocatedPerOpAsync(pair.Baseline, batch);
        var candAlloc = await AllocatedPerOpAsync(pair.Candidate, batch);
        Array.Sort(ratios);
        Array.Sort(cpuRatios);
        Console.WriteLine(pair.Name);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {rounds} rounds × {batch} calls each side: baseline {baseTotal / rounds / batch * 1e6:F2} µs/op, candidate {candTotal / rounds / batch * 1e6:F2} µs/op"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  wall-clock ratio per round: median {Quantile(ratios, 0.5):F3}×, quartiles {Quantile(ratios, 0.25):F3}–{Quantile(ratios, 0.75):F3}×"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  process CPU time: baseline {baseCpu / rounds / batch * 1e6:F2} µs/op, candidate {candCpu / rounds / batch * 1e6:F2} µs/op; ratio per round: median {Quantile(cpuRatios, 0.5):F3}×, quartiles {Quantile(cpuRatios, 0.25):F3}–{Quantile(cpuRatios, 0.75):F3}×"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  allocated (whole process) per op: baseline {baseAlloc:F0} B, candidate {candAlloc:F0} B, ratio {candAlloc / baseAlloc:F3}×"));
    }

    /// <summary>
    /// Wall-clock time, and the CPU time of the whole process (all threads, from getrusage): CPU time does not count the
    /// time that the process waited for a core that another process held, which is what makes wall clock noisy here.
    /// </summary>
    private static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> op, int count)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++) await op();
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (wall, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
    }

    private static async Task<double> AllocatedPerOpAsync(Func<Task> op, int count)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++) await op();
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)count;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
