using Microsoft.AspNetCore.Http;

namespace SupplyGrid.Api.Problems;

/// <summary>Collects what is wrong with a request, by snake_case field name, for one 400 answer naming every field.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IResult ToResult() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        detail: "Some fields are invalid; see errors.");
}
