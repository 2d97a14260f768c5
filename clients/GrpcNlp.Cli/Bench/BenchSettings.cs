namespace GrpcNlp.Cli.Bench;

/// <summary>The shape of one load run, as parsed from the command line.</summary>
/// <param name="Address">Server address, such as <c>http://127.0.0.1:5080</c>.</param>
/// <param name="Call">The call as written, such as <c>grpcnlp.v1.TokenizationService.Tokenize</c>.</param>
/// <param name="Concurrency">Workers, each with one call in flight at a time.</param>
/// <param name="Total">Calls to make; null when the run is bounded by <paramref name="Duration"/>.</param>
/// <param name="Duration">How long to keep starting calls; null when bounded by <paramref name="Total"/>.</param>
/// <param name="Connections">gRPC channels (one HTTP/2 connection each) the workers share round-robin.</param>
/// <param name="Rps">Most calls started per second over the whole run; 0 for no limit.</param>
/// <param name="Timeout">Deadline of each call.</param>
internal sealed record BenchSettings(
    string Address,
    string Call,
    int Concurrency,
    long? Total,
    TimeSpan? Duration,
    int Connections,
    double Rps,
    TimeSpan Timeout);
