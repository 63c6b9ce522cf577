namespace System.Runtime.CompilerServices;

/// <summary>Lets records compile for netstandard2.0, the target Roslyn loads generators from.</summary>
internal static class IsExternalInit;
