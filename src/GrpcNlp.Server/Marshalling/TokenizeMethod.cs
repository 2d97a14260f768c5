using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// The server's gRPC binding of <c>TokenizationService/Tokenize</c>: the route, message types
/// and request parser of the generated method, with the response written by
/// <see cref="TokenizeResponseBuffer"/> instead of a generated message. Clients see the same
/// method and the same bytes. JSON transcoding keeps the generated binding (it writes the
/// generated <see cref="TokenizeResponse"/> as JSON); see <see cref="Services.TokenizationService.BindService"/>.
/// </summary>
internal static class TokenizeMethod
{
    /// <summary>The method's name in the service.</summary>
    public const string Name = "Tokenize";

    /// <summary>The method as the server binds it for gRPC.</summary>
    public static Method<TokenizeRequest, TokenizeResponseBuffer> Method { get; } = new(
        MethodType.Unary,
        V1.TokenizationService.Descriptor.FullName,
        Name,
        Marshallers.Create<TokenizeRequest>(SerializeRequest, context => TokenizeRequest.Parser.ParseFrom(context.PayloadAsReadOnlySequence())),
        Marshallers.Create<TokenizeResponseBuffer>(SerializeResponse, _ =>
            throw new NotSupportedException("The server does not read its own responses; clients parse TokenizeResponse.")));

    /// <summary>
    /// Writes the response straight into the call's output buffer, its length known first, then
    /// returns the buffer to its pool: a unary response is written once, and nothing reads it after.
    /// </summary>
    private static void SerializeResponse(TokenizeResponseBuffer response, SerializationContext context)
    {
        context.SetPayloadLength(response.CalculateSize());
        response.WriteTo(context.GetBufferWriter());
        context.Complete();
        TokenizeResponseBuffer.Return(response);
    }

    /// <summary>As the generated marshallers write a message (the server never sends requests).</summary>
    private static void SerializeRequest(TokenizeRequest request, SerializationContext context)
    {
        context.SetPayloadLength(request.CalculateSize());
        request.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}

/// <summary>
/// Adds <see cref="TokenizeMethod.Method"/> to <see cref="Services.TokenizationService"/>, whose
/// bind method leaves the generated Tokenize out of the gRPC server's binding (one route, one
/// handler) and keeps it for JSON transcoding.
/// </summary>
internal sealed class TokenizeMethodProvider : IServiceMethodProvider<Services.TokenizationService>
{
    /// <inheritdoc />
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<Services.TokenizationService> context)
    {
        // As the generated binding does: the service's attributes, then POST only (CORS preflight
        // accepted, so the CORS middleware, when configured, answers it).
        var metadata = new List<object>(typeof(Services.TokenizationService).GetCustomAttributes(inherit: true))
        {
            new Microsoft.AspNetCore.Routing.HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
        };
        context.AddUnaryMethod(TokenizeMethod.Method, metadata, (service, request, callContext) => service.TokenizeToBuffer(request, callContext));
    }
}
