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
}
