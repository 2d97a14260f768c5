using Grpc.Core;
using GrpcNlp.Server.Interceptors;
using GrpcNlp.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GrpcNlp.Server.Tests.Interceptors;

public sealed class ExceptionMappingInterceptorTests
{
    private const string Method = "/grpcnlp.v1.NormalizationService/Normalize";

    private readonly LogSink _logs = new();

    private ExceptionMappingInterceptor CreateInterceptor(TimeSpan? abortGrace = null)
    {
        ILoggerFactory factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs));
        return abortGrace is { } grace
            ? new ExceptionMappingInterceptor(factory.CreateLogger<ExceptionMappingInterceptor>(), grace)
            : new ExceptionMappingInterceptor(factory.CreateLogger<ExceptionMappingInterceptor>());
    }

    private Task<string> Run(Exception exception, DateTime deadline, CancellationToken cancellationToken)
        => CreateInterceptor().UnaryServerHandler<string, string>(
            "request",
            new TestServerCallContext(Method, deadline, cancellationToken),
            (_, _) => throw exception);

    [Fact]
    public async Task UnexpectedException_IsInternal_WithAGenericMessage_AndLogged()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() =>
            Run(new InvalidOperationException("secret detail"), DateTime.MaxValue, CancellationToken.None));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.Status.Detail, StringComparison.Ordinal);
        LogSink.LogEntry logged = Assert.Single(_logs.Errors);
        Assert.Equal(1, logged.EventId.Id);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task RpcException_PassesThrough()
    {
        var original = new RpcException(new Status(StatusCode.InvalidArgument, "bad"));
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => Run(original, DateTime.MaxValue, CancellationToken.None));
        Assert.Same(original, error);
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public async Task AnyFailure_OfACancelledCall_IsCancelled_AndNotAnError()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        RpcException error = await Assert.ThrowsAsync<RpcException>(() =>
            Run(new IOException("The client reset the request stream."), DateTime.MaxValue, cts.Token));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public async Task Cancellation_AfterTheDeadline_IsDeadlineExceeded()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        RpcException error = await Assert.ThrowsAsync<RpcException>(() =>
            Run(new OperationCanceledException(cts.Token), DateTime.UtcNow.AddSeconds(-1), cts.Token));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public async Task A_read_error_before_the_token_says_the_client_left_is_still_cancelled()
    {
        // Kestrel fails a reset stream's reads at once and cancels the call's token just after; the
        // token is cancelled here only once the handler has thrown, and the wait has no bound.
        using var cts = new CancellationTokenSource();
        Task<string> call = CreateInterceptor(Timeout.InfiniteTimeSpan).UnaryServerHandler<string, string>(
            "request",
            new TestServerCallContext(Method, DateTime.MaxValue, cts.Token),
            (_, _) => Task.FromException<string>(new IOException("The client reset the request stream.")));
        Assert.False(call.IsCompleted);

        await cts.CancelAsync();
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public async Task A_read_error_on_a_call_that_stays_live_is_internal_after_the_wait()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => CreateInterceptor(TimeSpan.Zero).UnaryServerHandler<string, string>(
            "request",
            new TestServerCallContext(Method, DateTime.MaxValue, CancellationToken.None),
            (_, _) => Task.FromException<string>(new IOException("disk"))));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Single(_logs.Errors);
    }

    [Fact]
    public async Task OperationCanceled_OnALiveCall_IsInternal()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() =>
            Run(new OperationCanceledException(), DateTime.MaxValue, CancellationToken.None));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }
}
