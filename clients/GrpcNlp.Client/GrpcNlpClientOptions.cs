namespace GrpcNlp.Client;

/// <summary>
/// Settings of a <see cref="GrpcNlpClient"/> created by <see cref="GrpcNlpClient.Create(GrpcNlpClientOptions)"/>
/// or registered by <see cref="GrpcNlpClientServiceCollectionExtensions.AddGrpcNlpClient"/>.
/// </summary>
public sealed class GrpcNlpClientOptions
{
    /// <summary>The default server address.</summary>
    public const string DefaultAddress = "http://127.0.0.1:5080";

    /// <summary>
    /// Gets or sets the server address. An <c>http://</c> address uses HTTP/2 without TLS (h2c).
    /// The default is <see cref="DefaultAddress"/>.
    /// </summary>
    public Uri Address { get; set; } = new(DefaultAddress);

    /// <summary>
    /// Gets the servers to spread calls across, round-robin, over one channel with a connection to
    /// each (gRPC client-side load balancing with a static resolver). When it holds any address,
    /// <see cref="Address"/> is ignored. Every address must use the same scheme; a server that
    /// stops answering is skipped until it is back. Empty by default.
    /// </summary>
    public IList<Uri> Addresses { get; } = [];

    /// <summary>
    /// Gets or sets the compression of request messages, such as <c>gzip</c> (the provider
    /// Grpc.Net.Client ships); <see langword="null"/> sends them uncompressed. Answers are
    /// compressed as the server decides; the client accepts gzip. The default is <see langword="null"/>.
    /// </summary>
    public string? RequestCompression { get; set; }

    /// <summary>
    /// Gets or sets the deadline applied to every call that does not set its own, measured from
    /// the start of the call. <see langword="null"/> leaves such calls without a deadline.
    /// The default is 30 seconds.
    /// </summary>
    public TimeSpan? DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many times a call that failed with <c>UNAVAILABLE</c> is retried
    /// (with exponential backoff); 0 disables retries. The default is 3.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the backoff before the first retry. The default is 200 milliseconds.</summary>
    public TimeSpan RetryInitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the longest backoff between two retries. The default is 2 seconds.</summary>
    public TimeSpan RetryMaxBackoff { get; set; } = TimeSpan.FromSeconds(2);
}
