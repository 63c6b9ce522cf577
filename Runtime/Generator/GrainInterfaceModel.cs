using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace SupplyGrid.Runtime.Generator;

/// <summary>What the generator needs to know about one grain interface: plain strings, so the incremental pipeline can cache it.</summary>
internal sealed record GrainInterfaceModel(
    string Namespace,
    string Name,
    string FullName,
    EquatableArray<GrainMethodModel> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics);

internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

internal sealed record GrainMethodModel(
    string Name,
    string DeclaringInterface,
    string DeclaringInterfaceShortName,
    string ReturnType,
    ReturnKind ReturnKind,
    string? ResultType,
    EquatableArray<ParameterModel> Parameters,
    bool IsOneWay,
    bool IsAlwaysInterleave,
    bool IsReadOnly,
    string? ResponseTimeout);

internal sealed record ParameterModel(string Type, string Name);

internal sealed record DiagnosticInfo(string Id, string Message, string FilePath, int StartLine, int StartColumn, int SpanStart, int SpanLength);

/// <summary>An immutable array compared by content (ImmutableArray compares by reference), for incremental caching.</summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>
    where T : IEquatable<T>
{
    private readonly ImmutableArray<T> _items;

    public EquatableArray(IEnumerable<T> items) => _items = items.ToImmutableArray();

    public ImmutableArray<T> Items => _items.IsDefault ? ImmutableArray<T>.Empty : _items;

    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in Items)
            hash = (hash * 31) + item.GetHashCode();
        return hash;
    }
}
