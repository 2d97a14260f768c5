using System.CommandLine;
using Grpc.Core;
using GrpcNlp.Cli.Output;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary><c>grpcnlp tokenize</c>: lists the tokens and counts the sentences of each input.</summary>
internal static class TokenizeCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        Argument<string[]> files = InputFiles.CreateArgument();
        var command = new Command("tokenize", "Split text into tokens and sentences")
        {
            files,
        };

        CommandRunner.SetAction(command, global, files, console, async (client, documents, settings, parseResult, cancellationToken) =>
        {
            foreach (Document document in documents)
            {
                var request = new TokenizeRequest { Document = document, OffsetEncoding = settings.OffsetEncoding };
                TokenizeResponse response = await client
                    .TokenizeAsync(request, new CallOptions(cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                string? header = documents.Count > 1 ? document.Id : null;
                ResponseWriter.Write(response, header, settings.Json, console.Out, PlainTextRenderer.WriteTokens);
            }
        });
        return command;
    }
}
