using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using GrpcNlp.Server.Hosting;
using GrpcNlp.Server.Tests.Infrastructure;

namespace GrpcNlp.Server.Tests.Operations;

public sealed class HealthAndReflectionTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    public static TheoryData<string> HealthNames => new([string.Empty, .. GrpcNlpServerExtensions.ServiceNames]);

    [Theory]
    [MemberData(nameof(HealthNames))]
    public async Task Health_IsServing(string service)
    {
        var client = new Health.HealthClient(Fixture.Channel);
        HealthCheckResponse response = await client.CheckAsync(new HealthCheckRequest { Service = service }, Call());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListsEveryService()
    {
        var client = new ServerReflection.ServerReflectionClient(Fixture.Channel);
        using AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call = client.ServerReflectionInfo(Call());
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        string[] names = [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
        foreach (string name in GrpcNlpServerExtensions.ServiceNames)
        {
            Assert.Contains(name, names);
        }

        Assert.Contains("grpc.health.v1.Health", names);

        // Read to the end so the call completes rather than being reset by Dispose while the
        // server still finishes it (a reset call is logged by the server as an error).
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task Reflection_ResolvesAServiceFile()
    {
        var client = new ServerReflection.ServerReflectionClient(Fixture.Channel);
        using AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call = client.ServerReflectionInfo(Call());
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "grpcnlp.v1.TokenizationService" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.NotEmpty(call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto);
        Assert.False(await call.ResponseStream.MoveNext());
    }
}
