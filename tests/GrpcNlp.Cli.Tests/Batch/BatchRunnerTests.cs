using GrpcNlp.Cli.Commands;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.Batch;

/// <summary>The batch window: bounded calls in flight, answers in input order, failures stop the rest.</summary>
public sealed class BatchRunnerTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Answers_come_in_input_order_whatever_order_calls_finish_in()
    {
        Document[] documents = Enumerable.Range(0, 6).Select(i => new Document { Id = $"d{i}" }).ToArray();
        var calls = new List<TaskCompletionSource<string>>();
        var written = new List<string>();
        int inFlight = 0;
        int maxInFlight = 0;

        Task run = BatchRunner.RunAsync(
            documents,
            parallel: 3,
            (document, _) =>
            {
                var call = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                lock (calls)
                {
                    calls.Add(call);
                    maxInFlight = Math.Max(maxInFlight, ++inFlight);
                }

                return call.Task;
            },
            (document, answer) =>
            {
                lock (calls)
                {
                    inFlight--;
                }

                lock (written)
                {
                    written.Add(answer);
                }
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(3, Count(calls));
        Finish(calls, 2);
        Finish(calls, 1);
        Assert.False(SpinWait.SpinUntil(() => Count(written) > 0, TimeSpan.FromMilliseconds(200)), "an answer was written before the first one");
        Finish(calls, 0);
        Assert.True(SpinWait.SpinUntil(() => Count(calls) == 6, s_wait));
        Finish(calls, 5);
        Finish(calls, 4);
        Finish(calls, 3);
        await run.WaitAsync(s_wait, TestContext.Current.CancellationToken);

        Assert.Equal(["d0", "d1", "d2", "d3", "d4", "d5"], written);
        Assert.Equal(3, maxInFlight);
    }

    [Fact]
    public async Task A_failed_call_cancels_the_others_and_is_rethrown()
    {
        Document[] documents = Enumerable.Range(0, 10).Select(i => new Document { Id = $"d{i}" }).ToArray();
        int started = 0;
        int cancelled = 0;

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => BatchRunner.RunAsync<string>(
            documents,
            parallel: 4,
            async (document, token) =>
            {
                Interlocked.Increment(ref started);
                if (document.Id == "d1")
                {
                    throw new InvalidOperationException("d1 failed");
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelled);
                    throw;
                }

                return document.Id;
            },
            (_, _) => { },
            TestContext.Current.CancellationToken));

        Assert.Equal("d1 failed", error.Message);
        Assert.Equal(4, started);
        Assert.Equal(3, cancelled);
    }

    private static int Count<T>(List<T> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static void Finish(List<TaskCompletionSource<string>> calls, int index)
    {
        TaskCompletionSource<string> call;
        lock (calls)
        {
            call = calls[index];
        }

        call.SetResult($"d{index}");
    }
}
