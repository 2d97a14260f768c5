using System.CommandLine;
using Grpc.Core;
using GrpcNlp.Cli.Output;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary><c>grpcnlp analyze</c>: language, tokens, entities and summary of each input.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        Option<int> tokens = CountOption.Create("--tokens", "-t", "How many of the first tokens to list", 10, 0);
        Option<int> sentences = CountOption.Create("--sentences", "-n", "Maximum number of summary sentences", 3, 1);
        Option<int> parallel = CountOption.CreateParallel();
        Option<string?> referenceDate = ReferenceDateOption.Create();
        Argument<string[]> files = InputFiles.CreateArgument();
        var command = new Command("analyze", "Run the whole pipeline: language, tokens, entities and summary")
        {
            tokens,
            sentences,
            parallel,
            referenceDate,
            files,
        };

        CommandRunner.SetAction(command, global, files, console, async (client, documents, settings, parseResult, cancellationToken) =>
        {
            int tokensShown = parseResult.GetValue(tokens);
            EntityColors? colors = EntityColors.For(console, settings.Json);
            var summary = new SummarizeOptions { MaxSentences = parseResult.GetValue(sentences) };
            EntityOptions? entities = ReferenceDateOption.ToEntityOptions(parseResult, referenceDate);
            await BatchProgress.RunAsync(console, "analyze", documents.Count, advance => BatchRunner.RunAsync(
                documents,
                parseResult.GetValue(parallel),
                (document, token) => client.AnalyzeAsync(
                    new AnalyzeRequest { Document = document, OffsetEncoding = settings.OffsetEncoding, Summary = summary, Entities = entities },
                    new CallOptions(cancellationToken: token)),
                (document, response) =>
                {
                    string? header = documents.Count > 1 ? document.Id : null;
                    ResponseWriter.Write(response, header, settings.Json, console.Out,
                        (analysis, output) => PlainTextRenderer.WriteAnalysis(analysis, tokensShown, colors, output));
                    advance();
                },
                cancellationToken)).ConfigureAwait(false);
        });
        return command;
    }
}
