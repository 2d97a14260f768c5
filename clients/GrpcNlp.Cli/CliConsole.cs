namespace GrpcNlp.Cli;

/// <summary>The standard streams and environment a command sees; tests substitute their own.</summary>
internal sealed record CliConsole(
    TextReader In,
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>Whether standard output is a terminal (not a file or pipe): colour is used only then.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal: a progress bar is drawn only then.</summary>
    public bool ErrorIsTerminal { get; init; }
}
