using System.CommandLine;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary>The <c>--reference-date</c> option of the commands that extract entities.</summary>
internal static class ReferenceDateOption
{
    public static Option<string?> Create() => new("--reference-date", "-r")
    {
        Description = "The day the texts were written (YYYY-MM-DD): relative dates (أمس, tomorrow, العام الماضي) and weekdays get a value from it",
    };

    /// <summary>The entity options that carry the parsed value, or null when the option was not given.</summary>
    public static EntityOptions? ToEntityOptions(ParseResult parseResult, Option<string?> option) =>
        parseResult.GetValue(option) is { Length: > 0 } date ? new EntityOptions { ReferenceDate = date } : null;
}
