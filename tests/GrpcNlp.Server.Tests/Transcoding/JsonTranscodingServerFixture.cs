using System.Globalization;
using System.Net;
using Grpc.Net.Client;
using GrpcNlp.Server.Hosting;
using GrpcNlp.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrpcNlp.Server.Tests.Transcoding;

/// <summary>
/// A real Kestrel server configured the way the docs show for JSON over HTTP/1.1: two
/// endpoints under <c>Kestrel:Endpoints</c>, one with the default protocols (HTTP/2 only, for
/// gRPC) and one with <c>Protocols=Http1</c>, both on 127.0.0.1 port 0. The same lowered
/// limits as <see cref="GrpcNlpServerFixture"/>.
/// </summary>
public sealed class JsonTranscodingServerFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private GrpcChannel? _channel;

    public LogSink Logs { get; } = new();

    /// <summary>The HTTP/2-only endpoint: gRPC, and JSON with HTTP/2 prior knowledge.</summary>
    public Uri Http2Address { get; private set; } = null!;

    /// <summary>The HTTP/1.1 endpoint for JSON clients that cannot speak cleartext HTTP/2.</summary>
    public Uri Http1Address { get; private set; } = null!;

    /// <summary>A gRPC channel to <see cref="Http2Address"/>.</summary>
    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("The server is not started.");

    public async ValueTask InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Json:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Json:Protocols"] = "Http1",
            ["GrpcNlp:MaxMessageBytes"] = GrpcNlpServerFixture.MaxMessageBytes.ToString(CultureInfo.InvariantCulture),
            ["GrpcNlp:MaxDocumentChars"] = GrpcNlpServerFixture.MaxDocumentChars.ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(Logs);
        builder.AddGrpcNlpServer();

        _app = builder.Build();
        _app.MapGrpcNlpServer();
        await _app.StartAsync().ConfigureAwait(false);

        // Which address is which is not part of what Kestrel reports; ask each one over HTTP/2.
        ICollection<string> addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Assert.Equal(2, addresses.Count);
        foreach (string address in addresses)
        {
            if (await SpeaksHttp2Async(new Uri(address)).ConfigureAwait(false))
            {
                Http2Address = new Uri(address);
            }
            else
            {
                Http1Address = new Uri(address);
            }
        }

        Assert.True(Http1Address is not null && Http2Address is not null, "Expected one HTTP/1.1 and one HTTP/2-only endpoint: " + string.Join(", ", addresses));
        _channel = GrpcChannel.ForAddress(Http2Address);
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>An HTTP client for <paramref name="address"/>: HTTP/1.1, or HTTP/2 with prior knowledge when <paramref name="http2"/>.</summary>
    public static HttpClient CreateHttpClient(Uri address, bool http2 = false) => new()
    {
        BaseAddress = address,
        DefaultRequestVersion = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = GrpcNlpServerFixture.DefaultTimeout,
    };

    private static async Task<bool> SpeaksHttp2Async(Uri address)
    {
        using HttpClient client = CreateHttpClient(address, http2: true);
        try
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false);
            return response.Version == HttpVersion.Version20;
        }
        catch (HttpRequestException)
        {
            // An HTTP/1.1-only endpoint cannot answer the HTTP/2 connection preface.
            return false;
        }
    }
}
