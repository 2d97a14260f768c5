using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace GrpcNlp.Client.Internal;

/// <summary>Builds the channel service config that retries calls failing with UNAVAILABLE.</summary>
internal static class RetryServiceConfig
{
    public static ServiceConfig? Create(GrpcNlpClientOptions options)
    {
        if (options.MaxRetryAttempts <= 0)
        {
            return null;
        }

        // UNAVAILABLE means the call never reached the service (connection refused, reset,
        // server draining), so every GrpcNlp RPC, all of them free of side effects, is safe to retry.
        var methodConfig = new MethodConfig
        {
            Names = { MethodName.Default },
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = options.MaxRetryAttempts + 1,
                InitialBackoff = options.RetryInitialBackoff,
                MaxBackoff = options.RetryMaxBackoff,
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        return new ServiceConfig { MethodConfigs = { methodConfig } };
    }
}
