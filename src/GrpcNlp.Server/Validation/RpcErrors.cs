using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace GrpcNlp.Server.Validation;

/// <summary>
/// Builds the rich error statuses of the service: a <c>google.rpc.Status</c> carrying
/// <c>google.rpc.ErrorInfo</c> and <c>google.rpc.BadRequest</c> field violations.
/// </summary>
internal static class RpcErrors
{
    /// <summary>The error domain of every ErrorInfo the service sends.</summary>
    public const string Domain = "grpcnlp.v1";

    /// <summary>ErrorInfo reason of a malformed or out-of-range field.</summary>
    public const string InvalidField = "INVALID_ARGUMENT_FIELD";

    /// <summary>ErrorInfo reason of a document or message over a size limit.</summary>
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>ErrorInfo reason of a stream message out of order (config after text).</summary>
    public const string StreamProtocol = "STREAM_PROTOCOL";

    public static RpcException Create(StatusCode code, string reason, string message, IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }));
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        if (badRequest.FieldViolations.Count > 0)
        {
            status.Details.Add(Any.Pack(badRequest));
        }

        return status.ToRpcException();
    }

    public static RpcException Create(StatusCode code, string reason, string field, string description)
        => Create(code, reason, $"{field}: {description}", [new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    [DoesNotReturn]
    public static void ThrowInvalid(string field, string description)
        => throw Create(StatusCode.InvalidArgument, InvalidField, field, description);

    [DoesNotReturn]
    public static void ThrowLimit(string field, string description)
        => throw Create(StatusCode.ResourceExhausted, LimitExceeded, field, description);

    [DoesNotReturn]
    public static void ThrowStreamProtocol(string field, string description)
        => throw Create(StatusCode.InvalidArgument, StreamProtocol, field, description);
}
