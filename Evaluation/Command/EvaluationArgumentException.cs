namespace SupplyGrid.Evaluation.Command;

/// <summary>A command-line argument that cannot be used; the message names it and says why.</summary>
public sealed class EvaluationArgumentException(string message) : Exception(message);
