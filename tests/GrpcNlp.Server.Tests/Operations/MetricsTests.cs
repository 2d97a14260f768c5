using System.Diagnostics.Metrics;
using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace GrpcNlp.Server.Tests.Operations;

public sealed class MetricsTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    [Fact]
    public async Task EveryCall_RecordsRpcServerCallDuration_WithItsStatus()
    {
        using var collector = new MetricCollector<double>(
            Fixture.Services.GetRequiredService<IMeterFactory>(), "GrpcNlp", "rpc.server.call.duration");
        var client = new NormalizationService.NormalizationServiceClient(Fixture.Channel);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            client.NormalizeAsync(new NormalizeRequest { Document = new Document() }, Call()).ResponseAsync);

        // The server records after it sends the status, so wait for the measurement.
        await collector.WaitForMeasurementsAsync(1, GrpcNlpServerFixture.DefaultTimeout);
        CollectedMeasurement<double> measurement = collector.GetMeasurementSnapshot().Last();
        Assert.True(measurement.Value >= 0);
        Assert.Equal("grpc", measurement.Tags["rpc.system"]);
        Assert.Equal("grpcnlp.v1.NormalizationService", measurement.Tags["rpc.service"]);
        Assert.Equal("Normalize", measurement.Tags["rpc.method"]);
        Assert.Equal((int)StatusCode.InvalidArgument, measurement.Tags["rpc.grpc.status_code"]);
    }

    [Fact]
    public async Task ATokenizeCall_CountsItsDocumentCharactersAndTokens_ByMethod()
    {
        var factory = Fixture.Services.GetRequiredService<IMeterFactory>();
        using var documents = new MetricCollector<long>(factory, "GrpcNlp", "grpcnlp.documents");
        using var characters = new MetricCollector<long>(factory, "GrpcNlp", "grpcnlp.characters");
        using var tokens = new MetricCollector<long>(factory, "GrpcNlp", "grpcnlp.tokens");
        var client = new TokenizationService.TokenizationServiceClient(Fixture.Channel);
        const string text = "Counted words, four of them.";

        TokenizeResponse response = await client.TokenizeAsync(new TokenizeRequest { Document = new Document { Text = text } }, Call());

        // Observable counters report running totals (other tests may call Tokenize too).
        long TotalFor(MetricCollector<long> collector)
        {
            collector.RecordObservableInstruments();
            return collector.GetMeasurementSnapshot().Where(m => (string?)m.Tags["rpc.method"] == "Tokenize").Select(m => m.Value).DefaultIfEmpty().Max();
        }

        Assert.True(TotalFor(documents) >= 1);
        Assert.True(TotalFor(characters) >= text.Length);
        Assert.True(TotalFor(tokens) >= response.Tokens.Count);
        Assert.Equal(7, response.Tokens.Count);
    }
}
