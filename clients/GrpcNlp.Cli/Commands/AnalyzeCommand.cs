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
        Argument<string[]> files = InputFiles.CreateArgument();
        var command = new Command("analyze", "Run the whole pipeline: language, tokens, entities and summary")
        {
            tokens,
            sentences,
            files,
        };

        CommandRunner.SetAction(command, global, files, console, async (client, documents, settings, parseResult, cancellationToken) =>
        {
            int tokensShown = parseResult.GetValue(tokens);
            foreach (Document document in documents)
            {
                var request = new AnalyzeRequest
                {
                    Document = document,
                    OffsetEncoding = settings.OffsetEncoding,
                    Summary = new SummarizeOptions { MaxSentences = parseResult.GetValue(sentences) },
                };
                AnalyzeResponse response = await client
                    .AnalyzeAsync(request, new CallOptions(cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                string? header = documents.Count > 1 ? document.Id : null;
                ResponseWriter.Write(response, header, settings.Json, console.Out,
                    (analysis, output) => PlainTextRenderer.WriteAnalysis(analysis, tokensShown, output));
            }
        });
        return command;
    }
}
