using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// The server's binding of <c>TokenizationService/StreamTokenize</c>: the route, message types
/// and request marshaller of the generated method, with responses written by
/// <see cref="StreamTokenizeResponseBuffer"/> instead of generated messages. Clients see the
/// same method and the same bytes.
/// </summary>
internal static class StreamTokenizeMethod
{
    /// <summary>The method's name in the service.</summary>
    public const string Name = "StreamTokenize";

    /// <summary>The method as the server binds it.</summary>
    public static Method<StreamTokenizeRequest, StreamTokenizeResponseBuffer> Method { get; } = new(
        MethodType.DuplexStreaming,
        V1.TokenizationService.Descriptor.FullName,
        Name,
        Marshallers.Create<StreamTokenizeRequest>(SerializeRequest, context => StreamTokenizeRequest.Parser.ParseFrom(context.PayloadAsReadOnlySequence())),
        Marshallers.Create<StreamTokenizeResponseBuffer>(SerializeResponse, _ =>
            throw new NotSupportedException("The server does not read its own responses; clients parse StreamTokenizeResponse.")));

    /// <summary>Writes a response straight into the call's output buffer, its length known first.</summary>
    private static void SerializeResponse(StreamTokenizeResponseBuffer response, SerializationContext context)
    {
        context.SetPayloadLength(response.CalculateSize());
        response.WriteTo(context.GetBufferWriter());
        context.Complete();
    }

    /// <summary>As the generated marshallers write a message (the server never sends requests).</summary>
    private static void SerializeRequest(StreamTokenizeRequest request, SerializationContext context)
    {
        context.SetPayloadLength(request.CalculateSize());
        request.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}

/// <summary>
/// Adds <see cref="StreamTokenizeMethod.Method"/> to <see cref="Services.TokenizationService"/>,
/// whose own bind method leaves the generated StreamTokenize out (one route, one handler).
/// </summary>
internal sealed class StreamTokenizeMethodProvider : IServiceMethodProvider<Services.TokenizationService>
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
        context.AddDuplexStreamingMethod(StreamTokenizeMethod.Method, metadata,
            (service, requests, responses, callContext) => service.StreamTokenize(requests, responses, callContext));
    }
}

/// <summary>
/// A <see cref="ServiceBinderBase"/> that passes every method on to <paramref name="inner"/>
/// except those named in <paramref name="skippedMethods"/>, which another provider binds.
/// </summary>
internal sealed class SkippingServiceBinder(ServiceBinderBase inner, params string[] skippedMethods) : ServiceBinderBase
{
    /// <inheritdoc />
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        if (!IsSkipped(method))
        {
            inner.AddMethod(method, handler);
        }
    }

    /// <inheritdoc />
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        if (!IsSkipped(method))
        {
            inner.AddMethod(method, handler);
        }
    }

    /// <inheritdoc />
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        if (!IsSkipped(method))
        {
            inner.AddMethod(method, handler);
        }
    }

    /// <inheritdoc />
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        if (!IsSkipped(method))
        {
            inner.AddMethod(method, handler);
        }
    }

    /// <summary>
    /// True for the binder through which grpc-dotnet adds the gRPC routes, where the server's own
    /// providers (<see cref="TokenizeMethodProvider"/>, <see cref="AnalyzeMethodProvider"/>) bind
    /// the methods they write responses for. grpc-dotnet and JSON transcoding both call a
    /// service's bind method, each with a binder of its own that neither makes public; they
    /// differ by assembly: grpc-dotnet's lives beside <see cref="IServiceMethodProvider{TService}"/>
    /// (Grpc.AspNetCore.Server), transcoding's in Microsoft.AspNetCore.Grpc.JsonTranscoding. Were
    /// grpc-dotnet's binder ever to move, a route would get two handlers and every gRPC call of it
    /// would fail (the server tests would catch it), not fall back silently.
    /// </summary>
    public static bool IsGrpcServerBinder(ServiceBinderBase binder) =>
        binder.GetType().Assembly == typeof(IServiceMethodProvider<>).Assembly;

    private bool IsSkipped(IMethod method) => Array.IndexOf(skippedMethods, method.Name) >= 0;
}
