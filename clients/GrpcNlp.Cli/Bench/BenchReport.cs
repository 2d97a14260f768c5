using System.Globalization;
using System.Text.Json;

namespace GrpcNlp.Cli.Bench;

/// <summary>
/// The outcome of a run in ghz's report shape: the JSON of <c>ghz -O json</c> (durations in
/// nanoseconds, histogram marks in seconds) and a summary like ghz's default output.
/// </summary>
internal sealed class BenchReport(BenchSettings settings, BenchResult result, TimeSpan elapsed, DateTimeOffset date)
{
    // The percentiles ghz lists in latencyDistribution.
    private static readonly int[] s_percentages = [10, 25, 50, 75, 90, 95, 99];

    private const int HistogramBuckets = 10;

    /// <summary>Calls per second over the whole run.</summary>
    public double Rps => elapsed > TimeSpan.Zero ? result.Count / elapsed.TotalSeconds : 0;

    /// <summary>Mean latency in nanoseconds.</summary>
    public long AverageNanoseconds => result.Count > 0 ? result.LatencySumNanoseconds / result.Count : 0;

    /// <summary>Latency at <paramref name="percentile"/> (0-100), in nanoseconds.</summary>
    public long Percentile(double percentile) => result.Count > 0 ? result.Latencies.GetValueAtPercentile(percentile) : 0;

    /// <summary>Writes ghz's JSON report, plus <c>bytesSent</c>/<c>bytesReceived</c> (protobuf payload bytes), which ghz lacks.</summary>
    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("date", date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("endReason", "normal");
        json.WriteStartObject("options");
        json.WriteString("host", settings.Address);
        json.WriteString("call", settings.Call);
        json.WriteBoolean("insecure", settings.Address.StartsWith("http://", StringComparison.Ordinal));
        json.WriteNumber("total", settings.Total ?? 0);
        json.WriteNumber("concurrency", settings.Concurrency);
        json.WriteNumber("connections", settings.Connections);
        json.WriteNumber("rps", settings.Rps);
        json.WriteNumber("duration", (long)((settings.Duration ?? TimeSpan.Zero).Ticks * 100L));
        json.WriteNumber("timeout", settings.Timeout.Ticks * 100L);
        json.WriteEndObject();
        json.WriteNumber("count", result.Count);
        json.WriteNumber("total", elapsed.Ticks * 100L);
        json.WriteNumber("average", AverageNanoseconds);
        json.WriteNumber("fastest", result.Count > 0 ? result.FastestNanoseconds : 0);
        json.WriteNumber("slowest", result.SlowestNanoseconds);
        json.WriteNumber("rps", Rps);
        WriteDistribution(json, "errorDistribution", result.Errors);
        WriteDistribution(json, "statusCodeDistribution", result.StatusCodes);
        json.WriteStartArray("latencyDistribution");
        foreach (int percentage in s_percentages)
        {
            json.WriteStartObject();
            json.WriteNumber("percentage", percentage);
            json.WriteNumber("latency", Percentile(percentage));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("histogram");
        foreach ((double mark, long count) in Buckets())
        {
            json.WriteStartObject();
            json.WriteNumber("mark", mark);
            json.WriteNumber("count", count);
            json.WriteNumber("frequency", result.Count > 0 ? (double)count / result.Count : 0);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        // ghz lists every call here; a bounded run of millions of calls would make this huge, so
        // the bench keeps only the aggregates above.
        json.WriteStartArray("details");
        json.WriteEndArray();
        json.WriteNumber("bytesSent", result.BytesSent);
        json.WriteNumber("bytesReceived", result.BytesReceived);
        json.WriteEndObject();
    }

    /// <summary>Writes a summary like ghz's: counts, rate, latencies, statuses, errors and bytes.</summary>
    public void WriteSummary(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        CultureInfo invariant = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine("Summary:");
        output.WriteLine($"  Count:\t{result.Count}");
        output.WriteLine($"  Total:\t{BenchValues.FormatDuration(elapsed.Ticks * 100L)}");
        output.WriteLine($"  Slowest:\t{BenchValues.FormatDuration(result.SlowestNanoseconds)}");
        output.WriteLine($"  Fastest:\t{BenchValues.FormatDuration(result.Count > 0 ? result.FastestNanoseconds : 0)}");
        output.WriteLine($"  Average:\t{BenchValues.FormatDuration(AverageNanoseconds)}");
        output.WriteLine(string.Create(invariant, $"  Requests/sec:\t{Rps:0.00}"));
        if (result.BytesSent > 0 && elapsed > TimeSpan.Zero)
        {
            output.WriteLine(string.Create(invariant, $"  Sent:\t{result.BytesSent} bytes ({result.BytesSent / elapsed.TotalSeconds / 1e6:0.0} MB/s)"));
            output.WriteLine(string.Create(invariant, $"  Received:\t{result.BytesReceived} bytes ({result.BytesReceived / elapsed.TotalSeconds / 1e6:0.0} MB/s)"));
        }

        output.WriteLine();
        output.WriteLine("Latency distribution:");
        foreach (int percentage in s_percentages)
        {
            output.WriteLine($"  {percentage} % in {BenchValues.FormatDuration(Percentile(percentage))}");
        }

        output.WriteLine();
        output.WriteLine("Status code distribution:");
        foreach ((string status, long count) in result.StatusCodes.OrderByDescending(pair => pair.Value))
        {
            output.WriteLine($"  [{status}]\t{count} responses");
        }

        if (result.Errors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Error distribution:");
            foreach ((string error, long count) in result.Errors.OrderByDescending(pair => pair.Value))
            {
                output.WriteLine($"  [{count}]\t{error}");
            }
        }
    }

    private static void WriteDistribution(Utf8JsonWriter json, string name, Dictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach ((string key, long count) in counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }

    // ghz's histogram: equal-width buckets from the fastest to the slowest call, each marked with
    // its upper bound in seconds and counting the calls at or below it.
    private List<(double Mark, long Count)> Buckets()
    {
        var buckets = new List<(double, long)>();
        if (result.Count == 0)
        {
            return buckets;
        }

        long fastest = result.FastestNanoseconds;
        long slowest = result.SlowestNanoseconds;
        double width = (double)(slowest - fastest) / HistogramBuckets;
        long[] counts = new long[HistogramBuckets + 1];
        foreach (HdrHistogram.Iteration.HistogramIterationValue value in result.Latencies.RecordedValues())
        {
            long latency = value.ValueIteratedTo;
            int bucket = width > 0 ? (int)Math.Clamp(Math.Ceiling((latency - fastest) / width), 0, HistogramBuckets) : 0;
            counts[bucket] += value.CountAtValueIteratedTo;
        }

        for (int i = 0; i <= HistogramBuckets; i++)
        {
            buckets.Add(((fastest + (i * width)) / 1e9, counts[i]));
        }

        return buckets;
    }
}
