using System.Text.RegularExpressions;

namespace Reports.Pdf;

/// <summary>
/// Shortens a name (a file name) to a width by cutting out its middle: "140403-潞州区-campaign-…-2022-06.xlsx". The
/// cut falls between the name's parts (split at - _ . and spaces; a date 2022-06 or 2022-06-30 is one part), so
/// the start (the unit's code) and the end (the period and the extension) stay whole and no date is cut; only a
/// name whose first and last parts alone are too wide is cut between characters.
/// </summary>
public static partial class MiddleEllipsis
{
    public const string Mark = "…";

    public static string Shorten(string text, float width, Func<string, float> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        if (measure(text) <= width)
        {
            return text;
        }
        var parts = PartPattern().Matches(text).Select(m => m.Value).ToList();
        bool Fits(int head, int tail) => measure(Join(parts, head, tail)) <= width;

        // At least the first part and the last (with the separator before it: ".xlsx").
        var (h, t) = (1, parts.Count >= 2 && IsSeparator(parts[^2]) ? 2 : 1);
        if (parts.Count <= h + t || !Fits(h, t))
        {
            return ByCharacters(text, width, measure);
        }
        // Grow the end first (the period, then what precedes it), then the start, a part at a time.
        for (var grown = true; grown && h + t < parts.Count;)
        {
            grown = false;
            if (h + t < parts.Count && Fits(h, t + 1))
            {
                t++;
                grown = true;
            }
            if (h + t < parts.Count && Fits(h + 1, t))
            {
                h++;
                grown = true;
            }
        }
        return Join(parts, h, t);
    }

    private static string Join(List<string> parts, int head, int tail) =>
        string.Concat(parts.Take(head)) + Mark + string.Concat(parts.Skip(parts.Count - tail));

    private static bool IsSeparator(string part) => part.Length == 1 && SeparatorCharacters.Contains(part[0], StringComparison.Ordinal);

    private const string SeparatorCharacters = "-_. ";

    /// <summary>The last resort: as many characters of the start and of the end as fit around the mark.</summary>
    private static string ByCharacters(string text, float width, Func<string, float> measure)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        var (head, tail) = (0, 0);
        for (var grown = true; grown && head + tail < runes.Count;)
        {
            grown = false;
            foreach (var end in new[] { false, true })
            {
                var (nh, nt) = end ? (head, tail + 1) : (head + 1, tail);
                if (nh + nt <= runes.Count && measure(string.Concat(runes.Take(nh)) + Mark + string.Concat(runes.Skip(runes.Count - nt))) <= width)
                {
                    (head, tail) = (nh, nt);
                    grown = true;
                }
            }
        }
        return string.Concat(runes.Take(head)) + Mark + string.Concat(runes.Skip(runes.Count - tail));
    }

    // A date (2022-06, 2022-06-30), a run without separators, or one separator.
    [GeneratedRegex("[0-9]{4}-[0-9]{1,2}(?:-[0-9]{1,2})?(?![0-9])|[^-_. ]+|[-_. ]", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
