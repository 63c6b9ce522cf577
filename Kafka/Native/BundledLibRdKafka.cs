using System.Reflection;
using System.Runtime.InteropServices;

namespace SupplyGrid.Kafka;

/// <summary>
/// Loads the librdkafka that librdkafka.redist ships, and points Confluent.Kafka's P/Invokes and the embedded broker's
/// at it. Confluent's own loader would take a system librdkafka first when one is installed, and the package's default
/// linux-x64 build needs a libsasl2 that Debian 12 lacks, so the choice is made here, once per process, before any
/// Kafka client is built: the package's centos8 build, which needs only glibc.
/// </summary>
public static class BundledLibRdKafka
{
    /// <summary>The package's glibc-only build, under <c>runtimes/linux-x64/native/</c> of the application.</summary>
    public const string FileName = "centos8-librdkafka.so";

    private static readonly Lock Gate = new();
    private static nint s_handle;

    /// <summary>Where the library was loaded from (null before <see cref="EnsureLoaded"/>, or off linux-x64).</summary>
    public static string? LoadedFrom { get; private set; }

    /// <summary>The loaded librdkafka's version, e.g. "2.16.0" (loads it first).</summary>
    public static string Version
    {
        get
        {
            EnsureLoaded();
            return Confluent.Kafka.Library.VersionString;
        }
    }

    /// <summary>
    /// Loads the bundled library and installs the resolvers; later calls do nothing. Off linux-x64 it leaves the choice
    /// to Confluent's loader (the package has builds for those platforms, and no Debian pitfall applies).
    /// </summary>
    /// <exception cref="FileNotFoundException">The application was published without the package's native files.</exception>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref s_handle) != 0 || !OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return;
        lock (Gate)
        {
            if (s_handle != 0)
                return;
            var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", FileName);
            if (!File.Exists(path))
                throw new FileNotFoundException($"The bundled librdkafka ({FileName}, from the librdkafka.redist package) is not where the application runs from.", path);
            var handle = NativeLibrary.Load(path);
            NativeLibrary.SetDllImportResolver(typeof(Confluent.Kafka.Library).Assembly, Resolve);
            NativeLibrary.SetDllImportResolver(typeof(BundledLibRdKafka).Assembly, Resolve);
            LoadedFrom = path;
            Volatile.Write(ref s_handle, handle);
        }
    }

    // Every name Confluent probes ("librdkafka", "centos8-librdkafka.so", ...) and ours resolve to the one loaded copy.
    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName.Contains("rdkafka", StringComparison.Ordinal) ? Volatile.Read(ref s_handle) : 0;
}
