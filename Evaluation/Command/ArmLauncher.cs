using System.Diagnostics;
using System.Reflection;

namespace SupplyGrid.Evaluation.Command;

/// <summary>
/// How to start a process that runs the evaluation command: an executable and the arguments that come before the
/// command's own (the entry assembly when the dotnet host runs it).
/// </summary>
public sealed record ArmLauncher(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>
    /// This program again: its app host when that is what runs it (<c>dotnet run</c>, or the executable started
    /// directly), else the dotnet host with the entry assembly (<c>dotnet SupplyGrid.Evaluation.dll</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The running executable or entry assembly is unknown.</exception>
    public static ArmLauncher ThisProgram()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("This process's executable is unknown: use --in-process.");
        if (!IsDotnetHost(host))
            return new ArmLauncher(host, []);
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry))
            throw new InvalidOperationException("This process's entry assembly is unknown: use --in-process.");
        return new ArmLauncher(host, [entry]);
    }

    /// <summary>An assembly whose entry point is the evaluation command, run by the dotnet host.</summary>
    public static ArmLauncher ForAssembly(string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        var host = Environment.ProcessPath is { } path && IsDotnetHost(path) ? path : "dotnet";
        return new ArmLauncher(host, [assemblyPath]);
    }

    public ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(FileName) { UseShellExecute = false };
        foreach (var arg in Prefix.Concat(args))
            start.ArgumentList.Add(arg);
        return start;
    }

    private static bool IsDotnetHost(string path) => Path.GetFileNameWithoutExtension(path) == "dotnet";
}
