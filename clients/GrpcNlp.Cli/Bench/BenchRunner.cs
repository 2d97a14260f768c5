using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;

namespace GrpcNlp.Cli.Bench;

/// <summary>
/// Runs a bounded load: <see cref="BenchSettings.Concurrency"/> workers share a count of calls
/// (or a time budget), each making one call at a time on one of the channels, optionally paced to
/// a global rate.
/// </summary>
internal sealed class BenchRunner(BenchSettings settings, BenchMethod method, BenchRequests requests)
{
    private long _issued;

    /// <summary>Wall-clock time of the run, from the first call started to the last finished.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Connects every channel, then runs the load; the channels are closed at the end.</summary>
    /// <exception cref="RpcException">A channel could not connect.</exception>
    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var channels = new GrpcChannel[settings.Connections];
        try
        {
            for (int i = 0; i < channels.Length; i++)
            {
                channels[i] = CreateChannel(settings.Address);
            }

            // Connect first, as ghz does, so no call's latency includes the TCP handshake and an
            // unreachable server is reported once rather than as a wall of failed calls.
            await Task.WhenAll(channels.Select(channel => ConnectAsync(channel, settings.Timeout, cancellationToken))).ConfigureAwait(false);

            long start = Stopwatch.GetTimestamp();
            long? stopAt = settings.Duration is { } duration ? start + (long)(duration.TotalSeconds * Stopwatch.Frequency) : null;
            BenchResult[] results = await Task.WhenAll(Enumerable.Range(0, settings.Concurrency)
                .Select(worker => Task.Run(
                    () => WorkerAsync(channels[worker % channels.Length].CreateCallInvoker(), start, stopAt, cancellationToken),
                    cancellationToken)))
                .ConfigureAwait(false);
            Elapsed = Stopwatch.GetElapsedTime(start);

            var total = new BenchResult();
            foreach (BenchResult result in results)
            {
                total.Add(result);
            }

            return total;
        }
        finally
        {
            foreach (GrpcChannel? channel in channels)
            {
                channel?.Dispose();
            }
        }
    }

    private static GrpcChannel CreateChannel(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        // One HTTP/2 connection per channel, so --connections means what it says; calls past
        // the server's stream limit wait on that connection instead of opening another.
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
        // Responses are counted, not decoded, so no size limit is needed on them.
        MaxReceiveMessageSize = null,
        MaxSendMessageSize = null,
    });

    private static async Task ConnectAsync(GrpcChannel channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await channel.ConnectAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"no connection within {timeout.TotalSeconds:0.###} s"));
        }
    }

    private async Task<BenchResult> WorkerAsync(CallInvoker invoker, long start, long? stopAt, CancellationToken cancellationToken)
    {
        var result = new BenchResult();
        while (!cancellationToken.IsCancellationRequested)
        {
            long callIndex = Interlocked.Increment(ref _issued) - 1;
            if (settings.Total is { } total && callIndex >= total)
            {
                break;
            }

            if (settings.Rps > 0)
            {
                long due = start + (long)(callIndex / settings.Rps * Stopwatch.Frequency);
                long wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken).ConfigureAwait(false);
                }
            }

            if (stopAt is { } stop && Stopwatch.GetTimestamp() >= stop)
            {
                break;
            }

            long callStart = Stopwatch.GetTimestamp();
            string status = "OK";
            string? error = null;
            try
            {
                var options = new CallOptions(deadline: DateTime.UtcNow + settings.Timeout, cancellationToken: cancellationToken);
                await CallAsync(invoker, callIndex, options, result).ConfigureAwait(false);
            }
            catch (RpcException exception)
            {
                status = StatusName(exception.StatusCode);
                error = $"rpc error: code = {status} desc = {exception.Status.Detail}";
            }

            long nanoseconds = (long)((Stopwatch.GetTimestamp() - callStart) * (1e9 / Stopwatch.Frequency));
            result.Record(nanoseconds, status, error);
        }

        return result;
    }

    private async Task CallAsync(CallInvoker invoker, long callIndex, CallOptions options, BenchResult result)
    {
        switch (method.Type)
        {
            case MethodType.Unary:
                {
                    PreparedRequest request = requests.ForCall(callIndex);
                    using AsyncUnaryCall<ResponseSize> call = invoker.AsyncUnaryCall(method.Method, null, options, request);
                    ResponseSize response = await call.ResponseAsync.ConfigureAwait(false);
                    result.BytesSent += request.Payload.Length;
                    result.BytesReceived += response.Bytes;
                    break;
                }

            case MethodType.ServerStreaming:
                {
                    PreparedRequest request = requests.ForCall(callIndex);
                    using AsyncServerStreamingCall<ResponseSize> call = invoker.AsyncServerStreamingCall(method.Method, null, options, request);
                    result.BytesSent += request.Payload.Length;
                    result.BytesReceived += await ReadAllAsync(call.ResponseStream, options.CancellationToken).ConfigureAwait(false);
                    break;
                }

            case MethodType.ClientStreaming:
                {
                    using AsyncClientStreamingCall<PreparedRequest, ResponseSize> call = invoker.AsyncClientStreamingCall(method.Method, null, options);
                    result.BytesSent += await WriteAllAsync(call.RequestStream).ConfigureAwait(false);
                    ResponseSize response = await call.ResponseAsync.ConfigureAwait(false);
                    result.BytesReceived += response.Bytes;
                    break;
                }

            default:
                {
                    using AsyncDuplexStreamingCall<PreparedRequest, ResponseSize> call = invoker.AsyncDuplexStreamingCall(method.Method, null, options);
                    // Read while writing: a server that answers as it goes would otherwise stall on
                    // flow control once its send window fills.
                    Task<long> reading = ReadAllAsync(call.ResponseStream, options.CancellationToken);
                    try
                    {
                        result.BytesSent += await WriteAllAsync(call.RequestStream).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is RpcException or InvalidOperationException)
                    {
                        // The server ended the call early; its status comes from the reading side.
                    }

                    result.BytesReceived += await reading.ConfigureAwait(false);
                    break;
                }
        }
    }

    private async Task<long> WriteAllAsync(IClientStreamWriter<PreparedRequest> writer)
    {
        long bytes = 0;
        foreach (PreparedRequest message in requests.StreamMessages())
        {
            await writer.WriteAsync(message).ConfigureAwait(false);
            bytes += message.Payload.Length;
        }

        await writer.CompleteAsync().ConfigureAwait(false);
        return bytes;
    }

    private static async Task<long> ReadAllAsync(IAsyncStreamReader<ResponseSize> reader, CancellationToken cancellationToken)
    {
        long bytes = 0;
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            bytes += reader.Current.Bytes;
        }

        return bytes;
    }

    /// <summary>The status name ghz (grpc-go) prints: the enum name, with Go's spelling of Canceled.</summary>
    internal static string StatusName(StatusCode code) => code == StatusCode.Cancelled ? "Canceled" : code.ToString();
}
