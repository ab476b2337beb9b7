using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// A sheet whose rows may outnumber what a worksheet holds (Excel's 1,048,576): past <c>limit</c> it goes on on
/// numbered continuation sheets, 来源, 来源(2), 来源(3) …, each with the same column widths, frozen panes, title and
/// header rows, and its own ending (print titles, autofilter, a total row). A group of rows (one unit's) is kept on
/// one sheet when it fits on one; a group longer than a whole sheet is split at the row.
/// </summary>
internal sealed class ContinuedSheet
{
    private const int MaxNameLength = 31;

    private readonly StreamedWorkbook _book;
    private readonly string _name;
    private readonly IReadOnlyDictionary<int, double> _widths;
    private readonly int _frozenRows, _frozenColumns, _firstRow, _limit;
    private readonly Action<StreamedSheet> _head;
    private readonly Action<StreamedSheet, int, bool> _end;
    private readonly bool _fitToPage;

    /// <param name="firstRow">The first row after the title and headers <paramref name="head"/> writes.</param>
    /// <param name="head">Writes a sheet's title and header rows (on every continuation sheet).</param>
    /// <param name="end">
    /// Ends a sheet given its last row and whether the rows were split over several sheets (print setup, autofilter,
    /// a total row), before the next is added.
    /// </param>
    /// <param name="fitToPage">False for a sheet printed across pages at a fixed scale.</param>
    public ContinuedSheet(StreamedWorkbook book, string name, IReadOnlyDictionary<int, double> widths, int frozenRows, int frozenColumns,
        int firstRow, int limit, Action<StreamedSheet> head, Action<StreamedSheet, int, bool> end, bool fitToPage = true)
    {
        _fitToPage = fitToPage;
        if (limit <= firstRow)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "工作表在表头之后至少要能容纳一行。");
        }
        (_book, _name, _widths, _frozenRows, _frozenColumns, _firstRow, _limit, _head, _end) =
            (book, name, widths, frozenRows, frozenColumns, firstRow, limit, head, end);
        Sheet = Start(1);
        NextRow = firstRow;
    }

    /// <summary>The sheet rows go into now.</summary>
    public StreamedSheet Sheet { get; private set; }

    /// <summary>1 for the first sheet, 2 for its first continuation ….</summary>
    public int Part { get; private set; } = 1;

    /// <summary>The row the next <see cref="Row"/> starts.</summary>
    public int NextRow { get; private set; }

    /// <summary>"来源", then "来源(2)" …: a continuation's name, its stem shortened so the name keeps to Excel's 31 characters.</summary>
    public static string NameOf(string name, int part)
    {
        if (part == 1)
        {
            return name;
        }
        var suffix = $"({part})";
        return name[..Math.Min(name.Length, MaxNameLength - suffix.Length)] + suffix;
    }

    /// <summary>
    /// Where each group of rows begins (its part and row) when groups of these sizes are written in order: the plan
    /// <see cref="Keep"/> and <see cref="Row"/> follow, so a link can point at rows not yet written.
    /// </summary>
    public static IReadOnlyList<(int Part, int Row)> Plan(IEnumerable<int> groups, int firstRow, int limit)
    {
        var (part, next) = (1, firstRow);
        var starts = new List<(int, int)>();
        foreach (var rows in groups)
        {
            (part, next) = Kept(part, next, rows, firstRow, limit);
            if (next > limit)
            {
                (part, next) = (part + 1, firstRow);
            }
            starts.Add((part, next));
            // The group's rows, continuing at the row when one sheet cannot hold them.
            for (var left = rows; left > 0;)
            {
                if (next > limit)
                {
                    (part, next) = (part + 1, firstRow);
                }
                var here = Math.Min(left, limit - next + 1);
                next += here;
                left -= here;
            }
        }
        return starts;
    }

    /// <summary>Starts a continuation sheet now unless the next <paramref name="rows"/> rows fit on this one (or it has none yet).</summary>
    public void Keep(int rows)
    {
        if (Kept(Part, NextRow, rows, _firstRow, _limit).Part != Part)
        {
            Continue();
        }
    }

    /// <summary>Starts the next row, on a continuation sheet if this one is full; returns the row's number on its sheet.</summary>
    public int Row(double? height = null)
    {
        if (NextRow > _limit)
        {
            Continue();
        }
        Sheet.Row(NextRow, height);
        return NextRow++;
    }

    /// <summary>Ends the last sheet.</summary>
    public void End() => _end(Sheet, NextRow - 1, Part > 1);

    private static (int Part, int Next) Kept(int part, int next, int rows, int firstRow, int limit) =>
        next > firstRow && next + rows - 1 > limit ? (part + 1, firstRow) : (part, next);

    private void Continue()
    {
        _end(Sheet, NextRow - 1, true);
        Part++;
        Sheet = Start(Part);
        NextRow = _firstRow;
    }

    private StreamedSheet Start(int part)
    {
        var sheet = _book.Add(NameOf(_name, part), _widths, _frozenRows, _frozenColumns, _fitToPage);
        _head(sheet);
        return sheet;
    }
}
