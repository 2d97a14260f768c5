using System.Runtime.ExceptionServices;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary>
/// Calls the server for many documents with at most N calls in flight, and hands the answers
/// back strictly in input order.
/// </summary>
internal static class BatchRunner
{
    /// <summary>
    /// Keeps a window of <paramref name="parallel"/> calls running: document i+N starts once
    /// answer i has been written, so at most N answers wait in memory and the output order never
    /// depends on which call finished first. The first call to fail cancels the others at once
    /// (not when its turn to be written comes) and its exception is rethrown.
    /// </summary>
    public static async Task RunAsync<TResponse>(
        IReadOnlyList<Document> documents,
        int parallel,
        Func<Document, CancellationToken, Task<TResponse>> call,
        Action<Document, TResponse> write,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Task<TResponse>?[documents.Count];
        Exception? firstFailure = null;

        Task<TResponse> Start(int index)
        {
            Task<TResponse> task = call(documents[index], batch.Token);
            _ = task.ContinueWith(
                failed =>
                {
                    Interlocked.CompareExchange(ref firstFailure, failed.Exception!.InnerException, null);
                    batch.Cancel();
                },
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return task;
        }

        int next = 0;
        try
        {
            for (; next < documents.Count && next < parallel; next++)
            {
                inFlight[next] = Start(next);
            }

            for (int index = 0; index < documents.Count; index++)
            {
                TResponse response = await inFlight[index]!.ConfigureAwait(false);
                inFlight[index] = null;
                write(documents[index], response);
                if (next < documents.Count)
                {
                    inFlight[next] = Start(next);
                    next++;
                }
            }
        }
        catch (Exception exception)
        {
            // Stop the calls still running and wait for them, so none outlives the command.
            await batch.CancelAsync().ConfigureAwait(false);
            foreach (Task<TResponse>? pending in inFlight)
            {
                if (pending is not null)
                {
                    await Task.WhenAny(pending).ConfigureAwait(false);
                }
            }

            // The call that failed first says why; the others only report the cancellation it caused.
            if (!cancellationToken.IsCancellationRequested && firstFailure is not null && firstFailure != exception)
            {
                ExceptionDispatchInfo.Throw(firstFailure);
            }

            throw;
        }
    }
}
