using Google.Rpc;
using Grpc.Core;

namespace GrpcNlp.Cli.Output;

/// <summary>Prints a failed call: its status and, when the server sent them, the field violations.</summary>
internal static class ErrorRenderer
{
    public static void Write(RpcException exception, TextWriter error)
    {
        error.WriteLine($"error: {exception.StatusCode}: {exception.Status.Detail}");

        Google.Rpc.Status? status = exception.GetRpcStatus();
        BadRequest? badRequest = status?.GetDetail<BadRequest>();
        if (badRequest is null)
        {
            return;
        }

        foreach (BadRequest.Types.FieldViolation violation in badRequest.FieldViolations)
        {
            error.WriteLine($"  {violation.Field}: {violation.Description}");
        }
    }
}
