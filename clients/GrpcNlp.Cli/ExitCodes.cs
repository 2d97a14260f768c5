namespace GrpcNlp.Cli;

/// <summary>The process exit codes of <c>grpcnlp</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The call failed: a gRPC error, an unreachable server or an unreadable input.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
}
