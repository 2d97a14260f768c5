using System.CommandLine;
using GrpcNlp.Client;
using GrpcNlp.V1;

namespace GrpcNlp.Cli;

/// <summary>The options every command accepts.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The environment variable that supplies the default of <c>--server</c>.</summary>
    public const string ServerVariable = "GRPCNLP_SERVER";

    public GlobalOptions(CliConsole console)
    {
        Server = new Option<string>("--server", "-s")
        {
            Description = $"Server address [env: {ServerVariable}]",
            HelpName = "url",
            Recursive = true,
            DefaultValueFactory = _ => console.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : GrpcNlpClientOptions.DefaultAddress,
        };
        Server.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--server must be an http:// or https:// address, not '{value}'.");
            }
        });

        // One compact object per line is JSON Lines already, hence the alias.
        Json = new Option<bool>("--json", "--jsonl")
        {
            Description = "Print each response as protobuf JSON, one object per line (JSON Lines)",
            Recursive = true,
        };

        JsonLinesInput = new Option<bool>("--jsonl-input")
        {
            Description = "Read every input as JSON Lines: one {\"id\", \"text\", \"language\"} object per line (*.jsonl files always are)",
            Recursive = true,
        };

        Encoding = new Option<string>("--encoding", "-e")
        {
            Description = "Unit of the offsets shown",
            HelpName = "utf8|utf16|codepoint",
            Recursive = true,
            DefaultValueFactory = _ => "utf8",
        };
        Encoding.AcceptOnlyFromAmong("utf8", "utf16", "codepoint");

        Language = new Option<string?>("--language", "-l")
        {
            Description = "BCP-47 language of the input, such as ar or en (default: detected)",
            Recursive = true,
        };
    }

    public Option<string> Server { get; }

    public Option<bool> Json { get; }

    public Option<string> Encoding { get; }

    public Option<string?> Language { get; }

    public Option<bool> JsonLinesInput { get; }

    public static OffsetEncoding ToOffsetEncoding(string? value) => value switch
    {
        "utf16" => OffsetEncoding.Utf16,
        "codepoint" => OffsetEncoding.CodePoint,
        _ => OffsetEncoding.Utf8,
    };

    /// <summary>Reads the global options of a parsed command line.</summary>
    public CommandSettings Read(ParseResult parseResult) => new(
        parseResult.GetValue(Server) ?? GrpcNlpClientOptions.DefaultAddress,
        parseResult.GetValue(Json),
        ToOffsetEncoding(parseResult.GetValue(Encoding)),
        parseResult.GetValue(Language) ?? string.Empty,
        parseResult.GetValue(JsonLinesInput));
}

/// <summary>The global option values of one invocation.</summary>
internal sealed record CommandSettings(string Server, bool Json, OffsetEncoding OffsetEncoding, string Language, bool JsonLinesInput);
