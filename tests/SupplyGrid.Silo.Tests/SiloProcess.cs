using System.Collections.Concurrent;
using System.Diagnostics;

namespace SupplyGrid.Silo.Tests;

/// <summary>
/// The silo as a process of its own (<c>dotnet exec</c> of its built dll, the build configuration of these tests), with
/// settings given on the command line. Its output is kept for failure messages.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the silo wrote.</summary>
    public string Output => string.Join('\n', _output);

    public static SiloProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePorts.One()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SiloDll())!,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(SiloDll());
        start.ArgumentList.Add($"--Urls={baseAddress.GetLeftPart(UriPartial.Authority)}");
        // Orleans' own ports too: other silos (other tests, other work on this machine) may hold the defaults.
        var (siloPort, gatewayPort) = FreePorts.Two();
        start.ArgumentList.Add($"--Orleans:SiloPort={siloPort}");
        start.ArgumentList.Add($"--Orleans:GatewayPort={gatewayPort}");
        foreach (var (key, value) in settings)
            start.ArgumentList.Add($"--{key}={value}");
        // Only the settings given: nothing of the machine's environment that configures the silo.
        start.Environment.Remove("ConnectionStrings__Postgres");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseAddress);
    }

    /// <summary>Waits until the silo answers /health.</summary>
    public async Task WaitUntilUpAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The silo exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The silo did not answer /health within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no offset commit.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 1000)
            _output.TryDequeue(out _);
    }

    /// <summary>The silo built next to these tests: Silo/bin/{configuration}/{framework}/SupplyGrid.Silo.dll.</summary>
    private static string SiloDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SupplyGrid.sln")))
            root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("SupplyGrid.sln not found above the tests."),
            "Silo", "bin", configuration, framework, "SupplyGrid.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the silo first.", dll);
    }
}
