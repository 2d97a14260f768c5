using System.Text.RegularExpressions;
using GrpcNlp.Cli.Output;
using GrpcNlp.Cli.Tests.EndToEnd;
using GrpcNlp.Cli.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.Output;

/// <summary>Entities coloured by type on a terminal, and the very same text without colour elsewhere.</summary>
public sealed partial class EntityColorsTests(ServerFixture server)
{
    [Theory]
    [InlineData("entities")]
    [InlineData("analyze")]
    public async Task A_terminal_gets_colours_that_only_add_to_the_plain_text(string command)
    {
        CliRun plain = await CliRun.RunAsync([command, "--server", server.Address], stdin: Texts.ArabicNews);
        CliRun colored = await CliRun.RunAsync([command, "--server", server.Address], stdin: Texts.ArabicNews, outIsTerminal: true);

        Assert.True(colored.ExitCode == 0, colored.ToString());
        Assert.DoesNotContain("\u001b[", plain.Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[", colored.Out, StringComparison.Ordinal);
        Assert.Equal(plain.Out, AnsiEscape().Replace(colored.Out, string.Empty));

        // The person's name is printed in the person colour (bold yellow: SGR 1 and 93 in the standard palette).
        Assert.Contains("\u001b[1;93mمحمد عبد الله\u001b[0m", colored.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_color_and_json_turn_colour_off_on_a_terminal()
    {
        CliRun noColor = await CliRun.RunAsync(
            ["entities", "--server", server.Address], stdin: Texts.ArabicNews,
            environment: new Dictionary<string, string> { [EntityColors.NoColorVariable] = "1" }, outIsTerminal: true);
        CliRun json = await CliRun.RunAsync(["entities", "--server", server.Address, "--json"], stdin: Texts.ArabicNews, outIsTerminal: true);

        Assert.DoesNotContain("\u001b[", noColor.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_and_values_have_distinct_colours()
    {
        Assert.NotEqual(EntityColors.StyleOf(EntityType.Person), EntityColors.StyleOf(EntityType.Location));
        Assert.NotEqual(EntityColors.StyleOf(EntityType.Location), EntityColors.StyleOf(EntityType.Organization));
        Assert.NotEqual(EntityColors.StyleOf(EntityType.Date), EntityColors.StyleOf(EntityType.Money));
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
