using System.Net;
using System.Net.Sockets;

namespace SupplyGrid.Bench.Grid;

/// <summary>The silo-to-silo and gateway ports of a benchmark silo: free ones, since other work on this machine holds ports.</summary>
internal readonly record struct SiloPorts(int Silo, int Gateway)
{
    public static SiloPorts Free()
    {
        // Both listeners are held at once, so the two ports differ.
        using var silo = Listen();
        using var gateway = Listen();
        return new SiloPorts(PortOf(silo), PortOf(gateway));
    }

    private static Socket Listen()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return socket;
    }

    private static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
