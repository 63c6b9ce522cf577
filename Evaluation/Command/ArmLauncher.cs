using System.Diagnostics;

namespace SupplyGrid.Evaluation.Command;

/// <summary>
/// How to start a process that runs the evaluate command: an executable and the arguments that come before the
/// command's own (the entry assembly for the dotnet host, a verb such as "evaluate").
/// </summary>
public sealed record ArmLauncher(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>
    /// This very process again: its command line minus <paramref name="args"/> (GetCommandLineArgs starts with the
    /// entry assembly), started through the dotnet host when that is what runs it, else through the same app host.
    /// </summary>
    /// <exception cref="InvalidOperationException">The arguments are not the end of this process's command line.</exception>
    public static ArmLauncher Self(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var self = Environment.GetCommandLineArgs();
        if (self.Length <= args.Count || !self.AsSpan(self.Length - args.Count).SequenceEqual(args.ToArray()))
            throw new InvalidOperationException("The arguments are not this process's command line, so it cannot be started again per arm: use --in-process.");
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("This process's executable is unknown: use --in-process.");
        var between = self[1..(self.Length - args.Count)];
        return IsDotnetHost(host) ? new ArmLauncher(host, [self[0], .. between]) : new ArmLauncher(host, between);
    }

    /// <summary>An assembly whose entry point is the evaluate command, run by the dotnet host.</summary>
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
