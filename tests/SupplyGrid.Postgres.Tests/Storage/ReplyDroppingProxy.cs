using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SupplyGrid.Postgres.Tests.Storage;

/// <summary>
/// A TCP proxy in front of PostgreSQL that, when armed, lets the server finish the next request (up to and
/// including its ReadyForQuery, i.e. after the commit) but swallows the reply and cuts the connection: the client
/// sees a broken connection for a write that in fact committed.
/// </summary>
internal sealed class ReplyDroppingProxy : IAsyncDisposable
{
    private const byte ReadyForQuery = (byte)'Z';
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly EndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _armed;

    public ReplyDroppingProxy(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        _target = target.Host!.StartsWith('/')
            ? new UnixDomainSocketEndPoint(Path.Combine(target.Host, $".s.PGSQL.{target.Port}"))
            : new DnsEndPoint(target.Host, target.Port);
        _listener.Start();
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
        }.ConnectionString;
        _accepting = AcceptAsync();
    }

    public string ConnectionString { get; }

    /// <summary>How many replies were swallowed.</summary>
    public int Dropped { get; private set; }

    public void DropNextReply() => _armed = true;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                var server = _target is UnixDomainSocketEndPoint
                    ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                    : new Socket(SocketType.Stream, ProtocolType.Tcp);
                await server.ConnectAsync(_target, _stop.Token);
                _ = PumpAsync(client, server, toServer: true);
                _ = PumpAsync(server, client, toServer: false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool toServer)
    {
        var buffer = new byte[64 * 1024];
        var parser = new MessageBoundaries();
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, _stop.Token);
                if (read == 0)
                    break;
                if (!toServer && _armed)
                {
                    if (parser.EndsWith(buffer.AsSpan(0, read), ReadyForQuery))
                    {
                        _armed = false;
                        Dropped++;
                        break;
                    }

                    continue;
                }

                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        from.Close();
        to.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    /// <summary>Follows PostgreSQL backend messages (type byte, 4-byte big-endian length including itself) across chunks.</summary>
    private sealed class MessageBoundaries
    {
        private readonly byte[] _header = new byte[5];
        private int _headerBytes;
        private long _bodyLeft;

        /// <summary>True when a message of <paramref name="type"/> ends within <paramref name="chunk"/>.</summary>
        public bool EndsWith(ReadOnlySpan<byte> chunk, byte type)
        {
            var seen = false;
            while (!chunk.IsEmpty)
            {
                if (_bodyLeft > 0)
                {
                    var skip = (int)Math.Min(_bodyLeft, chunk.Length);
                    chunk = chunk[skip..];
                    _bodyLeft -= skip;
                    if (_bodyLeft == 0 && _header[0] == type)
                        seen = true;
                    continue;
                }

                _header[_headerBytes++] = chunk[0];
                chunk = chunk[1..];
                if (_headerBytes < 5)
                    continue;
                _headerBytes = 0;
                _bodyLeft = ((_header[1] << 24) | (_header[2] << 16) | (_header[3] << 8) | _header[4]) - 4;
                if (_bodyLeft == 0 && _header[0] == type)
                    seen = true;
            }

            return seen;
        }
    }
}
