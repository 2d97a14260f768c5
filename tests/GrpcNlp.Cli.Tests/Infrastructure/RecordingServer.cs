using System.Collections.Concurrent;
using System.Net;
using GrpcNlp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrpcNlp.Cli.Tests.Infrastructure;

/// <summary>
/// A real GrpcNlp server of its own on 127.0.0.1 that records the gRPC calls it receives and the
/// <c>grpc-encoding</c> each request came with, so tests can see where calls went and how.
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingServer(WebApplication app, string address, ConcurrentQueue<string> calls)
    {
        _app = app;
        Address = address;
        Calls = calls;
    }

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    /// <summary>The <c>grpc-encoding</c> header of each call received, in order ("" when absent).</summary>
    public ConcurrentQueue<string> Calls { get; }

    public static async Task<RecordingServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.AddGrpcNlpServer();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        WebApplication app = builder.Build();
        var calls = new ConcurrentQueue<string>();
        app.Use((context, next) =>
        {
            if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
            {
                calls.Enqueue(context.Request.Headers["grpc-encoding"].ToString());
            }

            return next(context);
        });
        app.MapGrpcNlpServer();
        await app.StartAsync().ConfigureAwait(false);

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new RecordingServer(app, address, calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
