using System.ComponentModel;

namespace SupplyGrid.Runtime.Invocation;

/// <summary>Delivers messages from grain references to activations (implemented by the runtime).</summary>
public interface IGrainCallSink
{
    /// <summary>Enqueues <paramref name="message"/> for <paramref name="target"/>; failures complete the message, never throw.</summary>
    void Send(GrainReference target, GrainMessage message);
}

/// <summary>Base class of generated grain proxies.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainReference : IGrainReference, IEquatable<GrainReference>
{
    private readonly IGrainCallSink _sink;

    protected GrainReference(GrainId grainId, IGrainCallSink sink)
    {
        GrainId = grainId;
        _sink = sink;
    }

    public GrainId GrainId { get; }

    /// <summary>The activation this reference last reached; the runtime revalidates it on every send.</summary>
    internal object? CachedTarget;

    protected ValueTask<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request)
    {
        _sink.Send(this, request);
        return request.AsValueTask();
    }

    protected ValueTask InvokeVoidAsync(GrainRequest<VoidResult> request)
    {
        _sink.Send(this, request);
        return request.AsVoidValueTask();
    }

    protected void SendOneWay(GrainMessage message) => _sink.Send(this, message);

    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}

/// <summary>Emitted by the proxy generator: names the generated proxy of a grain interface.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainProxyAttribute(Type grainInterface, Type proxyType) : Attribute
{
    public Type GrainInterface { get; } = grainInterface;

    /// <summary>A class with a public static <c>Create(GrainId, IGrainCallSink)</c> method returning the interface.</summary>
    public Type ProxyType { get; } = proxyType;
}
