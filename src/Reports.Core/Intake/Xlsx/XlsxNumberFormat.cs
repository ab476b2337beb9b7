namespace Reports.Intake.Xlsx;

/// <summary>
/// Whether a cell's number format shows its number as a date or a time: what the clerk sees in the cell is then
/// a date, whatever serial the file stores.
/// </summary>
internal static class XlsxNumberFormat
{
    /// <summary>
    /// Built-in formats with no &lt;numFmt&gt; in the file: 14–22 and 45–47 everywhere; 27–36 and 50–58 are the
    /// East Asian built-ins (yyyy"年"m"月"d"日", h"时"mm"分" …) that Chinese Excel and WPS write by id alone.
    /// </summary>
    public static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>
    /// A format code with a date or time code (y, d, h, s, AM/PM, 上午/下午; m where no digit placeholder makes it
    /// a number format) outside quotes, brackets and escapes, in any section but the text one. Bracketed elapsed
    /// times ([h], [mm], [ss]) count; colours, locales and conditions ([Red], [$-804], [&lt;=100]) do not.
    /// </summary>
    public static bool IsDate(string code)
    {
        foreach (var section in code.Split(';'))
        {
            if (IsDateSection(section))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsDateSection(string section)
    {
        bool dateCode = false, month = false, digits = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            switch (c)
            {
                case '"':
                    var close = section.IndexOf('"', i + 1);
                    i = close < 0 ? section.Length : close;
                    continue;
                case '\\' or '_' or '*':
                    i++; // escaped literal, padding or fill: the next character is not a code
                    continue;
                case '[':
                    var end = section.IndexOf(']', i + 1);
                    var inside = end < 0 ? section[(i + 1)..] : section[(i + 1)..end];
                    dateCode |= inside.Length > 0 && inside.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S');
                    i = end < 0 ? section.Length : end;
                    continue;
                case '@':
                    return false; // the text section
                case '0' or '#' or '?':
                    digits = true;
                    continue;
                case 'y' or 'Y' or 'd' or 'D' or 'h' or 'H' or 's' or 'S':
                    dateCode = true;
                    continue;
                case 'm' or 'M':
                    month = true;
                    continue;
                case 'A' or 'a' when Matches(section, i, "AM/PM") || Matches(section, i, "A/P"):
                case '上' when Matches(section, i, "上午/下午"):
                    dateCode = true;
                    continue;
            }
        }
        return dateCode || (month && !digits);
    }

    private static bool Matches(string text, int at, string what) => string.Compare(text, at, what, 0, what.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
