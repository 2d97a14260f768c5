using HdrHistogram;

namespace GrpcNlp.Cli.Bench;

/// <summary>What one worker saw; merged into the run's totals at the end.</summary>
internal sealed class BenchResult
{
    // Nanoseconds from 1 ns to one hour at 3 significant digits: 0.1 % resolution.
    private const long HighestLatencyNanoseconds = 3_600_000_000_000;

    /// <summary>Latency of every finished call, in nanoseconds.</summary>
    public LongHistogram Latencies { get; } = new(1, HighestLatencyNanoseconds, 3);

    /// <summary>Calls by final status name, as ghz spells it (OK, InvalidArgument, Unavailable, ...).</summary>
    public Dictionary<string, long> StatusCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Failed calls by error message, as ghz prints them.</summary>
    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Protobuf payload bytes sent.</summary>
    public long BytesSent { get; set; }

    /// <summary>Protobuf payload bytes received.</summary>
    public long BytesReceived { get; set; }

    /// <summary>Sum of the latencies, for an exact mean.</summary>
    public long LatencySumNanoseconds { get; private set; }

    /// <summary>Shortest call.</summary>
    public long FastestNanoseconds { get; private set; } = long.MaxValue;

    /// <summary>Longest call.</summary>
    public long SlowestNanoseconds { get; private set; }

    /// <summary>Calls finished, whatever their status.</summary>
    public long Count => Latencies.TotalCount;

    /// <summary>Calls that ended with a status other than OK.</summary>
    public long ErrorCount => Errors.Values.Sum();

    /// <summary>Records one finished call.</summary>
    public void Record(long nanoseconds, string status, string? error)
    {
        long clamped = Math.Clamp(nanoseconds, 1, HighestLatencyNanoseconds);
        Latencies.RecordValue(clamped);
        LatencySumNanoseconds += clamped;
        FastestNanoseconds = Math.Min(FastestNanoseconds, clamped);
        SlowestNanoseconds = Math.Max(SlowestNanoseconds, clamped);
        StatusCodes[status] = StatusCodes.GetValueOrDefault(status) + 1;
        if (error is not null)
        {
            Errors[error] = Errors.GetValueOrDefault(error) + 1;
        }
    }

    /// <summary>Adds <paramref name="other"/>'s calls to this one.</summary>
    public void Add(BenchResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Latencies.Add(other.Latencies);
        LatencySumNanoseconds += other.LatencySumNanoseconds;
        FastestNanoseconds = Math.Min(FastestNanoseconds, other.FastestNanoseconds);
        SlowestNanoseconds = Math.Max(SlowestNanoseconds, other.SlowestNanoseconds);
        BytesSent += other.BytesSent;
        BytesReceived += other.BytesReceived;
        foreach ((string key, long value) in other.StatusCodes)
        {
            StatusCodes[key] = StatusCodes.GetValueOrDefault(key) + value;
        }

        foreach ((string key, long value) in other.Errors)
        {
            Errors[key] = Errors.GetValueOrDefault(key) + value;
        }
    }
}
