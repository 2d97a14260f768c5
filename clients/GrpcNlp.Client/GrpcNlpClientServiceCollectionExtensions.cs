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
    /// connection handler, retries on UNAVAILABLE, a default deadline) and the
    /// <see cref="GrpcNlpClient"/> facade over them, as transient services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the address, deadline and retry policy.</param>
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
                factoryOptions.Address = Options(provider).Address)
            .ConfigureChannel(static (provider, channelOptions) =>
                channelOptions.ServiceConfig = RetryServiceConfig.Create(Options(provider)))
            .AddInterceptor(InterceptorScope.Client, static provider =>
                new DefaultDeadlineInterceptor(Options(provider).DefaultDeadline));
    }

    private static GrpcNlpClientOptions Options(IServiceProvider provider)
        => provider.GetRequiredService<IOptions<GrpcNlpClientOptions>>().Value;
}
