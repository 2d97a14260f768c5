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
        var segmentation = new Option<string>("--segmentation")
        {
            Description = "Split Arabic words into clitics with this scheme",
            HelpName = "none|atb|d3|farasa",
            DefaultValueFactory = _ => "none",
        };
        segmentation.AcceptOnlyFromAmong("none", "atb", "d3", "farasa");
        var llm = new Option<string[]>("--llm")
        {
            Description = "Also count the tokens of an LLM encoding for the text and each sentence (repeatable)",
            HelpName = "o200k|cl100k",
            AllowMultipleArgumentsPerToken = false,
        };
        llm.AcceptOnlyFromAmong("o200k", "cl100k");
        Option<int> parallel = CountOption.CreateParallel();
        Argument<string[]> files = InputFiles.CreateArgument();
        var command = new Command("tokenize", "Split text into tokens and sentences")
        {
            segmentation,
            llm,
            parallel,
            files,
        };

        CommandRunner.SetAction(command, global, files, console, async (client, documents, settings, parseResult, cancellationToken) =>
        {
            var options = new TokenizeOptions { Segmentation = ToScheme(parseResult.GetValue(segmentation)) };
            options.LlmEncodings.Add((parseResult.GetValue(llm) ?? []).Select(ToEncoding));
            await BatchProgress.RunAsync(console, "tokenize", documents.Count, advance => BatchRunner.RunAsync(
                documents,
                parseResult.GetValue(parallel),
                (document, token) => client.TokenizeAsync(
                    new TokenizeRequest { Document = document, Options = options, OffsetEncoding = settings.OffsetEncoding },
                    new CallOptions(cancellationToken: token)),
                (document, response) =>
                {
                    string? header = documents.Count > 1 ? document.Id : null;
                    ResponseWriter.Write(response, header, settings.Json, console.Out, PlainTextRenderer.WriteTokens);
                    advance();
                },
                cancellationToken)).ConfigureAwait(false);
        });
        return command;
    }

    internal static SegmentationScheme ToScheme(string? value) => value switch
    {
        "atb" => SegmentationScheme.Atb,
        "d3" => SegmentationScheme.D3,
        "farasa" => SegmentationScheme.Farasa,
        _ => SegmentationScheme.Unspecified,
    };

    internal static LlmEncoding ToEncoding(string value) => value switch
    {
        "cl100k" => LlmEncoding.Cl100KBase,
        _ => LlmEncoding.O200KBase,
    };
}
