using System.Net;
using System.Net.Sockets;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// A free loopback port for an arm's silo: arms run side by side in processes of their own, and other work on the
/// machine holds ports too, so no fixed port will do.
/// </summary>
internal static class SiloPort
{
    /// <summary>A port the system had free a moment ago (another process may still take it first: start, then retry).</summary>
    public static int Free()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
