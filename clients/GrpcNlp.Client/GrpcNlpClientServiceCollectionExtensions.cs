using Grpc.Net.ClientFactory;
using GrpcNlp.Client.Internal;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrpcNlp.Client;

/// <summary>Registers the GrpcNlp clients with dependency injection.</summary>
public static class GrpcNlpClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers every generated GrpcNlp client through the gRPC client factory (one pooled HTTP/2
    /// connection handler, retries on UNAVAILABLE, a default deadline, optional request compression,
    /// round-robin over several addresses) and the
    /// <see cref="GrpcNlpClient"/> facade over them, as transient services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the address or addresses, deadline, retry policy and compression.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddGrpcNlpClient(
        this IServiceCollection services,
        Action<GrpcNlpClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GrpcNlpClientOptions>().Configure(configure);

        AddClient<NormalizationService.NormalizationServiceClient>(services);
        AddClient<TokenizationService.TokenizationServiceClient>(services);
        AddClient<EntityService.EntityServiceClient>(services);
        AddClient<SummarizationService.SummarizationServiceClient>(services);
        AddClient<AnalysisService.AnalysisServiceClient>(services);

        services.AddTransient(static provider => new GrpcNlpClient(
            provider.GetRequiredService<NormalizationService.NormalizationServiceClient>(),
            provider.GetRequiredService<TokenizationService.TokenizationServiceClient>(),
            provider.GetRequiredService<EntityService.EntityServiceClient>(),
            provider.GetRequiredService<SummarizationService.SummarizationServiceClient>(),
            provider.GetRequiredService<AnalysisService.AnalysisServiceClient>()));
        return services;
    }

    private static void AddClient<TClient>(IServiceCollection services)
        where TClient : class
    {
        services
            .AddGrpcClient<TClient>(static (provider, factoryOptions) =>
                factoryOptions.Address = ChannelConfiguration.Target(Options(provider)))
            .ConfigureChannel(static (provider, channelOptions) =>
                ChannelConfiguration.Apply(Options(provider), channelOptions))
            .AddInterceptor(InterceptorScope.Client, static provider =>
                new CallDefaultsInterceptor(Options(provider).DefaultDeadline, Options(provider).RequestCompression));
    }

    private static GrpcNlpClientOptions Options(IServiceProvider provider)
        => provider.GetRequiredService<IOptions<GrpcNlpClientOptions>>().Value;
}
