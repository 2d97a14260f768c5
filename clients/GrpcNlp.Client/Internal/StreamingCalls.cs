using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Grpc.Core;

namespace GrpcNlp.Client.Internal;

/// <summary>Drives streaming calls: writes requests and reads answers without deadlocking.</summary>
internal static class StreamingCalls
{
    /// <summary>
    /// Runs a bidirectional call: a background task writes every request then half-closes, while
    /// the caller reads answers concurrently. Writing and reading at once matters: a server that
    /// answers as it reads fills the response window, and a client that only wrote would then
    /// block on flow control forever.
    /// </summary>
    public static async IAsyncEnumerable<TResponse> DuplexAsync<TRequest, TResponse>(
        Func<CancellationToken, AsyncDuplexStreamingCall<TRequest, TResponse>> start,
        IAsyncEnumerable<TRequest> requests,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var callCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using AsyncDuplexStreamingCall<TRequest, TResponse> call = start(callCancellation.Token);
        Task writer = Task.Run(
            () => WriteAllAsync(call.RequestStream, requests, callCancellation),
            CancellationToken.None);

        try
        {
            IAsyncStreamReader<TResponse> reader = call.ResponseStream;
            while (true)
            {
                bool hasNext;
                try
                {
                    hasNext = await reader.MoveNext(callCancellation.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The writer cancels the call when the request source fails; report that
                    // failure rather than the cancellation it caused.
                    await callCancellation.CancelAsync().ConfigureAwait(false);
                    Exception? writeError = await ObserveAsync(writer).ConfigureAwait(false);
                    if (writeError is not null and not RpcException and not OperationCanceledException)
                    {
                        ExceptionDispatchInfo.Throw(writeError);
                    }

                    throw;
                }

                if (!hasNext)
                {
                    break;
                }

                yield return reader.Current;
            }

            await writer.ConfigureAwait(false);
        }
        finally
        {
            if (!writer.IsCompleted)
            {
                // The consumer stopped early: stop the call and the writer with it.
                await callCancellation.CancelAsync().ConfigureAwait(false);
                await ObserveAsync(writer).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes every request of a client-streaming call, half-closes, and returns the answer.</summary>
    public static async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(
        AsyncClientStreamingCall<TRequest, TResponse> call,
        IAsyncEnumerable<TRequest> requests,
        CancellationToken cancellationToken)
    {
        // A failing request source propagates as is; disposing the call (the caller's job) cancels it.
        await foreach (TRequest request in requests.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!await TryWriteAsync(call.RequestStream.WriteAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        await TryWriteAsync(call.RequestStream.CompleteAsync(), cancellationToken).ConfigureAwait(false);
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    // A write fails when the server has already ended the call (for example RESOURCE_EXHAUSTED over
    // its size limit); the call's status then says more than the failed write, so the caller gets
    // the status from ResponseAsync instead.
    private static async Task<bool> TryWriteAsync(Task write, CancellationToken cancellationToken)
    {
        try
        {
            await write.ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task WriteAllAsync<TRequest>(
        IClientStreamWriter<TRequest> stream,
        IAsyncEnumerable<TRequest> requests,
        CancellationTokenSource callCancellation)
    {
        try
        {
            CancellationToken token = callCancellation.Token;
            await foreach (TRequest request in requests.WithCancellation(token).ConfigureAwait(false))
            {
                await stream.WriteAsync(request, token).ConfigureAwait(false);
            }

            await stream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Without this the reader would wait for answers the server never sends.
            await callCancellation.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<Exception?> ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>Turns a synchronous sequence into an asynchronous one.</summary>
    public static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Sends an optional first message, then every item mapped to a request.</summary>
    public static async IAsyncEnumerable<TRequest> WithHeader<TItem, TRequest>(
        TRequest? header,
        IAsyncEnumerable<TItem> items,
        Func<TItem, TRequest> toRequest,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class
    {
        if (header is not null)
        {
            yield return header;
        }

        await foreach (TItem item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return toRequest(item);
        }
    }
}
