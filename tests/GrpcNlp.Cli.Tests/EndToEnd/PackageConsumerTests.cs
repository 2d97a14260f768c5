using System.Diagnostics;
using GrpcNlp.Cli.Tests.Infrastructure;
using GrpcNlp.Client;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.EndToEnd;

/// <summary>
/// Packs the SDK with <c>dotnet pack</c> into a temporary folder, then builds and runs a small
/// program that takes it from there as a NuGet package and calls the live server, as a user of
/// the published package would.
/// </summary>
public sealed class PackageConsumerTests(ServerFixture server)
{
    // Packing reuses the build the tests ran on; restore and build of the consumer take well
    // under a minute here, so this bound only stops a hung tool.
    private static readonly TimeSpan s_stepTimeout = TimeSpan.FromMinutes(5);

    private const string ConsumerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="GrpcNlp.Client" Version="1.0.0" />
          </ItemGroup>
        </Project>
        """;

    // Prints one token per line, so the test compares it with the same call made in-process.
    private const string ConsumerProgram = """
        using GrpcNlp.Client;
        using GrpcNlp.V1;

        using GrpcNlpClient client = GrpcNlpClient.Create(args[0]);
        TokenizeResponse response = await client.TokenizeAsync(args[1], language: "ar");
        foreach (Token token in response.Tokens)
        {
            Console.WriteLine($"{token.Text}\t{token.Span.Begin}\t{token.Span.End}");
        }
        """;

    [Fact]
    public async Task A_program_built_from_the_packed_sdk_calls_the_server()
    {
        (string root, string configuration) = Repository();
        string work = Directory.CreateTempSubdirectory("grpcnlp-pack-").FullName;
        try
        {
            string packages = Path.Combine(work, "packages");
            string consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);

            // The SDK references the contract project, so its package depends on GrpcNlp.Contracts: pack both.
            foreach (string project in new[] { "src/GrpcNlp.Contracts", "clients/GrpcNlp.Client" })
            {
                await RunStepAsync(root, "pack", Path.Combine(root, project), "-c", configuration, "--no-build", "-o", packages);
            }

            Assert.True(File.Exists(Path.Combine(packages, "GrpcNlp.Client.1.0.0.nupkg")), "dotnet pack made no GrpcNlp.Client package.");
            await File.WriteAllTextAsync(Path.Combine(work, "nuget.config"), NuGetConfig(work, packages), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), ConsumerProgram, TestContext.Current.CancellationToken);

            await RunStepAsync(consumer, "build", "-c", "Release");
            string output = await RunStepAsync(consumer, "run", "-c", "Release", "--no-build", "--", server.Address, Texts.ArabicSecond);

            using GrpcNlpClient client = GrpcNlpClient.Create(server.Address);
            TokenizeResponse expected = await client.TokenizeAsync(Texts.ArabicSecond, language: "ar", cancellationToken: TestContext.Current.CancellationToken);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(expected.Tokens.Select(token => $"{token.Text}\t{token.Span.Begin}\t{token.Span.End}"), lines);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // The local package folder first, then the packages this machine already restored (a folder
    // feed in the same layout), then whatever sources the user's own configuration has. A private
    // packages folder keeps the packed 1.0.0 out of the user's cache, where a stale copy would
    // shadow the next pack.
    private static string NuGetConfig(string work, string packages)
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cacheSource = Directory.Exists(cache) ? $"""<add key="restored" value="{cache}" />""" : string.Empty;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(work, "global-packages")}" />
              </config>
              <packageSources>
                <add key="packed" value="{packages}" />
                {cacheSource}
              </packageSources>
            </configuration>
            """;
    }

    private static (string Root, string Configuration) Repository()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        DirectoryInfo? root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GrpcNlp.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return (root.FullName, testOutput.Parent!.Name);
    }

    private static async Task<string> RunStepAsync(string workingDirectory, params string[] args)
    {
        // No build servers: one left running would hold the output pipes open past the step.
        var startInfo = new ProcessStartInfo("dotnet", [.. args, .. args[0] == "run" ? Array.Empty<string>() : ["-nodeReuse:false", "-p:UseSharedCompilation=false"]])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Variables the test host's own MSBuild set would point the child build at the wrong SDK parts.
        foreach (string name in startInfo.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(s_stepTimeout);
        using Process process = Process.Start(startInfo)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string outputText = await output;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {process.ExitCode}\n{outputText}\n{await error}");
        return outputText;
    }
}
