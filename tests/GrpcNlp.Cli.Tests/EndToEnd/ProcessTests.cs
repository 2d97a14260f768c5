using System.Diagnostics;

namespace GrpcNlp.Cli.Tests.EndToEnd;

/// <summary>Runs the built <c>grpcnlp</c> as a real process, as a user would.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_built_tool_prints_help_and_exits_0()
    {
        // The project reference copies grpcnlp.dll and its runtimeconfig next to the tests.
        string tool = Path.Combine(AppContext.BaseDirectory, "grpcnlp.dll");
        Assert.True(File.Exists(tool), $"{tool} was not built next to the tests.");
        var startInfo = new ProcessStartInfo(DotnetHost(), ["exec", tool, "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using Process process = Process.Start(startInfo)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await error}");
        Assert.Contains("analyze", await output, StringComparison.Ordinal);
    }

    // The host running these tests is the dotnet muxer when started by `dotnet test`; otherwise
    // (an apphost) fall back to DOTNET_HOST_PATH, then to `dotnet` on the PATH.
    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
    }
}
