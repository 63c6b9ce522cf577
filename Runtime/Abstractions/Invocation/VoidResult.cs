using System.ComponentModel;

namespace SupplyGrid.Runtime.Invocation;

/// <summary>The result type of calls to methods that return Task or ValueTask.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct VoidResult
{
    public static ValueTask<VoidResult> From(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitTask(task);

    public static ValueTask<VoidResult> From(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitValueTask(task);

    private static async ValueTask<VoidResult> AwaitTask(Task task)
    {
        await task;
        return default;
    }

    private static async ValueTask<VoidResult> AwaitValueTask(ValueTask task)
    {
        await task;
        return default;
    }
}
