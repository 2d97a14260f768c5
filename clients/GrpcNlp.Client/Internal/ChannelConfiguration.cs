using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GrpcNlp.Client.Internal;

/// <summary>
/// Turns <see cref="GrpcNlpClientOptions"/> into the channel's target and settings: the retry
/// policy for UNAVAILABLE and, over several addresses, round-robin load balancing.
/// </summary>
internal static class ChannelConfiguration
{
    // The static resolver ignores the host of the target; it only has to be a valid URI.
    private static readonly Uri s_balancedTarget = new("static:///grpcnlp");

    /// <summary>The address the channel is created for: the one server, or the balanced set.</summary>
    public static Uri Target(GrpcNlpClientOptions options)
        => IsBalanced(options) ? s_balancedTarget : options.Address;

    /// <summary>Sets the service config, and for a balanced channel its resolver and credentials.</summary>
    public static void Apply(GrpcNlpClientOptions options, GrpcChannelOptions channelOptions)
    {
        ServiceConfig? serviceConfig = RetryPolicyConfig(options);
        if (IsBalanced(options))
        {
            IReadOnlyList<Uri> addresses = options.Addresses.ToList();
            string scheme = addresses[0].Scheme;
            if (addresses.Any(address => !string.Equals(address.Scheme, scheme, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException("Every address in GrpcNlpClientOptions.Addresses must use the same scheme (http or https).");
            }

            BalancerAddress[] balancerAddresses = addresses.Select(static address => new BalancerAddress(address.Host, address.Port)).ToArray();
            serviceConfig ??= new ServiceConfig();
            serviceConfig.LoadBalancingConfigs.Add(new RoundRobinConfig());

            // The resolver lives in a provider of its own, so registering it does not change how
            // other channels of the application resolve their addresses.
            channelOptions.ServiceProvider = new ServiceCollection()
                .AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => balancerAddresses))
                .BuildServiceProvider();

            // A "static:" target says nothing about TLS, so the credentials say it instead.
            channelOptions.Credentials = string.Equals(scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)
                ? ChannelCredentials.SecureSsl
                : ChannelCredentials.Insecure;
        }

        channelOptions.ServiceConfig = serviceConfig;
    }

    private static bool IsBalanced(GrpcNlpClientOptions options) => options.Addresses.Count > 0;

    private static ServiceConfig? RetryPolicyConfig(GrpcNlpClientOptions options)
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
