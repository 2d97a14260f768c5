using System.Diagnostics;
using GrpcNlp.Cli.Tests.Infrastructure;

namespace GrpcNlp.Cli.Tests.Bench;

/// <summary>Runs the built <c>grpcnlp bench</c> as a process, as the load harness and CI do.</summary>
public sealed class BenchProcessTests(ServerFixture server)
{
    [Fact]
    public async Task A_run_against_a_live_server_prints_the_summary_and_exits_0()
    {
        (int exitCode, string output, string error) = await RunAsync(
            "bench", "--server", server.Address, "--call", "grpcnlp.v1.TokenizationService/Tokenize",
            "-d", """{"document":{"text":"ذهب الطالب إلى المدرسة."}}""", "-n", "10", "-c", "2");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Matches(@"Count:\s+10", output);
        Assert.Matches(@"\[OK\]\s+10 responses", output);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_with_one_line_on_stderr()
    {
        string address = ClosedPort.Address();
        (int exitCode, string output, string error) = await RunAsync("bench", "--server", address, "--call", "grpc.health.v1.Health/Check", "-n", "3");

        Assert.True(exitCode == 1, $"exit {exitCode}\n{output}\n{error}");
        Assert.StartsWith($"error: cannot reach server at {address}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unbounded_run_is_a_usage_error()
    {
        (int exitCode, string output, string error) = await RunAsync("bench", "--server", server.Address, "--call", "grpc.health.v1.Health/Check");

        Assert.True(exitCode == 2, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("-n", error, StringComparison.Ordinal);
    }

    // The tool from its own build output, with its own deps.json: the copy next to the tests
    // resolves its dependencies against the tests' (ASP.NET Core) set and cannot load Grpc.Net.Client.
    private static string BuiltTool()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = testOutput.Name;
        string configuration = testOutput.Parent!.Name;
        DirectoryInfo? root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GrpcNlp.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        string tool = Path.Combine(root.FullName, "clients", "GrpcNlp.Cli", "bin", configuration, framework, "grpcnlp.dll");
        Assert.True(File.Exists(tool), $"{tool} was not built.");
        return tool;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        string tool = BuiltTool();
        string? current = Environment.ProcessPath;
        string host = current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
        var startInfo = new ProcessStartInfo(host, ["exec", tool, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using Process process = Process.Start(startInfo)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
