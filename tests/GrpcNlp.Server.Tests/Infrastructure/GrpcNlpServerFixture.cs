using System.Net;
using Grpc.Net.Client;
using GrpcNlp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrpcNlp.Server.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1, port 0, HTTP/2 only, built with the production
/// <see cref="GrpcNlpServerExtensions.AddGrpcNlpServer"/>, and a channel to it. Limits are
/// lowered so that over-limit tests send small messages.
/// </summary>
public sealed class GrpcNlpServerFixture : IAsyncLifetime
{
    /// <summary>Hang guard for calls and streams; generous for a busy 2-core machine, not a performance bound.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public const int MaxMessageBytes = 256 * 1024;
    public const int MaxDocumentChars = 20_000;
    public const int MaxStreamBytes = 64 * 1024;
    public const int MaxSummaryDocuments = 8;
    public const int MaxBatchDocuments = 16;

    private WebApplication? _app;
    private GrpcChannel? _channel;

    public LogSink Logs { get; } = new();

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("The server is not started.");

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server is not started.");

    public async ValueTask InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GrpcNlp:MaxMessageBytes"] = MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GrpcNlp:MaxDocumentChars"] = MaxDocumentChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GrpcNlp:MaxStreamBytes"] = MaxStreamBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GrpcNlp:MaxSummaryDocuments"] = MaxSummaryDocuments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GrpcNlp:MaxBatchDocuments"] = MaxBatchDocuments.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(Logs);
        builder.AddGrpcNlpServer();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        _app = builder.Build();
        _app.MapGrpcNlpServer();
        await _app.StartAsync().ConfigureAwait(false);

        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
        _channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
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

    /// <summary>Waits briefly for the server to finish logging a call, then fails on any server error.</summary>
    public async Task AssertNoServerErrorsAsync()
    {
        // The server may still be completing a call that the client already saw finish.
        await Task.Delay(100).ConfigureAwait(false);
        LogSink.LogEntry[] errors = [.. Logs.Errors];
        Assert.True(errors.Length == 0, "Unexpected server errors:\n" + string.Join('\n', errors.Select(e => e.ToString())));
    }
}
