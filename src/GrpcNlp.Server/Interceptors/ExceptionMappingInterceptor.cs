using Grpc.Core;
using Grpc.Core.Interceptors;
using GrpcNlp.Server.Telemetry;

namespace GrpcNlp.Server.Interceptors;

/// <summary>
/// Turns every exception a handler lets escape into a deliberate status: an
/// <see cref="RpcException"/> passes through; cancellation by the client becomes CANCELLED and
/// an expired deadline DEADLINE_EXCEEDED (neither is a server error); anything else is logged
/// and becomes INTERNAL with a generic message, so no exception text or stack trace reaches a client.
/// </summary>
public sealed class ExceptionMappingInterceptor : Interceptor
{
    // How long a read or write error waits for the call's token to say the client went away.
    private static readonly TimeSpan s_abortGrace = TimeSpan.FromMilliseconds(500);

    private readonly ILogger<ExceptionMappingInterceptor> _logger;
    private readonly TimeSpan _abortGrace;

    /// <summary>Creates the interceptor that logs server errors to <paramref name="logger"/>.</summary>
    public ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger)
        : this(logger, s_abortGrace)
    {
    }

    /// <summary>As the public constructor, with the wait for a late cancellation given (tests).</summary>
    internal ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger, TimeSpan abortGrace)
    {
        _logger = logger;
        _abortGrace = abortGrace;
    }

    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await MapAsync(exception, context).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await MapAsync(exception, context).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await MapAsync(exception, context).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await MapAsync(exception, context).ConfigureAwait(false);
        }
    }

    private async Task<RpcException> MapAsync(Exception exception, ServerCallContext context)
    {
        // Kestrel fails the reads and writes of a stream the client reset at once, but cancels the
        // call's token a moment later from the thread pool: a read or write error before the token
        // is set gets that moment before it counts as a server error.
        if (exception is IOException or OperationCanceledException && !context.CancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_abortGrace, context.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client did go away.
            }
        }

        return Map(exception, context);
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        // Once the call is cancelled, whatever the handler was doing fails in its own way
        // (OperationCanceledException, or an IOException from a reset stream): all are the
        // consequence of the cancellation, not server errors. An OperationCanceledException
        // while the call is still live is a bug like any other.
        if (context.CancellationToken.IsCancellationRequested)
        {
            if (context.Deadline <= DateTime.UtcNow)
            {
                ServerLog.DeadlineExceeded(_logger, context.Method);
                return new RpcException(new Status(StatusCode.DeadlineExceeded, "The deadline was exceeded."));
            }

            ServerLog.CallCancelled(_logger, context.Method);
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        ServerLog.UnhandledException(_logger, context.Method, exception);
        return new RpcException(new Status(StatusCode.Internal, "The server failed to process the request."));
    }
}
