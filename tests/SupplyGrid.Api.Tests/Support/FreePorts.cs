using System.Net;
using System.Net.Sockets;

namespace SupplyGrid.Api.Tests.Support;

/// <summary>Ports nothing listens on now: several test silos run in this process, and other work on the machine may hold Orleans' default ports.</summary>
internal static class FreePorts
{
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
