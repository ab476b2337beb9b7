using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Reports.Intake.Xlsx;

/// <summary>A1-style cell references: column letters A..XFD, rows 1..1048576.</summary>
public static class XlsxCellRef
{
    public const int MaxColumn = 16384;   // XFD
    public const int MaxRow = 1048576;

    /// <summary>"A" → 1, "XFD" → 16384; 0 when not a valid column name.</summary>
    public static int ColumnIndex(ReadOnlySpan<char> letters)
    {
        if (letters.IsEmpty || letters.Length > 3)
        {
            return 0;
        }
        var col = 0;
        foreach (var ch in letters)
        {
            var d = ch is >= 'A' and <= 'Z' ? ch - 'A' + 1 : ch is >= 'a' and <= 'z' ? ch - 'a' + 1 : -1;
            if (d < 0)
            {
                return 0;
            }
            col = col * 26 + d;
        }
        return col <= MaxColumn ? col : 0;
    }

    /// <summary>1 → "A", 16384 → "XFD".</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, MaxColumn);
        Span<char> buf = stackalloc char[3];
        var pos = 3;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            buf[--pos] = (char)('A' + rem);
            column = (column - 1) / 26;
        }
        return new string(buf[pos..]);
    }

    public static string Format(int row, int column) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses "C5", "$C$5", "c5" (no ranges, no sheet).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int row, out int column)
    {
        row = 0; column = 0;
        var i = 0;
        if (i < text.Length && text[i] == '$')
        {
            i++;
        }
        var start = i;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }
        var col = ColumnIndex(text[start..i]);
        if (col == 0)
        {
            return false;
        }
        if (i < text.Length && text[i] == '$')
        {
            i++;
        }
        if (i >= text.Length)
        {
            return false;
        }
        long r = 0;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
            r = r * 10 + (ch - '0');
            if (r > MaxRow)
            {
                return false;
            }
        }
        if (r < 1)
        {
            return false;
        }
        row = (int)r; column = col;
        return true;
    }

    /// <summary>Normalises "$c$5" to "C5"; false when not a single cell reference.</summary>
    public static bool TryNormalize(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? normalized)
    {
        if (TryParse(text, out var row, out var col)) { normalized = Format(row, col); return true; }
        normalized = null;
        return false;
    }
}

/// <summary>Parses the text of a defined name (e.g. <c>'潞州区 (2)'!$C$5</c>) into a single sheet + cell.</summary>
public static class XlsxReference
{
    // Characters that force Excel to quote a sheet name; an unquoted name containing one is not a plain sheet reference.
    private const string UnquotedForbidden = " '\"()[]{},;:+-*/&=<>^%!#@~`|\\?\t\r\n";

    /// <summary>
    /// True when <paramref name="reference"/> is exactly one cell on one sheet: <c>Sheet1!$C$5</c>, <c>Sheet1!C5</c>,
    /// <c>'My ''Sheet'''!$C$5</c>, or a one-cell range <c>Sheet1!$C$5:$C$5</c>. False for #REF!, multi-cell ranges,
    /// constants, formulas, unions, 3-D and external references.
    /// </summary>
    public static bool TryParseSingleCell(string? reference, [NotNullWhen(true)] out string? sheet, [NotNullWhen(true)] out string? cell)
    {
        cell = null;
        if (!TryParseRange(reference, out sheet, out var row, out var col, out var row2, out var col2) || row2 != row || col2 != col)
        {
            sheet = null;
            return false;
        }
        cell = XlsxCellRef.Format(row, col);
        return true;
    }

    /// <summary>
    /// True when <paramref name="reference"/> is one rectangular range (or cell) on one sheet: <c>'项目台账'!$A$3:$J$3</c>.
    /// False for #REF!, constants, formulas, unions, 3-D and external references.
    /// </summary>
    public static bool TryParseRange(string? reference, [NotNullWhen(true)] out string? sheet, out int row, out int col, out int lastRow, out int lastCol)
    {
        sheet = null; row = col = lastRow = lastCol = 0;
        if (string.IsNullOrWhiteSpace(reference))
        {
            return false;
        }
        var s = reference.AsSpan().Trim();
        if (s.Length > 0 && s[0] == '=')
        {
            s = s[1..].TrimStart();
        }
        if (s.IsEmpty)
        {
            return false;
        }

        string name;
        int i;
        if (s[0] == '\'')
        {
            var sb = new StringBuilder();
            i = 1;
            var closed = false;
            while (i < s.Length)
            {
                if (s[i] == '\'')
                {
                    if (i + 1 < s.Length && s[i + 1] == '\'') { sb.Append('\''); i += 2; continue; }
                    i++;
                    closed = true;
                    break;
                }
                sb.Append(s[i++]);
            }
            if (!closed || i >= s.Length || s[i] != '!')
            {
                return false;
            }
            i++;
            name = sb.ToString();
        }
        else
        {
            var bang = s.IndexOf('!');
            if (bang <= 0)
            {
                return false;
            }
            var raw = s[..bang];
            if (raw.IndexOfAny(UnquotedForbidden) >= 0)
            {
                return false;
            }
            name = raw.ToString();
            i = bang + 1;
        }

        // 3-D (Sheet1:Sheet3) and external ([1]Sheet1) references, or an empty name, are not one sheet of this workbook.
        if (name.Length == 0 || name.Contains(':') || name.Contains('[') || name.Contains(']'))
        {
            return false;
        }

        var rest = s[i..];
        var colon = rest.IndexOf(':');
        if (colon < 0)
        {
            if (!XlsxCellRef.TryParse(rest, out row, out col))
            {
                return false;
            }
            lastRow = row; lastCol = col;
        }
        else
        {
            if (!XlsxCellRef.TryParse(rest[..colon], out row, out col))
            {
                return false;
            }
            if (!XlsxCellRef.TryParse(rest[(colon + 1)..], out lastRow, out lastCol))
            {
                return false;
            }
            if (lastRow < row || lastCol < col)
            {
                return false;
            }
        }
        sheet = name;
        return true;
    }
}
