using System.CommandLine;
using Grpc.Core;
using GrpcNlp.Cli.Output;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary><c>grpcnlp entities</c>: lists the entities of each input with their mentions.</summary>
internal static class EntitiesCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        Option<string?> referenceDate = ReferenceDateOption.Create();
        var groupAcross = new Option<bool>("--group-across-documents", "-g")
        {
            Description = "With several inputs: number the entities across all of them (a 'batch' column; batch_entity in JSON)",
        };
        Argument<string[]> files = InputFiles.CreateArgument();
        var command = new Command("entities", "Extract named entities and typed values (dates, numbers, money, ...)")
        {
            referenceDate,
            groupAcross,
            files,
        };

        CommandRunner.SetAction(command, global, files, console, async (client, documents, settings, parseResult, cancellationToken) =>
        {
            EntityColors? colors = EntityColors.For(console, settings.Json);
            void WriteEntities(ExtractEntitiesResponse response, TextWriter output) => PlainTextRenderer.WriteEntities(response, colors, output);
            EntityOptions? options = ReferenceDateOption.ToEntityOptions(parseResult, referenceDate);
            if (parseResult.GetValue(groupAcross))
            {
                options ??= new EntityOptions();
                options.GroupAcrossDocuments = true;
            }

            if (documents.Count == 1)
            {
                var request = new ExtractEntitiesRequest { Document = documents[0], OffsetEncoding = settings.OffsetEncoding, Options = options };
                ExtractEntitiesResponse response = await client
                    .ExtractEntitiesAsync(request, new CallOptions(cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                ResponseWriter.Write(response, header: null, settings.Json, console.Out, WriteEntities);
                return;
            }

            // Several documents go over one batch stream, answered in order with their ids; the
            // stream already keeps requests flowing while answers come back, so no --parallel here.
            await BatchProgress.RunAsync(console, "entities", documents.Count, async advance =>
            {
                await foreach (ExtractEntitiesResponse response in client
                    .ExtractEntitiesBatchAsync(documents, options, settings.OffsetEncoding, cancellationToken)
                    .ConfigureAwait(false))
                {
                    ResponseWriter.Write(response, response.DocumentId, settings.Json, console.Out, WriteEntities);
                    advance();
                }
            }).ConfigureAwait(false);
        });
        return command;
    }
}
