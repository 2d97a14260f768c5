using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Bench;

/// <summary>
/// An RPC named by <c>--call</c>, resolved against the compiled contracts (no server reflection
/// needed) and wrapped as an untyped gRPC method: requests are sent as pre-serialized bytes and
/// responses are counted, not decoded, so the load generator spends its CPU on sending.
/// </summary>
internal sealed class BenchMethod
{
    // Every service the server hosts that a load run may call: ours plus the health check,
    // which does no text work and serves as the baseline.
    private static readonly FileDescriptor[] s_files =
    [
        NormalizationReflection.Descriptor,
        TokenizationReflection.Descriptor,
        EntitiesReflection.Descriptor,
        SummarizationReflection.Descriptor,
        AnalysisReflection.Descriptor,
        HealthReflection.Descriptor,
    ];

    private BenchMethod(MethodDescriptor descriptor)
    {
        Descriptor = descriptor;
        Type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        Method = new Method<PreparedRequest, ResponseSize>(
            Type,
            descriptor.Service.FullName,
            descriptor.Name,
            PreparedRequest.Marshaller,
            ResponseSize.Marshaller);
    }

    /// <summary>The method's descriptor, which gives the request message type.</summary>
    public MethodDescriptor Descriptor { get; }

    /// <summary>Unary, client, server or bidirectional streaming.</summary>
    public MethodType Type { get; }

    /// <summary>The gRPC method with byte-level marshallers.</summary>
    public Method<PreparedRequest, ResponseSize> Method { get; }

    /// <summary>Whether the client sends a stream of messages.</summary>
    public bool IsClientStreaming => Descriptor.IsClientStreaming;

    /// <summary>The fully qualified names of every method that can be called.</summary>
    public static IEnumerable<string> KnownCalls =>
        s_files.SelectMany(file => file.Services).SelectMany(service => service.Methods).Select(method => $"{method.Service.FullName}.{method.Name}");

    /// <summary>
    /// Resolves a call written as ghz does, <c>package.Service.Method</c> or
    /// <c>package.Service/Method</c>; null when no compiled service has it.
    /// </summary>
    public static BenchMethod? Resolve(string call)
    {
        ArgumentNullException.ThrowIfNull(call);
        int separator = call.IndexOf('/', StringComparison.Ordinal);
        if (separator < 0)
        {
            separator = call.LastIndexOf('.');
        }

        if (separator <= 0 || separator == call.Length - 1)
        {
            return null;
        }

        string serviceName = call[..separator];
        string methodName = call[(separator + 1)..];
        foreach (FileDescriptor file in s_files)
        {
            ServiceDescriptor? service = file.Services.FirstOrDefault(candidate => candidate.FullName == serviceName);
            MethodDescriptor? method = service?.FindMethodByName(methodName);
            if (method is not null)
            {
                return new BenchMethod(method);
            }
        }

        return null;
    }
}

/// <summary>A request message serialized once and sent as often as needed.</summary>
internal sealed class PreparedRequest(byte[] payload)
{
    /// <summary>Writes the stored bytes; never reads (the client only sends requests).</summary>
    public static readonly Marshaller<PreparedRequest> Marshaller = Marshallers.Create<PreparedRequest>(
        (request, context) =>
        {
            context.SetPayloadLength(request.Payload.Length);
            Span<byte> target = context.GetBufferWriter().GetSpan(request.Payload.Length);
            request.Payload.CopyTo(target);
            context.GetBufferWriter().Advance(request.Payload.Length);
            context.Complete();
        },
        _ => throw new NotSupportedException("Requests are never received."));

    /// <summary>The protobuf encoding of the message.</summary>
    public byte[] Payload { get; } = payload;
}

/// <summary>A response reduced to its size: the bench counts bytes and statuses, not content.</summary>
internal sealed class ResponseSize(long bytes)
{
    /// <summary>Reads only the payload length; never writes (the client only receives responses).</summary>
    public static readonly Marshaller<ResponseSize> Marshaller = Marshallers.Create<ResponseSize>(
        (_, _) => throw new NotSupportedException("Responses are never sent."),
        context => new ResponseSize(context.PayloadLength));

    /// <summary>Bytes of the protobuf payload.</summary>
    public long Bytes { get; } = bytes;
}
