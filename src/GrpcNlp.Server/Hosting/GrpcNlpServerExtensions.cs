using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;
using GrpcNlp.Server.Configuration;
using GrpcNlp.Server.Interceptors;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.Server.Services;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GrpcNlp.Server.Hosting;

/// <summary>Registers and maps the whole GrpcNlp server; used by the host and by tests alike.</summary>
public static class GrpcNlpServerExtensions
{
    /// <summary>Address used when no URL or Kestrel endpoint is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The fully qualified names of the served gRPC services, as health and reflection know them.</summary>
    public static IReadOnlyList<string> ServiceNames { get; } =
    [
        "grpcnlp.v1.NormalizationService",
        "grpcnlp.v1.TokenizationService",
        "grpcnlp.v1.EntityService",
        "grpcnlp.v1.SummarizationService",
        "grpcnlp.v1.AnalysisService",
    ];

    /// <summary>
    /// Adds the gRPC services, their limits, interceptors, health, reflection and telemetry, and
    /// makes Kestrel default to HTTP/2 cleartext on <see cref="DefaultUrl"/>.
    /// </summary>
    public static WebApplicationBuilder AddGrpcNlpServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConfigureKestrelDefaults(builder);

        builder.Services.AddOptions<GrpcNlpServerOptions>()
            .Bind(builder.Configuration.GetSection(GrpcNlpServerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GrpcNlpServerOptions>>((kestrel, options) =>
                kestrel.Limits.Http2.MaxStreamsPerConnection = options.Value.MaxConcurrentStreams);

        // The socket transport by default waits for each read with a zero-byte receive before it
        // takes a 4 KB buffer from its pool, which doubles the receive calls of a busy connection:
        // a 64 KiB TokenizeStream chunk took 34 recvfrom calls, 17 without the wait
        // (docs/benchmarks.md, "TokenizeStream: where the CPU goes between the two processes").
        // The cost is one pooled 4 KB block held by each idle connection.
        builder.Services.Configure<SocketTransportOptions>(sockets => sockets.WaitForDataBeforeAllocatingBuffer = false);

        builder.Services.AddGrpc(grpc =>
            {
                // Outermost first: metrics see the status the exception mapping decided.
                grpc.Interceptors.Add<MetricsInterceptor>();
                grpc.Interceptors.Add<ExceptionMappingInterceptor>();
                grpc.EnableDetailedErrors = false;
            })
            // JSON over HTTP: the unary RPCs at the routes of their google.api.http annotations
            // (POST /v1/documents:tokenize, ...), through the same interceptors and validation.
            // An error's JSON body carries its google.rpc details (BadRequest, ErrorInfo), which
            // the serializer can write only if their types are registered.
            .AddJsonTranscoding(json =>
                json.TypeRegistry = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor));
        // StreamTokenize, and Tokenize and Analyze over gRPC, write their responses from plain
        // values with their own marshallers; the services' bind methods leave those generated
        // bindings out.
        builder.Services.TryAddEnumerable(
            Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IServiceMethodProvider<TokenizationService>, StreamTokenizeMethodProvider>());
        builder.Services.TryAddEnumerable(
            Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IServiceMethodProvider<TokenizationService>, TokenizeMethodProvider>());
        builder.Services.TryAddEnumerable(
            Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IServiceMethodProvider<AnalysisService>, AnalyzeMethodProvider>());
        builder.Services.AddOptions<GrpcServiceOptions>()
            .Configure<IOptions<GrpcNlpServerOptions>>((grpc, options) =>
            {
                grpc.MaxReceiveMessageSize = options.Value.MaxMessageBytes;
                grpc.MaxSendMessageSize = options.Value.MaxMessageBytes;
            });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health =>
            {
                // "" is the whole server; each service reports the same checks because they
                // share one process and one Core.
                health.Services.Map(string.Empty, _ => true);
                foreach (string name in ServiceNames)
                {
                    health.Services.Map(name, _ => true);
                }
            })
            .AddCheck("grpcnlp", () => HealthCheckResult.Healthy());

        // grpc-dotnet creates an interceptor per call unless DI holds one; both are stateless.
        builder.Services.AddSingleton<MetricsInterceptor>();
        builder.Services.AddSingleton<ExceptionMappingInterceptor>();
        builder.Services.AddSingleton<RequestValidator>();
        builder.Services.AddSingleton<GrpcNlpMetrics>();
        builder.Services.AddSingleton<TextAnalyzer>();
        builder.Services.AddSingleton<EntityExtractor>();
        builder.Services.AddSingleton<ExtractiveSummarizer>();

        AddTelemetry(builder);
        return builder;
    }

    /// <summary>Maps the gRPC services, health, reflection and the Prometheus scrape endpoint.</summary>
    public static WebApplication MapGrpcNlpServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<NormalizationService>();
        app.MapGrpcService<TokenizationService>();
        app.MapGrpcService<EntityService>();
        app.MapGrpcService<SummarizationService>();
        app.MapGrpcService<AnalysisService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        if (app.Services.GetRequiredService<IOptions<GrpcNlpServerOptions>>().Value.EnablePrometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }

    private static void ConfigureKestrelDefaults(WebApplicationBuilder builder)
    {
        IConfiguration configuration = builder.Configuration;

        // Cleartext HTTP/2 needs Protocols=Http2: an Http1AndHttp2 endpoint without TLS has no
        // ALPN to negotiate with and serves HTTP/1.1 only, which gRPC cannot use. Set through
        // configuration so that any explicit setting (file, environment, command line) wins.
        if (string.IsNullOrEmpty(configuration["Kestrel:EndpointDefaults:Protocols"]))
        {
            configuration["Kestrel:EndpointDefaults:Protocols"] = "Http2";
        }

        bool hasEndpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        bool hasUrls = !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"]);
        if (!hasEndpoints && !hasUrls)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }

    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        OpenTelemetryBuilder otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(GrpcNlpMetrics.MeterName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(GrpcNlpMetrics.MeterName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(GrpcNlpMetrics.MeterName)
                .AddPrometheusExporter());

        // OTLP only when a collector is named, so a plain run never tries to reach one.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }
}
