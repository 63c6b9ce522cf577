namespace SupplyGrid.Grains.Messaging;

/// <summary>
/// What the in-vehicle terminal can show, part of the MDT message's contract: at most <see cref="MaxLines"/> lines of
/// at most <see cref="MaxLineLength"/> characters, separated by "\n", with no other control characters.
/// </summary>
public static class MdtTextRules
{
    public const int MaxLines = 4;
    public const int MaxLineLength = 32;

    /// <summary>Null when <paramref name="text"/> fits the terminal; otherwise why not, starting with <paramref name="field"/>.</summary>
    public static string? Problem(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return $"{field} must not be empty";
        int lineCount = 1;
        int lineLength = 0;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                lineCount++;
                lineLength = 0;
            }
            else if (char.IsControl(c))
            {
                return $"{field} must not contain control characters other than line breaks";
            }
            else if (++lineLength > MaxLineLength)
            {
                return $"{field} line {lineCount} is longer than {MaxLineLength} characters";
            }
        }
        return lineCount > MaxLines ? $"{field} has {lineCount} lines; the terminal shows at most {MaxLines}" : null;
    }

}
