using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// The server's gRPC binding of <c>TokenizationService/Tokenize</c>, answered with a
/// <see cref="TokenizeResponseBuffer"/> instead of a generated message. JSON transcoding keeps
/// the generated binding (it writes the generated <see cref="TokenizeResponse"/> as JSON); see
/// <see cref="Services.TokenizationService.BindService"/>.
/// </summary>
internal static class TokenizeMethod
{
    /// <summary>The method's name in the service.</summary>
    public const string Name = "Tokenize";

    /// <summary>The method as the server binds it for gRPC.</summary>
    public static Method<TokenizeRequest, TokenizeResponseBuffer> Method { get; } =
        PooledUnaryMethod.Create<TokenizeRequest, TokenizeResponseBuffer>(V1.TokenizationService.Descriptor, Name, TokenizeRequest.Parser);
}

/// <summary>
/// Adds <see cref="TokenizeMethod.Method"/> to <see cref="Services.TokenizationService"/>, whose
/// bind method leaves the generated Tokenize out of the gRPC server's binding (one route, one
/// handler) and keeps it for JSON transcoding.
/// </summary>
internal sealed class TokenizeMethodProvider : IServiceMethodProvider<Services.TokenizationService>
{
    /// <inheritdoc />
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<Services.TokenizationService> context) =>
        context.AddUnaryMethod(TokenizeMethod.Method, PooledUnaryMethod.Metadata<Services.TokenizationService>(),
            (service, request, callContext) => service.TokenizeToBuffer(request, callContext));
}
