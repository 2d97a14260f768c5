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

    /// <summary>
    /// Writes <paramref name="messages"/> and completes the request stream, stopping early when
    /// the server has already ended the call. A write after that fails on the client with
    /// CANCELLED whatever status the server sent, so tests read the server's status from the
    /// response side (<c>ResponseAsync</c> or <c>ResponseStream.MoveNext</c>), never from a write.
    /// </summary>
    public static async Task WriteUntilServerEndsAsync<T>(IClientStreamWriter<T> writer, IEnumerable<T> messages)
    {
        try
        {
            foreach (T message in messages)
            {
                await writer.WriteAsync(message);
            }

            await writer.CompleteAsync();
        }
        catch (Exception exception) when (exception is RpcException or IOException)
        {
            // The call has ended; its status comes with the response.
        }
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
