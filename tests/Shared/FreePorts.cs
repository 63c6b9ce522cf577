using System.Net;
using System.Net.Sockets;

namespace SupplyGrid.Testing;

/// <summary>
/// Ports nothing listens on now, for the web hosts and Orleans silos tests start: several run in one test process, and
/// other work on the machine may hold the defaults. Compiled into every test project (tests/Directory.Build.props).
/// </summary>
internal static class FreePorts
{
    public static int One()
    {
        using var socket = Listen();
        return Port(socket);
    }

    /// <summary>Two distinct free ports (both are held open while the second is chosen, so they differ).</summary>
    public static (int First, int Second) Two()
    {
        using var first = Listen();
        using var second = Listen();
        return (Port(first), Port(second));
    }

    private static Socket Listen()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return socket;
    }

    private static int Port(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
