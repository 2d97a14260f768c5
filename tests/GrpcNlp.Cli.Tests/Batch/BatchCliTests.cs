using Google.Protobuf;
using GrpcNlp.Cli.Tests.EndToEnd;
using GrpcNlp.Cli.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.Batch;

/// <summary>Batch runs of the CLI against the live server: order, and where the progress bar goes.</summary>
public sealed class BatchCliTests(ServerFixture server)
{
    private static readonly string s_input = string.Join('\n', Enumerable.Range(0, 12).Select(i =>
        $$"""{"id":"doc{{i}}","text":"{{(i % 2 == 0 ? Texts.ArabicNews : "Short text number " + i + ".")}}"}"""));

    [Fact]
    public async Task Parallel_calls_answer_in_input_order_and_draw_no_bar_when_stderr_is_not_a_terminal()
    {
        CliRun run = await CliRun.RunAsync(
            ["tokenize", "--server", server.Address, "--jsonl-input", "--jsonl", "--parallel", "5"],
            stdin: s_input);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            TokenizeResponse response = JsonParser.Default.Parse<TokenizeResponse>(lines[i]);
            Assert.Equal(i % 2 == 0 ? "ar" : "en", response.Language);
        }

        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task The_same_answers_come_with_one_call_at_a_time()
    {
        CliRun parallel = await CliRun.RunAsync(["analyze", "--server", server.Address, "--jsonl-input", "-j", "6"], stdin: s_input);
        CliRun serial = await CliRun.RunAsync(["analyze", "--server", server.Address, "--jsonl-input", "-j", "1"], stdin: s_input);

        Assert.True(parallel.ExitCode == 0, parallel.ToString());
        Assert.Equal(serial.Out, parallel.Out);
        Assert.Contains("== doc11 ==", parallel.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bar_is_drawn_on_stderr_when_it_is_a_terminal_and_stdout_is_not()
    {
        CliRun run = await CliRun.RunAsync(
            ["normalize", "--server", server.Address, "--jsonl-input"], stdin: s_input, errorIsTerminal: true);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("normalize", run.Error, StringComparison.Ordinal);
        Assert.Equal(12, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task No_bar_when_stdout_is_the_terminal_too()
    {
        CliRun run = await CliRun.RunAsync(
            ["normalize", "--server", server.Address, "--jsonl-input"], stdin: s_input, outIsTerminal: true, errorIsTerminal: true);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task A_parallel_of_zero_is_a_usage_error()
    {
        CliRun run = await CliRun.RunAsync(["tokenize", "--server", server.Address, "--parallel", "0"], stdin: "x");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--parallel must be an integer of at least 1", run.Error, StringComparison.Ordinal);
    }
}
