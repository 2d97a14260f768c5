using Google.Protobuf;

namespace GrpcNlp.Cli.Output;

/// <summary>Writes responses as protobuf JSON (the canonical proto3 mapping), one object per line.</summary>
internal static class JsonOutput
{
    // Default values are written too, so a reader sees every field (an offset of 0, an empty
    // language) rather than having to know the proto3 defaults.
    private static readonly JsonFormatter s_formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void Write(IMessage message, TextWriter output)
    {
        s_formatter.Format(message, output);
        output.WriteLine();
    }
}
