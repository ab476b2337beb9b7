namespace Reports.Templates;

/// <summary>
/// How wide text is in spreadsheet column units, without measuring fonts (no libgdiplus): a CJK or full-width
/// character takes about two Latin widths.
/// </summary>
public static class TextWidth
{
    public static double Of(string text) => text.Sum(c => IsWide(c) ? 2.0 : 1.0);

    /// <summary>Lines the text wraps to in a column of the given width.</summary>
    public static int Lines(string text, double columnWidth) =>
        Math.Max(1, (int)Math.Ceiling(Of(text) / Math.Max(1, columnWidth - 1.5)));

    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6'
            or '“' or '”' or '‘' or '’' or '—' or '…';
}
