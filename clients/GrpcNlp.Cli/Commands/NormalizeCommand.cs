using System.CommandLine;
using Grpc.Core;
using GrpcNlp.Cli.Output;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary><c>grpcnlp normalize</c>: prints the normalized text of each input.</summary>
internal static class NormalizeCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var profile = new Option<string>("--profile", "-p")
        {
            Description = "Normalization profile",
            HelpName = "display|search|none|lucene|camel-arclean",
            DefaultValueFactory = _ => "display",
        };
        profile.AcceptOnlyFromAmong("display", "search", "none", "lucene", "camel-arclean");
        var edits = new Option<bool>("--edits")
        {
            Description = "Also list the edits that map the normalized text back to the original",
        };
        Option<int> parallel = CountOption.CreateParallel();
        Argument<string[]> files = InputFiles.CreateArgument();
        var command = new Command("normalize", "Normalize text (Unicode form, Arabic letter variants, digits, ...)")
        {
            profile,
            edits,
            parallel,
            files,
        };

        CommandRunner.SetAction(command, global, files, console, async (client, documents, settings, parseResult, cancellationToken) =>
        {
            var options = new NormalizationOptions { Profile = ToProfile(parseResult.GetValue(profile)) };
            bool showEdits = parseResult.GetValue(edits);
            await BatchProgress.RunAsync(console, "normalize", documents.Count, advance => BatchRunner.RunAsync(
                documents,
                parseResult.GetValue(parallel),
                (document, token) => client.NormalizeAsync(
                    new NormalizeRequest { Document = document, Options = options, OffsetEncoding = settings.OffsetEncoding },
                    new CallOptions(cancellationToken: token)),
                (_, response) =>
                {
                    ResponseWriter.Write(response, header: null, settings.Json, console.Out,
                        (normalized, output) => PlainTextRenderer.WriteNormalization(normalized, showEdits, output));
                    advance();
                },
                cancellationToken)).ConfigureAwait(false);
        });
        return command;
    }

    internal static NormalizationProfile ToProfile(string? value) => value switch
    {
        "search" => NormalizationProfile.Search,
        "none" => NormalizationProfile.None,
        "lucene" => NormalizationProfile.Lucene,
        "camel-arclean" => NormalizationProfile.CamelArclean,
        _ => NormalizationProfile.Display,
    };
}
