using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GrpcNlp.Server.Telemetry;

/// <summary>The service's own meter: what was processed, by RPC method.</summary>
public sealed class GrpcNlpMetrics
{
    /// <summary>Name of the meter and of the activity source.</summary>
    public const string MeterName = "GrpcNlp";

    private readonly Counter<long> _documents;
    private readonly Counter<long> _characters;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _entities;
    private readonly Histogram<double> _callDuration;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public GrpcNlpMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _documents = meter.CreateCounter<long>("grpcnlp.documents", "{document}", "Documents processed.");
        _characters = meter.CreateCounter<long>("grpcnlp.characters", "{char}", "UTF-16 code units of text processed.");
        _tokens = meter.CreateCounter<long>("grpcnlp.tokens", "{token}", "Tokens produced.");
        _entities = meter.CreateCounter<long>("grpcnlp.entities", "{mention}", "Entity mentions produced.");
        _callDuration = meter.CreateHistogram(
            "rpc.server.call.duration",
            unit: "s",
            description: "Duration of gRPC server calls.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            });
    }

    /// <summary>The activity source of the service's own spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(MeterName);

    /// <summary>Records processed documents and their length.</summary>
    public void Documents(string method, int count, long characters)
    {
        var tag = new KeyValuePair<string, object?>("rpc.method", method);
        _documents.Add(count, tag);
        _characters.Add(characters, tag);
    }

    /// <summary>Records produced tokens.</summary>
    public void Tokens(string method, int count)
    {
        if (count > 0)
        {
            _tokens.Add(count, new KeyValuePair<string, object?>("rpc.method", method));
        }
    }

    /// <summary>Records produced entity mentions.</summary>
    public void Entities(string method, int count)
    {
        if (count > 0)
        {
            _entities.Add(count, new KeyValuePair<string, object?>("rpc.method", method));
        }
    }

    /// <summary>Records one finished call per the OpenTelemetry RPC semantic conventions.</summary>
    public void CallDuration(double seconds, string service, string method, int statusCode)
    {
        var tags = new TagList
        {
            { "rpc.system", "grpc" },
            { "rpc.service", service },
            { "rpc.method", method },
            { "rpc.grpc.status_code", statusCode },
        };
        _callDuration.Record(seconds, tags);
    }
}
