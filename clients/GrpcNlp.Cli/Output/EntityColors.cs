using GrpcNlp.V1;
using Spectre.Console;

namespace GrpcNlp.Cli.Output;

/// <summary>
/// Colours entity rows and mention texts by entity type, through Spectre.Console, on a terminal
/// only: files, pipes and tests get the same text without escape codes.
/// </summary>
internal sealed class EntityColors
{
    /// <summary>The environment variable that turns colour off everywhere (https://no-color.org).</summary>
    public const string NoColorVariable = "NO_COLOR";

    private readonly IAnsiConsole _terminal;

    private EntityColors(IAnsiConsole terminal)
    {
        // The text is placed mid-line by the caller, so Spectre must never wrap it at its idea of the width.
        terminal.Profile.Width = int.MaxValue / 2;
        _terminal = terminal;
    }

    /// <summary>
    /// The colours for this run, or <see langword="null"/> when standard output is not a
    /// terminal, the output is JSON, or <c>NO_COLOR</c> is set.
    /// </summary>
    public static EntityColors? For(CliConsole console, bool json)
    {
        if (!console.OutIsTerminal || json || console.GetEnvironmentVariable(NoColorVariable) is { Length: > 0 })
        {
            return null;
        }

        return new EntityColors(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
        }));
    }

    /// <summary>The Spectre markup style of a type: one colour per kind of name, one per kind of value.</summary>
    public static string StyleOf(EntityType type) => type switch
    {
        EntityType.Person => "bold yellow",
        EntityType.Location => "bold green",
        EntityType.Organization => "bold aqua",
        EntityType.Misc => "bold fuchsia",
        EntityType.Date or EntityType.Time or EntityType.Duration => "blue",
        EntityType.Number or EntityType.Ordinal or EntityType.Percent or EntityType.Money or EntityType.Quantity => "teal",
        EntityType.Url or EntityType.Email or EntityType.Phone => "purple",
        _ => "default",
    };

    /// <summary>Writes <paramref name="text"/> in the colour of <paramref name="type"/>.</summary>
    public void Write(string text, EntityType type)
        => _terminal.Markup($"[{StyleOf(type)}]{Markup.Escape(text)}[/]");
}
