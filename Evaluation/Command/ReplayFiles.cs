namespace SupplyGrid.Evaluation.Command;

/// <summary>Tells the two replay layouts apart by their first line.</summary>
public static class ReplayFiles
{
    /// <summary>
    /// NYC when the first non-blank line is the "Date/Time,Lat,Lon,Base" header or has four fields; generic
    /// otherwise (its rows have three or five). A file with no lines reads as generic (and replays nothing).
    /// </summary>
    public static ReplayFormat Detect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var header = line.TrimStart('\uFEFF', ' ', '"');
            if (header.StartsWith("Date/Time", StringComparison.OrdinalIgnoreCase))
                return ReplayFormat.Nyc;
            return line.Split(',').Length == 4 ? ReplayFormat.Nyc : ReplayFormat.Generic;
        }

        return ReplayFormat.Generic;
    }
}
