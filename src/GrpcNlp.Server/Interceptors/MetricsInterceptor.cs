using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using GrpcNlp.Server.Telemetry;

namespace GrpcNlp.Server.Interceptors;

/// <summary>
/// Records <c>rpc.server.call.duration</c> for every call, tagged as the OpenTelemetry RPC
/// semantic conventions say (rpc.system, rpc.service, rpc.method, rpc.grpc.status_code).
/// Registered outermost, so it sees the status the exception mapping decided.
/// </summary>
public sealed class MetricsInterceptor(GrpcNlpMetrics metrics) : Interceptor
{
    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, () => continuation(request, context));

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, () => continuation(requestStream, context));

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, async () =>
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            return true;
        });

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, async () =>
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            return true;
        });

    // One timing block for every handler kind: a call that ends without an RpcException other
    // than success was turned into a status further in (ExceptionMappingInterceptor), so
    // anything else escaping here is recorded as INTERNAL.
    private async Task<T> MeasureAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        long start = Stopwatch.GetTimestamp();
        StatusCode code = StatusCode.Internal;
        try
        {
            T result = await call().ConfigureAwait(false);
            code = StatusCode.OK;
            return result;
        }
        catch (RpcException exception)
        {
            code = exception.StatusCode;
            throw;
        }
        finally
        {
            Record(context, start, code);
        }
    }

    private void Record(ServerCallContext context, long start, StatusCode code)
    {
        // context.Method is "/package.Service/Method".
        string method = context.Method;
        int slash = method.LastIndexOf('/');
        string service = slash > 1 ? method[1..slash] : method;
        string name = slash >= 0 ? method[(slash + 1)..] : method;
        metrics.CallDuration(Stopwatch.GetElapsedTime(start).TotalSeconds, service, name, (int)code);
    }
}
