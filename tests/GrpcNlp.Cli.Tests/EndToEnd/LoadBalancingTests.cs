using GrpcNlp.Cli.Tests.Infrastructure;
using GrpcNlp.Client;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;

namespace GrpcNlp.Cli.Tests.EndToEnd;

/// <summary>
/// The SDK against two live servers: round-robin spreads calls over both, a server that goes
/// away is skipped, and request compression reaches the server as gzip.
/// </summary>
public sealed class LoadBalancingTests
{
    private const int CallCount = 20;

    [Fact]
    public async Task Round_robin_spreads_calls_over_both_servers()
    {
        await using RecordingServer first = await RecordingServer.StartAsync();
        await using RecordingServer second = await RecordingServer.StartAsync();
        var options = new GrpcNlpClientOptions { Addresses = { new Uri(first.Address), new Uri(second.Address) } };
        using GrpcNlpClient client = GrpcNlpClient.Create(options);

        await CallManyTimesAsync(client);

        // Round-robin alternates once both connections are ready; the first calls may all go to
        // whichever connected first, so only "both served a fair share" is asserted.
        Assert.Equal(CallCount, first.Calls.Count + second.Calls.Count);
        Assert.True(first.Calls.Count >= CallCount / 4, $"first {first.Calls.Count}, second {second.Calls.Count}");
        Assert.True(second.Calls.Count >= CallCount / 4, $"first {first.Calls.Count}, second {second.Calls.Count}");
    }

    [Fact]
    public async Task Dependency_injection_balances_and_compresses_requests()
    {
        await using RecordingServer first = await RecordingServer.StartAsync();
        await using RecordingServer second = await RecordingServer.StartAsync();
        var services = new ServiceCollection();
        services.AddGrpcNlpClient(options =>
        {
            options.Addresses.Add(new Uri(first.Address));
            options.Addresses.Add(new Uri(second.Address));
            options.RequestCompression = "gzip";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        GrpcNlpClient client = provider.GetRequiredService<GrpcNlpClient>();

        await CallManyTimesAsync(client);

        string[] encodings = [.. first.Calls, .. second.Calls];
        Assert.Equal(CallCount, encodings.Length);
        Assert.All(encodings, encoding => Assert.Equal("gzip", encoding));
        Assert.True(first.Calls.Count >= CallCount / 4, $"first {first.Calls.Count}, second {second.Calls.Count}");
        Assert.True(second.Calls.Count >= CallCount / 4, $"first {first.Calls.Count}, second {second.Calls.Count}");
    }

    [Fact]
    public async Task Without_compression_requests_go_uncompressed()
    {
        await using RecordingServer server = await RecordingServer.StartAsync();
        using GrpcNlpClient client = GrpcNlpClient.Create(server.Address);

        await client.TokenizeAsync(Texts.ArabicNews, language: "ar", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([string.Empty], server.Calls);
    }

    [Fact]
    public async Task Calls_keep_working_when_one_server_stops()
    {
        await using RecordingServer first = await RecordingServer.StartAsync();
        RecordingServer second = await RecordingServer.StartAsync();
        var options = new GrpcNlpClientOptions { Addresses = { new Uri(first.Address), new Uri(second.Address) } };
        using GrpcNlpClient client = GrpcNlpClient.Create(options);
        await CallManyTimesAsync(client);
        await second.DisposeAsync();
        int servedBefore = first.Calls.Count;

        await CallManyTimesAsync(client);

        Assert.Equal(servedBefore + CallCount, first.Calls.Count);
    }

    private static async Task CallManyTimesAsync(GrpcNlpClient client)
    {
        for (int call = 0; call < CallCount; call++)
        {
            TokenizeResponse response = await client.TokenizeAsync(
                Texts.ArabicNews, language: "ar", cancellationToken: TestContext.Current.CancellationToken);
            Assert.NotEmpty(response.Tokens);
        }
    }
}
