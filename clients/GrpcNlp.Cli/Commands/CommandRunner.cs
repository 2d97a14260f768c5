using System.CommandLine;
using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using GrpcNlp.Cli.Output;
using GrpcNlp.Client;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary>What every command does around its call: read inputs, connect, map failures to exit codes.</summary>
internal static class CommandRunner
{
    /// <summary>The body of a command: calls the server with the documents and prints the answers.</summary>
    public delegate Task CommandBody(
        GrpcNlpClient client,
        IReadOnlyList<Document> documents,
        CommandSettings settings,
        ParseResult parseResult,
        CancellationToken cancellationToken);

    public static void SetAction(
        Command command,
        GlobalOptions global,
        Argument<string[]> files,
        CliConsole console,
        CommandBody body)
    {
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult, global.Read(parseResult), parseResult.GetValue(files), console, body, cancellationToken));
    }

    public static async Task<int> RunAsync(
        ParseResult parseResult,
        CommandSettings settings,
        IReadOnlyList<string>? paths,
        CliConsole console,
        CommandBody body,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<Document> documents;
        try
        {
            documents = await InputFiles.ReadAsync(paths, settings.Language, console.In, settings.JsonLinesInput, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException or InvalidDataException)
        {
            // An InvalidDataException is a bad JSON Lines line; its message names file and line.
            await console.Error.WriteLineAsync($"error: cannot read input: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        using GrpcNlpClient client = GrpcNlpClient.Create(settings.Server);
        try
        {
            await body(client, documents, settings, parseResult, cancellationToken).ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (RpcException exception) when (IsUnreachable(exception))
        {
            await console.Error.WriteLineAsync(
                $"error: cannot reach server at {settings.Server}: {Innermost(exception.Status.DebugException!).Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (RpcException exception)
        {
            ErrorRenderer.Write(exception, console.Error);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Whether the call failed because no connection to the server could be made.</summary>
    internal static bool IsUnreachable(RpcException exception)
    {
        if (exception.StatusCode != StatusCode.Unavailable || exception.Status.DebugException is null)
        {
            return false;
        }

        for (Exception? inner = exception.Status.DebugException; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or SocketException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
