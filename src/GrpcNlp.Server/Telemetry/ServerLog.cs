namespace GrpcNlp.Server.Telemetry;

/// <summary>Every log message of the server, with stable event ids.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, EventName = "UnhandledException", Level = LogLevel.Error,
        Message = "Unhandled exception in {Method}; the client gets INTERNAL.")]
    public static partial void UnhandledException(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 2, EventName = "CallCancelled", Level = LogLevel.Debug,
        Message = "Call {Method} was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(EventId = 3, EventName = "DeadlineExceeded", Level = LogLevel.Debug,
        Message = "Call {Method} exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(EventId = 4, EventName = "InvalidRequest", Level = LogLevel.Debug,
        Message = "Call {Method} rejected with {StatusCode}: {Detail}")]
    public static partial void RequestRejected(ILogger logger, string method, Grpc.Core.StatusCode statusCode, string detail);

    [LoggerMessage(EventId = 5, EventName = "StreamLimitExceeded", Level = LogLevel.Information,
        Message = "Call {Method} exceeded the stream limit {Limit} ({Unit}).")]
    public static partial void StreamLimitExceeded(ILogger logger, string method, long limit, string unit);

    [LoggerMessage(EventId = 6, EventName = "OtlpExporterEnabled", Level = LogLevel.Information,
        Message = "OTLP export enabled to {Endpoint}.")]
    public static partial void OtlpExporterEnabled(ILogger logger, string endpoint);
}
