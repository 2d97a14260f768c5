using Google.Rpc;
using Grpc.Core;

namespace GrpcNlp.Server.Tests.Infrastructure;

public static class RpcAssert
{
    /// <summary>Awaits a call that must fail with <paramref name="code"/> and returns the exception.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        RpcException exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(exception.StatusCode == code, $"expected {code}, got {exception.StatusCode}: {exception.Status.Detail}");
        return exception;
    }

    /// <summary>Asserts the rich status names <paramref name="field"/> in a BadRequest field violation.</summary>
    public static void HasFieldViolation(RpcException exception, string field)
    {
        Google.Rpc.Status? status = exception.GetRpcStatus();
        Assert.NotNull(status);
        BadRequest? badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest.FieldViolations, v => v.Field == field);
        ErrorInfo? info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("grpcnlp.v1", info.Domain);
    }
}
