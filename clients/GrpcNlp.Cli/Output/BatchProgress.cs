using Spectre.Console;

namespace GrpcNlp.Cli.Output;

/// <summary>
/// A progress bar on standard error for runs over several documents, drawn with Spectre.Console.
/// It is drawn only when standard error is a terminal and standard output is not: in a pipe or a
/// log it would be noise, and on a terminal that also shows the answers its redraws would
/// overwrite them. With one document there is nothing to show.
/// </summary>
internal static class BatchProgress
{
    /// <summary>Runs <paramref name="work"/>, which calls its argument once per document done.</summary>
    public static async Task RunAsync(CliConsole console, string label, int total, Func<Action, Task> work)
    {
        if (total < 2 || !console.ErrorIsTerminal || console.OutIsTerminal)
        {
            await work(static () => { }).ConfigureAwait(false);
            return;
        }

        IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Interactive = InteractionSupport.Yes,
        });
        await terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask(label, maxValue: total);
                await work(() => task.Increment(1)).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
    }
}
