using System.Net;
using GrpcNlp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(GrpcNlp.Cli.Tests.Infrastructure.ServerFixture))]

namespace GrpcNlp.Cli.Tests.Infrastructure;

/// <summary>The real GrpcNlp server on Kestrel at 127.0.0.1, port 0, HTTP/2 only, shared by the end-to-end tests.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    /// <summary>The server's limit on the bytes of one stream.</summary>
    public const int MaxStreamBytes = 64 * 1024;

    private WebApplication? _app;

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        // A small stream limit lets a test cross it with little data.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GrpcNlp:MaxStreamBytes"] = MaxStreamBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.AddGrpcNlpServer();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        _app = builder.Build();
        _app.MapGrpcNlpServer();
        await _app.StartAsync().ConfigureAwait(false);

        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = address.TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
