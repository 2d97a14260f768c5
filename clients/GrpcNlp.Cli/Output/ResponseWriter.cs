using Google.Protobuf;

namespace GrpcNlp.Cli.Output;

/// <summary>Writes one response the way every command does: as JSON with <c>--json</c>, else as plain text under an optional document header.</summary>
internal static class ResponseWriter
{
    /// <param name="response">The response to write.</param>
    /// <param name="header">The document header to print before the plain text, or <see langword="null"/> for none (JSON output never has one).</param>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="writePlain">The command's plain-text renderer.</param>
    public static void Write<T>(T response, string? header, bool json, TextWriter output, Action<T, TextWriter> writePlain)
        where T : IMessage
    {
        if (json)
        {
            JsonOutput.Write(response, output);
            return;
        }

        if (header is not null)
        {
            PlainTextRenderer.WriteDocumentHeader(header, output);
        }

        writePlain(response, output);
    }
}
