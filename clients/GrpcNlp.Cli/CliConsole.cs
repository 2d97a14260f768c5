namespace GrpcNlp.Cli;

/// <summary>The standard streams and environment a command sees; tests substitute their own.</summary>
internal sealed record CliConsole(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable);
