using System.CommandLine;
using Grpc.Core;
using GrpcNlp.Cli.Output;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary><c>grpcnlp summarize</c>: one extractive summary of all inputs together.</summary>
internal static class SummarizeCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        Option<int> sentences = CountOption.Create("--sentences", "-n", "Maximum number of sentences in the summary", 3, 1);
        Argument<string[]> files = InputFiles.CreateArgument();
        var command = new Command("summarize", "Summarize one or several documents about one subject into one summary")
        {
            sentences,
            files,
        };

        CommandRunner.SetAction(command, global, files, console, async (client, documents, settings, parseResult, cancellationToken) =>
        {
            var request = new SummarizeRequest
            {
                Options = new SummarizeOptions { MaxSentences = parseResult.GetValue(sentences) },
                OffsetEncoding = settings.OffsetEncoding,
            };
            request.Documents.AddRange(documents);
            SummarizeResponse response = await client
                .SummarizeAsync(request, new CallOptions(cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(response, console.Out);
            }
            else
            {
                PlainTextRenderer.WriteSummary(response, showDocument: documents.Count > 1, console.Out);
            }
        });
        return command;
    }
}
