using System.ComponentModel.DataAnnotations;

namespace GrpcNlp.Server.Configuration;

/// <summary>Limits and switches of the server, bound from the <c>GrpcNlp</c> configuration section.</summary>
public sealed class GrpcNlpServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "GrpcNlp";

    /// <summary>Largest gRPC message received or sent, in bytes.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Longest document accepted, in UTF-16 code units.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDocumentChars { get; set; } = 1_000_000;

    /// <summary>Most text bytes (UTF-8) a client-streaming summarization may send.</summary>
    [Range(1, long.MaxValue)]
    public long MaxStreamBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Most documents in one entity batch request.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBatchDocuments { get; set; } = 64;

    /// <summary>
    /// Most documents of one entity batch stream extracted at the same time (answers still go out
    /// in the order the documents came); 0: one per processor.
    /// </summary>
    [Range(0, 1024)]
    public int BatchConcurrency { get; set; }

    /// <summary>Most documents in one summary (unary or streamed).</summary>
    [Range(1, int.MaxValue)]
    public int MaxSummaryDocuments { get; set; } = 64;

    /// <summary>Most concurrent HTTP/2 streams (calls) per connection.</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentStreams { get; set; } = 100;

    /// <summary>Whether the Prometheus scrape endpoint is mapped at /metrics.</summary>
    public bool EnablePrometheus { get; set; } = true;
}
