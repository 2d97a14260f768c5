using System.CommandLine;
using GrpcNlp.Cli.Bench;
using GrpcNlp.Cli.Commands;

namespace GrpcNlp.Cli;

/// <summary>The command line of <c>grpcnlp</c>, runnable in-process with any standard streams.</summary>
internal static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
        => RunAsync(
            args,
            new CliConsole(stdin, stdout, stderr, Environment.GetEnvironmentVariable)
            {
                OutIsTerminal = !Console.IsOutputRedirected,
                ErrorIsTerminal = !Console.IsErrorRedirected,
            },
            CancellationToken.None);

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        RootCommand root = CreateRootCommand(console);
        ParseResult parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        int exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);

        // System.CommandLine reports parse errors with 1, which is also the code of a failed call;
        // usage errors get their own code so scripts can tell them apart.
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }

    /// <summary>Builds the command tree; the commands write to <paramref name="console"/>.</summary>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var global = new GlobalOptions(console);
        var root = new RootCommand("grpcnlp: normalize, tokenize, extract entities from and summarize text with a GrpcNlp server.")
        {
            global.Server,
            global.Json,
            global.Encoding,
            global.Language,
            global.JsonLinesInput,
            NormalizeCommand.Create(global, console),
            TokenizeCommand.Create(global, console),
            EntitiesCommand.Create(global, console),
            SummarizeCommand.Create(global, console),
            AnalyzeCommand.Create(global, console),
            BenchCommand.Create(global, console),
        };
        return root;
    }
}
