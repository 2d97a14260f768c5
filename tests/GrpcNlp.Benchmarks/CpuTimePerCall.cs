using System.Diagnostics;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// <c>cpu-per-call</c>: the rows of <see cref="TokenizeTweetBenchmarks"/> measured as the
/// process's CPU time per call, in alternating blocks of 20,000 calls, with the median block of
/// each. On shared cores a wall-clock mean includes the time other jobs held the core, and
/// BenchmarkDotNet's error on these sub-10 µs rows was as large as the means; CPU time counts only
/// this process (its GC included), and alternating blocks give every row the same conditions.
/// </summary>
internal static class CpuTimePerCall
{
    private const int CallsPerBlock = 20_000;

    /// <summary>Runs <paramref name="rounds"/> rounds of every row and prints the medians.</summary>
    public static void Run(int rounds)
    {
        var benchmarks = new TokenizeTweetBenchmarks();
        benchmarks.Setup();
        (string Name, Func<int> Call)[] rows =
        [
            (nameof(benchmarks.ParseRequest), benchmarks.ParseRequest),
            (nameof(benchmarks.Core), benchmarks.Core),
            (nameof(benchmarks.GeneratedMessages), benchmarks.GeneratedMessages),
            (nameof(benchmarks.GrpcBindingServiceOnly), benchmarks.GrpcBindingServiceOnly),
            (nameof(benchmarks.GrpcBinding), benchmarks.GrpcBinding),
        ];

        // Warm up: tiered compilation reaches its final code after some thousands of calls.
        for (int i = 0; i < 30; i++)
        {
            foreach ((_, Func<int> call) in rows)
            {
                Repeat(call, 2_000);
            }
        }

        var micros = rows.ToDictionary(row => row.Name, _ => new List<double>());
        using var process = Process.GetCurrentProcess();
        for (int round = 0; round < rounds; round++)
        {
            foreach ((string name, Func<int> call) in rows)
            {
                process.Refresh();
                TimeSpan before = process.TotalProcessorTime;
                Repeat(call, CallsPerBlock);
                process.Refresh();
                micros[name].Add((process.TotalProcessorTime - before).TotalMicroseconds / CallsPerBlock);
            }
        }

        double baseline = Median(micros[nameof(benchmarks.GeneratedMessages)]);
        Console.WriteLine($"CPU time per call, median of {rounds} blocks of {CallsPerBlock:N0} calls (ratio to GeneratedMessages):");
        foreach ((string name, List<double> values) in micros)
        {
            double median = Median(values);
            Console.WriteLine($"  {name,-24} {median,6:F2} µs   min {values.Min(),6:F2}   max {values.Max(),6:F2}   ratio {median / baseline:F2}");
        }
    }

    private static void Repeat(Func<int> call, int count)
    {
        for (int i = 0; i < count; i++)
        {
            call();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
