using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupplyGrid.Postgres.Development;

/// <summary>
/// Development and test utility, not for production: a private PostgreSQL cluster in a temporary directory
/// (initdb, then pg_ctl start on a free port with its unix socket in the same directory), stopped and deleted on
/// dispose. Needs the PostgreSQL server binaries (Debian: <c>apt-get install postgresql</c>). initdb refuses to run
/// as root, so a root process runs the server as the <c>postgres</c> OS user with the directory owned by it.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private const string ServerUser = "postgres";
    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _durable;

    private ThrowawayCluster(string binDirectory, string root, int port, bool durable)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
        _durable = durable;
    }

    /// <summary>The TCP port (on 127.0.0.1) and the name of the unix socket.</summary>
    public int Port { get; }

    /// <summary>Superuser connection to the <c>postgres</c> database over the unix socket.</summary>
    public string ConnectionString =>
        $"Host={SocketDirectory};Port={Port.ToString(CultureInfo.InvariantCulture)};Username={ServerUser};Database=postgres";

    /// <summary>The running server's postmaster process (its backends are its children), e.g. to measure its CPU time.</summary>
    public int ServerProcessId =>
        int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private string DataDirectory => Path.Combine(_root, "data");

    private string SocketDirectory => _root;

    private string LogFile => Path.Combine(_root, "server.log");

    private static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>
    /// Creates and starts a cluster. <paramref name="durable"/> false turns off fsync and full-page writes (fast tests
    /// that still survive a server crash); true keeps PostgreSQL's defaults (benchmarks that should mean something).
    /// </summary>
    public static async Task<ThrowawayCluster> StartAsync(bool durable = false, CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        var root = Directory.CreateTempSubdirectory("sg-pg-").FullName;
        try
        {
            if (RunsAsRoot)
                await RunAsync("chown", [ServerUser, root], asServerUser: false, cancellationToken);
            await RunAsync(Path.Combine(bin, "initdb"),
                ["-D", Path.Combine(root, "data"), "-U", ServerUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                RunsAsRoot, cancellationToken);
            // Another process may take the free port before the server binds it: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var cluster = new ThrowawayCluster(bin, root, FreePort(), durable);
                try
                {
                    await cluster.StartServerAsync(cancellationToken);
                    return cluster;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>Starts the server (again, after <see cref="StopServerAsync"/>) on the same port and data.</summary>
    public async Task StartServerAsync(CancellationToken cancellationToken = default)
    {
        var settings = new StringBuilder();
        settings.Append(CultureInfo.InvariantCulture, $"-p {Port} -k {SocketDirectory} -c listen_addresses=127.0.0.1 -c max_connections=200");
        // Without fsync a commit costs no disk flush, yet it survives the server process crashing (the data is in the
        // OS page cache); only a machine crash could lose it, which a throwaway cluster does not care about.
        if (!_durable)
            settings.Append(" -c fsync=off -c full_page_writes=off");
        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
                ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", settings.ToString(), "start"], RunsAsRoot, cancellationToken);
        }
        catch (InvalidOperationException error) when (File.Exists(LogFile))
        {
            throw new InvalidOperationException($"{error.Message}\nServer log:\n{await File.ReadAllTextAsync(LogFile, cancellationToken)}", error);
        }
    }

    /// <summary>Stops the server at once (no checkpoint): what a crash or a pulled plug looks like to clients.</summary>
    public Task StopServerAsync(CancellationToken cancellationToken = default) =>
        RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], RunsAsRoot, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                await StopServerAsync();
        }
        finally
        {
            TryDelete(_root);
        }
    }

    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
            return configured;
        const string debianRoot = "/usr/lib/postgresql";
        var newest = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries not found under {debianRoot}/*/bin (install the postgresql package: bash deploy/setup.sh) " +
            "and PG_BIN is not set; or set ConnectionStrings__Postgres to use an existing server.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asServerUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServerUser)
        {
            foreach (var a in (string[])["-u", ServerUser, "--", program])
                start.ArgumentList.Add(a);
        }

        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await error}{await output}");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
