using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GrpcNlp.Server.Tests.Infrastructure;

/// <summary>
/// Helpers for the methods the server binds itself (responses written without generated
/// messages): a raw view of the call, and the check that each route has the right handler.
/// </summary>
internal static class OwnBindings
{
    /// <summary>Method <paramref name="name"/> of <paramref name="service"/> as a client that reads the response as raw bytes.</summary>
    public static Method<TRequest, byte[]> RawUnary<TRequest>(Google.Protobuf.Reflection.ServiceDescriptor service, string name, MessageParser<TRequest> parser)
        where TRequest : IMessage<TRequest> =>
        new(MethodType.Unary, service.FullName, name, Marshallers.Create<TRequest>(r => r.ToByteArray(), parser.ParseFrom), Marshallers.Create<byte[]>(b => b, b => b));

    /// <summary>
    /// The gRPC route of <paramref name="serverMethod"/> has exactly one endpoint, carrying that
    /// method; the JSON route <paramref name="jsonRoute"/> carries the generated method
    /// (<typeparamref name="TRequest"/> to <typeparamref name="TResponse"/>), which transcoding needs.
    /// </summary>
    public static void AssertBoundOnceAndTranscoded<TRequest, TResponse>(IServiceProvider services, IMethod serverMethod, string jsonRoute)
        where TRequest : class
        where TResponse : class
    {
        RouteEndpoint[] endpoints = [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

        RouteEndpoint grpc = Assert.Single(endpoints, e => e.RoutePattern.RawText == serverMethod.FullName);
        Assert.Same(serverMethod, grpc.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method);

        RouteEndpoint json = Assert.Single(endpoints, e => e.RoutePattern.RawText == jsonRoute);
        Assert.IsType<Method<TRequest, TResponse>>(json.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method);
    }
}
