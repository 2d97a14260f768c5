using System.Buffers;
using Google.Protobuf;
using Grpc.Core;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// A unary response the server writes itself, byte for byte what the generated serializer
/// writes for the generated message, from a buffer that goes back to its pool once written.
/// </summary>
internal interface IPooledResponse
{
    /// <summary>The size of the encoded message; <see cref="WriteTo"/> reuses what it measured.</summary>
    int CalculateSize();

    /// <summary>Writes the encoded message.</summary>
    void WriteTo(IBufferWriter<byte> destination);

    /// <summary>Hands the buffer back to its pool; its holder must not use it again.</summary>
    void Release();

    /// <summary>Empties the response.</summary>
    void Clear();
}

/// <summary>
/// gRPC bindings of unary methods whose responses are <see cref="IPooledResponse"/> buffers: the
/// route, message types and request parser of the generated method, the response written by
/// the buffer. Clients see the same method and the same bytes.
/// </summary>
internal static class PooledUnaryMethod
{
    /// <summary>The method <paramref name="name"/> of <paramref name="service"/>, answered with <typeparamref name="TResponse"/>.</summary>
    public static Method<TRequest, TResponse> Create<TRequest, TResponse>(Google.Protobuf.Reflection.ServiceDescriptor service, string name, MessageParser<TRequest> parser)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IPooledResponse => new(
            MethodType.Unary,
            service.FullName,
            name,
            Marshallers.Create<TRequest>(SerializeRequest, context => parser.ParseFrom(context.PayloadAsReadOnlySequence())),
            Marshallers.Create<TResponse>(SerializeResponse, _ =>
                throw new NotSupportedException($"The server does not read its own responses; clients parse the generated message of {service.Name}/{name}.")));

    /// <summary>
    /// Endpoint metadata as the generated binding gives its methods: the service's attributes,
    /// then POST only (CORS preflight accepted, so the CORS middleware, when configured, answers it).
    /// </summary>
    public static List<object> Metadata<TService>() =>
        new(typeof(TService).GetCustomAttributes(inherit: true))
        {
            new Microsoft.AspNetCore.Routing.HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
        };

    /// <summary>
    /// Writes the response straight into the call's output buffer, its length known first, then
    /// returns the buffer to its pool: a unary response is written once, and nothing reads it after.
    /// </summary>
    private static void SerializeResponse<TResponse>(TResponse response, SerializationContext context)
        where TResponse : IPooledResponse
    {
        context.SetPayloadLength(response.CalculateSize());
        response.WriteTo(context.GetBufferWriter());
        context.Complete();
        response.Release();
    }

    /// <summary>As the generated marshallers write a message (the server never sends requests).</summary>
    private static void SerializeRequest<TRequest>(TRequest request, SerializationContext context)
        where TRequest : IMessage<TRequest>
    {
        context.SetPayloadLength(request.CalculateSize());
        request.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}
