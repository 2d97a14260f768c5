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

    [LoggerMessage(EventId = 5, EventName = "StreamLimitExceeded", Level = LogLevel.Information,
        Message = "Call {Method} exceeded the stream limit {Limit} ({Unit}).")]
    public static partial void StreamLimitExceeded(ILogger logger, string method, long limit, string unit);
}
