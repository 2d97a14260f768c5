using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// The server's gRPC binding of <c>AnalysisService/Analyze</c>, answered with an
/// <see cref="AnalyzeResponseBuffer"/> instead of a generated message. JSON transcoding keeps
/// the generated binding; see <see cref="Services.AnalysisService.BindService"/>.
/// </summary>
internal static class AnalyzeMethod
{
    /// <summary>The method's name in the service.</summary>
    public const string Name = "Analyze";

    /// <summary>The method as the server binds it for gRPC.</summary>
    public static Method<AnalyzeRequest, AnalyzeResponseBuffer> Method { get; } =
        PooledUnaryMethod.Create<AnalyzeRequest, AnalyzeResponseBuffer>(V1.AnalysisService.Descriptor, Name, AnalyzeRequest.Parser);
}

/// <summary>
/// Adds <see cref="AnalyzeMethod.Method"/> to <see cref="Services.AnalysisService"/>, whose bind
/// method leaves the generated Analyze out of the gRPC server's binding and keeps it for JSON
/// transcoding.
/// </summary>
internal sealed class AnalyzeMethodProvider : IServiceMethodProvider<Services.AnalysisService>
{
    /// <inheritdoc />
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<Services.AnalysisService> context) =>
        context.AddUnaryMethod(AnalyzeMethod.Method, PooledUnaryMethod.Metadata<Services.AnalysisService>(),
            (service, request, callContext) => service.AnalyzeToBuffer(request, callContext));
}
