using GrpcNlp.Cli.Tests.Infrastructure;

namespace GrpcNlp.Cli.Tests.Parsing;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        CliRun run = await CliRun.RunAsync(["--help"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (string verb in new[] { "normalize", "tokenize", "entities", "summarize", "analyze" })
        {
            Assert.Contains(verb, run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("normalize", "--profile", "loud")]
    [InlineData("tokenize", "--encoding", "utf32")]
    [InlineData("summarize", "--sentences", "0")]
    [InlineData("summarize", "--sentences", "many")]
    [InlineData("analyze", "--tokens", "-1")]
    [InlineData("analyze", "--server", "ftp://example.org")]
    [InlineData("analyze", "--server", "not a url")]
    [InlineData("entities", "--no-such-option")]
    [InlineData("translate")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        CliRun run = await CliRun.RunAsync(args, stdin: "text");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.False(string.IsNullOrWhiteSpace(run.Error), run.ToString());
    }

    [Fact]
    public async Task A_missing_input_file_is_a_usage_error_naming_the_file()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"grpcnlp-missing-{Guid.NewGuid():N}.txt");

        CliRun run = await CliRun.RunAsync(["tokenize", missing]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_option_values_name_the_accepted_ones()
    {
        CliRun run = await CliRun.RunAsync(["normalize", "--profile", "loud"], stdin: "x");

        Assert.Contains("loud", run.Error, StringComparison.Ordinal);
        Assert.Contains("search", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_with_a_clear_message()
    {
        string address = ClosedPort.Address();

        CliRun run = await CliRun.RunAsync(["analyze", "--server", address], stdin: "نص قصير.");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"cannot reach server at {address}", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task The_server_address_defaults_to_the_environment_variable()
    {
        string address = ClosedPort.Address();
        var environment = new Dictionary<string, string> { ["GRPCNLP_SERVER"] = address };

        CliRun run = await CliRun.RunAsync(["tokenize"], stdin: "words", environment);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"cannot reach server at {address}", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf8", GrpcNlp.V1.OffsetEncoding.Utf8)]
    [InlineData("utf16", GrpcNlp.V1.OffsetEncoding.Utf16)]
    [InlineData("codepoint", GrpcNlp.V1.OffsetEncoding.CodePoint)]
    public void Encoding_names_map_to_offset_encodings(string name, GrpcNlp.V1.OffsetEncoding expected)
        => Assert.Equal(expected, GlobalOptions.ToOffsetEncoding(name));
}
