using Grpc.Core;
using Grpc.Core.Interceptors;

namespace GrpcNlp.Client.Internal;

/// <summary>
/// Gives every call without a deadline a default one, so that a stuck server or network never
/// leaves a caller waiting forever (a deadline the caller sets always wins), and asks for the
/// request messages to be compressed when the options say so.
/// </summary>
internal sealed class CallDefaultsInterceptor(TimeSpan? deadline, string? requestCompression) : Interceptor
{
    // Grpc.Net.Client reads this header (and does not send it) to pick the compression of a
    // call's request messages; the provider must be one of the channel's (gzip by default).
    private const string RequestEncodingHeader = "grpc-internal-encoding-request";

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
        => continuation(request, WithDefaults(context));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        => continuation(request, WithDefaults(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
        => continuation(request, WithDefaults(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
        => continuation(WithDefaults(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
        => continuation(WithDefaults(context));

    private ClientInterceptorContext<TRequest, TResponse> WithDefaults<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        CallOptions options = context.Options;
        bool changed = false;
        if (deadline is not null && options.Deadline is null)
        {
            options = options.WithDeadline(DateTime.UtcNow + deadline.Value);
            changed = true;
        }

        if (requestCompression is not null && options.Headers?.Get(RequestEncodingHeader) is null)
        {
            var headers = new Metadata();
            if (options.Headers is not null)
            {
                foreach (Metadata.Entry entry in options.Headers)
                {
                    headers.Add(entry);
                }
            }

            headers.Add(RequestEncodingHeader, requestCompression);
            options = options.WithHeaders(headers);
            changed = true;
        }

        return changed
            ? new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options)
            : context;
    }
}
