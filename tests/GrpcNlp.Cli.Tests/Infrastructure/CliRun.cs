namespace GrpcNlp.Cli.Tests.Infrastructure;

/// <summary>The outcome of one in-process run of the command line.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>grpcnlp</c> in-process with the given standard input and environment.</summary>
    public static async Task<CliRun> RunAsync(
        string[] args,
        string stdin = "",
        IReadOnlyDictionary<string, string>? environment = null,
        bool outIsTerminal = false,
        bool errorIsTerminal = false)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(
            input,
            output,
            error,
            name => environment is not null && environment.TryGetValue(name, out string? value) ? value : null)
        {
            OutIsTerminal = outIsTerminal,
            ErrorIsTerminal = errorIsTerminal,
        };
        int exitCode = await CliApp.RunAsync(args, console, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
