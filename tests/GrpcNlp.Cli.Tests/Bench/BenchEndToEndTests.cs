using System.Text.Json;
using GrpcNlp.Cli.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.Bench;

public sealed class BenchEndToEndTests(ServerFixture server)
{
    private const string TokenizeCall = "grpcnlp.v1.TokenizationService.Tokenize";

    [Fact]
    public async Task A_unary_run_reports_every_call_in_ghz_json()
    {
        CliRun run = await CliRun.RunAsync(
            ["bench", "--server", server.Address, "--call", TokenizeCall, "-d", """{"document":{"text":"ذهب الطالب إلى المدرسة."}}""",
             "-n", "25", "-c", "3", "--connections", "2", "-O", "json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using JsonDocument report = JsonDocument.Parse(run.Out);
        JsonElement root = report.RootElement;
        Assert.Equal(25, root.GetProperty("count").GetInt64());
        Assert.Equal(25, root.GetProperty("statusCodeDistribution").GetProperty("OK").GetInt64());
        Assert.Empty(root.GetProperty("errorDistribution").EnumerateObject());
        Assert.Equal(TokenizeCall, root.GetProperty("options").GetProperty("call").GetString());
        Assert.True(root.GetProperty("rps").GetDouble() > 0);

        long fastest = root.GetProperty("fastest").GetInt64();
        long slowest = root.GetProperty("slowest").GetInt64();
        long average = root.GetProperty("average").GetInt64();
        Assert.True(fastest > 0 && fastest <= average && average <= slowest, run.Out);
        Assert.True(root.GetProperty("total").GetInt64() >= slowest, run.Out);

        int[] percentages = [.. root.GetProperty("latencyDistribution").EnumerateArray().Select(entry => entry.GetProperty("percentage").GetInt32())];
        Assert.Equal([10, 25, 50, 75, 90, 95, 99], percentages);
        long[] latencies = [.. root.GetProperty("latencyDistribution").EnumerateArray().Select(entry => entry.GetProperty("latency").GetInt64())];
        Assert.Equal(latencies.Order(), latencies);
        // HdrHistogram keeps 3 significant digits, so a percentile may exceed the exact maximum by 0.1 %.
        Assert.All(latencies, latency => Assert.InRange(latency, fastest * 999 / 1000, slowest * 1001 / 1000));
        Assert.Equal(25, root.GetProperty("histogram").EnumerateArray().Sum(bucket => bucket.GetProperty("count").GetInt64()));
        Assert.True(root.GetProperty("bytesReceived").GetInt64() > 0);
    }

    [Fact]
    public async Task Rejected_calls_are_counted_by_status_and_exit_1()
    {
        CliRun run = await CliRun.RunAsync(
            ["bench", server.Address.Replace("http://", string.Empty, StringComparison.Ordinal), "--call", "grpcnlp.v1.TokenizationService/Tokenize",
             "-d", """{"document":{"text":"text","language":"not a language!"}}""", "-n", "6", "-c", "2", "-O", "json"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        using JsonDocument report = JsonDocument.Parse(run.Out);
        JsonElement root = report.RootElement;
        Assert.Equal(6, root.GetProperty("count").GetInt64());
        Assert.Equal(6, root.GetProperty("statusCodeDistribution").GetProperty("InvalidArgument").GetInt64());
        JsonProperty error = Assert.Single(root.GetProperty("errorDistribution").EnumerateObject());
        Assert.StartsWith("rpc error: code = InvalidArgument desc = ", error.Name, StringComparison.Ordinal);
        Assert.Equal(6, error.Value.GetInt64());
        Assert.Contains("6 of 6 calls failed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bidi_stream_of_generated_chunks_is_sent_whole()
    {
        string reportPath = Path.Combine(Path.GetTempPath(), $"grpcnlp-bench-{Guid.NewGuid():N}.json");
        try
        {
            CliRun run = await CliRun.RunAsync(
                ["bench", "--server", server.Address, "--call", "grpcnlp.v1.NormalizationService/StreamNormalize",
                 "-d", """[{"config":{"offsetEncoding":"OFFSET_ENCODING_UTF16"}}]""", "--stream-bytes", "256KiB", "--chunk-size", "8KiB",
                 "-n", "2", "-c", "2", "-O", "json", "-o", reportPath]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Requests/sec:", run.Out, StringComparison.Ordinal);
            using JsonDocument report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath, TestContext.Current.CancellationToken));
            JsonElement root = report.RootElement;
            Assert.Equal(2, root.GetProperty("statusCodeDistribution").GetProperty("OK").GetInt64());
            Assert.InRange(root.GetProperty("bytesSent").GetInt64(), 2 * 256 * 1024, (2 * 256 * 1024) + (2 * 9 * 1024));
            // Normalized text comes back: about as many bytes as went in.
            Assert.True(root.GetProperty("bytesReceived").GetInt64() > 256 * 1024, run.ToString());
        }
        finally
        {
            File.Delete(reportPath);
        }
    }

    [Fact]
    public async Task The_health_check_serves_as_a_baseline_call()
    {
        CliRun run = await CliRun.RunAsync(["bench", "--server", server.Address, "--call", "grpc.health.v1.Health/Check", "-z", "300ms", "-c", "2"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"\[OK\]\s+[1-9]\d* responses", run.Out);
        Assert.Contains("99 % in ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_request_writes_the_h2load_body_without_calling()
    {
        string path = Path.Combine(Path.GetTempPath(), $"grpcnlp-body-{Guid.NewGuid():N}.bin");
        try
        {
            // A closed port: the dump must not need the server.
            CliRun run = await CliRun.RunAsync(
                ["bench", "--server", ClosedPort.Address(), "--call", TokenizeCall, "-d", """{"document":{"text":"hi"}}""", "--dump-request", path]);

            Assert.True(run.ExitCode == 0, run.ToString());
            byte[] body = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal("hi", TokenizeRequest.Parser.ParseFrom(body.AsSpan(5)).Document.Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_unreachable_server_is_one_clear_error()
    {
        string address = ClosedPort.Address();
        CliRun run = await CliRun.RunAsync(["bench", "--server", address, "--call", TokenizeCall, "-d", """{"document":{"text":"hi"}}""", "-n", "5"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"error: cannot reach server at {address}", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("--call", "grpcnlp.v1.TokenizationService.Tokenize", "-d", "{}")]
    [InlineData("--call", "grpcnlp.v1.NoSuchService.Tokenize", "-n", "5")]
    [InlineData("--call", "grpcnlp.v1.TokenizationService.Tokenize", "-n", "5", "-d", "{not json")]
    [InlineData("--call", "grpcnlp.v1.TokenizationService.Tokenize", "-n", "5", "--stream-bytes", "1MiB")]
    [InlineData("--call", "grpcnlp.v1.TokenizationService.Tokenize", "-z", "soon")]
    [InlineData("--call", "grpcnlp.v1.TokenizationService.Tokenize", "-n", "5", "-c", "0")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        CliRun run = await CliRun.RunAsync(["bench", "--server", ClosedPort.Address(), .. args]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.NotEqual(string.Empty, run.Error.Trim());
    }
}
