using System.Net;
using System.Net.Sockets;

namespace GrpcNlp.Cli.Tests.Infrastructure;

/// <summary>An address on the loopback where nothing listens, so connecting is refused at once.</summary>
internal static class ClosedPort
{
    public static string Address()
    {
        // Bind to an ephemeral port and release it: the port is then free and nothing listens there.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
