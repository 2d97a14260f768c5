using Grpc.Core;
using GrpcNlp.Server.Interceptors;
using GrpcNlp.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GrpcNlp.Server.Tests.Interceptors;

public sealed class ExceptionMappingInterceptorTests
{
    private const string Method = "/grpcnlp.v1.NormalizationService/Normalize";

    private readonly LogSink _logs = new();

    private ExceptionMappingInterceptor CreateInterceptor()
    {
        ILoggerFactory factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs));
        return new ExceptionMappingInterceptor(factory.CreateLogger<ExceptionMappingInterceptor>());
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
    public async Task OperationCanceled_OnALiveCall_IsInternal()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() =>
            Run(new OperationCanceledException(), DateTime.MaxValue, CancellationToken.None));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }
}
