using System.Text;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// Variable substitution as docker compose (and envsubst, for the Secret template) applies it: <c>${NAME}</c>,
/// <c>${NAME:-default}</c>, <c>${NAME-default}</c>, <c>${NAME:?message}</c>, <c>${NAME?message}</c>, and <c>$$</c> for
/// a literal dollar. Stricter than both: a variable that is not given and has no default is an error, and so is an
/// unbraced <c>$NAME</c>.
/// </summary>
internal static class Interpolation
{
    public static string Resolve(string text, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$')
            {
                result.Append(text[i]);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }

            if (i + 1 >= text.Length || text[i + 1] != '{')
                throw new FormatException($"'{text}': write variables as ${{NAME}}; a literal dollar as $$.");
            var end = text.IndexOf('}', i + 2);
            if (end < 0)
                throw new FormatException($"'{text}': '${{' without its '}}'.");
            result.Append(Substitute(text[(i + 2)..end], variables, text));
            i = end;
        }

        return result.ToString();
    }

    private static string Substitute(string expression, IReadOnlyDictionary<string, string> variables, string text)
    {
        var operatorAt = expression.IndexOfAny([':', '-', '?']);
        var name = operatorAt < 0 ? expression : expression[..operatorAt];
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new FormatException($"'{text}': '{name}' is not a variable name.");
        var value = variables.GetValueOrDefault(name);
        if (operatorAt < 0)
            return value ?? throw new KeyNotFoundException($"'{text}' needs the variable {name}, which is not set.");

        var rest = expression[operatorAt..];
        var emptyCounts = rest.StartsWith(':');
        if (rest.Length < (emptyCounts ? 2 : 1))
            throw new FormatException($"'{text}': '${{{expression}}}' has no substitution operator after its ':'.");
        var op = emptyCounts ? rest[1..2] : rest[..1];
        var argument = rest[(emptyCounts ? 2 : 1)..];
        var missing = value is null || (emptyCounts && value.Length == 0);
        return op switch
        {
            "-" => missing ? argument : value!,
            "?" => missing ? throw new KeyNotFoundException($"'{text}' needs the variable {name}: {argument}") : value!,
            _ => throw new FormatException($"'{text}': '{op}' is not a substitution operator."),
        };
    }
}
