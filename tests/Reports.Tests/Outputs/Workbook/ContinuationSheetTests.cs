using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;
using Reports.Outputs.Workbook;
using Reports.Results;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs.Workbook;

/// <summary>
/// A sheet with more rows than a worksheet holds goes on on numbered continuation sheets (来源, 来源(2) …): the
/// samples' results written again with a small row limit in place of Excel's 1,048,576, read back and compared with
/// the same workbook written whole.
/// </summary>
[Collection(SampleRunsCollection.Name)]
public sealed partial class ContinuationSheetTests(SampleRuns runs) : IDisposable
{
    private const int HeaderRow = 3;
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(100)] // two units' 39 rows a sheet: a unit's rows stay together
    [InlineData(20)] // fewer rows a sheet than a unit has: split at the row
    public void Sources_past_the_limit_go_on_on_numbered_sheets_with_headers_and_every_row(int limit)
    {
        var result = runs.Campaign.Outcome.Results[0];
        var whole = Read(result, StreamedLimit);
        var split = Read(result, limit);

        var pages = Continuations(split, "来源");
        Assert.True(pages.Count > 1);
        // The other sheets as ever; the continuations right after 来源, numbered on.
        var names = split.Sheets.Select(s => s.Name).ToList();
        Assert.Equal(whole.Sheets.Select(s => s.Name), names.Where(n => !n.StartsWith("来源(", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, pages.Count).Select(p => p == 1 ? "来源" : $"来源({p})"), names.Skip(names.IndexOf("来源")).Take(pages.Count));
        foreach (var page in pages)
        {
            Assert.Equal(whole["来源"].Headers(HeaderRow), page.Headers(HeaderRow));
            Assert.All(page.Cells.Keys, reference => Assert.InRange(WorkbookReadBack.RowOf(reference), 1, limit));
            Assert.Contains(split.DefinedNames, n => n.Name == "_xlnm.Print_Titles" && n.SheetIndex == (uint)names.IndexOf(page.Name) && n.Text.EndsWith($"'{page.Name}'!$3:$3", StringComparison.Ordinal));
        }
        // Every row, in order, and nothing else.
        Assert.Equal(Body(whole["来源"]), pages.SelectMany(Body).ToList());
        if (limit == 100)
        {
            // A unit's rows on one sheet.
            var unitsBySheet = pages.SelectMany(p => Body(p).Select(r => (Unit: r.Split('|')[0], Sheet: p.Name))).Distinct().GroupBy(x => x.Unit);
            Assert.All(unitsBySheet, unit => Assert.Single(unit));
        }
        Assert.Empty(WorkbookValidation.Errors(File.ReadAllBytes(Path.Combine(_temp.Path, $"{limit}.xlsx"))));
        LinksLeadToEachUnitsFirstRow(split);
    }

    [Fact]
    public void A_split_ledger_gives_each_sheet_its_filter_and_a_total_of_its_own_rows()
    {
        var result = runs.Fund.Outcome.Results[0];
        var name = FundLedgers.Projects.SheetName;
        var whole = Read(result, StreamedLimit);
        var rows = Body(whole[name]).Count - 1; // less the total row
        var limit = HeaderRow + (rows / 2) + 2;
        var split = Read(result, limit);

        var pages = Continuations(split, name);
        Assert.True(pages.Count > 1);
        var wholeSheet = whole[name];
        var amount = wholeSheet.Headers(HeaderRow).Values.Max();
        var (wholeTotalRow, _) = wholeSheet.Find("合计");
        foreach (var page in pages)
        {
            var (totalRow, _) = page.Find("本表合计");
            Assert.InRange(totalRow, HeaderRow + 1, limit);
            Assert.Equal(wholeSheet.Headers(HeaderRow), page.Headers(HeaderRow));
            var filter = page.Part.Worksheet.Descendants<AutoFilter>().Single();
            Assert.Equal($"A{HeaderRow}:{WorkbookReadBack.Reference(totalRow - 1, amount)}", filter.Reference!.Value);
            // Each numeric total: SUBTOTAL over its own sheet's rows, stored with their sum.
            foreach (var column in Enumerable.Range(4, amount - 3))
            {
                var total = page[WorkbookReadBack.Reference(totalRow, column)]!;
                if (total.Formula is null)
                {
                    continue;
                }
                var letters = Regex.Match(WorkbookReadBack.Reference(1, column), "^[A-Z]+").Value;
                Assert.Equal($"SUBTOTAL(109,{letters}{HeaderRow + 1}:{letters}{totalRow - 1})", total.Formula);
                var sum = Enumerable.Range(HeaderRow + 1, totalRow - HeaderRow - 1).Sum(r => (decimal)(page[WorkbookReadBack.Reference(r, column)]?.Number ?? 0));
                Assert.Equal((double)sum, total.Number!.Value, 6);
            }
        }
        // The rows of all sheets are the whole sheet's rows, and their per-sheet totals add up to its total.
        Assert.Equal(Body(wholeSheet).Where(r => !r.Contains("合计")).ToList(), pages.SelectMany(p => Body(p).Where(r => !r.Contains("本表合计"))).ToList());
        foreach (var column in Enumerable.Range(4, amount - 3).Where(c => wholeSheet[WorkbookReadBack.Reference(wholeTotalRow, c)]?.Formula is not null))
        {
            var perSheet = pages.Sum(p => p[WorkbookReadBack.Reference(p.Find("本表合计").Row, column)]!.Number!.Value);
            Assert.Equal(wholeSheet[WorkbookReadBack.Reference(wholeTotalRow, column)]!.Number!.Value, perSheet, 6);
        }
        Assert.Empty(WorkbookValidation.Errors(File.ReadAllBytes(Path.Combine(_temp.Path, $"{limit}.xlsx"))));
    }

    [Fact]
    public void In_a_workbook_of_two_returns_each_returns_links_lead_to_its_own_continuation_sheets()
    {
        var path = Path.Combine(_temp.Path, "both.xlsx");
        File.WriteAllBytes(path, new ConsolidatedWorkbookWriter(FixedClock.Default) { RowLimit = 100 }
            .Write([runs.Campaign.Outcome.Results[0], runs.Fund.Outcome.Results[0]]));
        var workbook = new WorkbookReadBack(path);

        Assert.Equal("目录", workbook.Sheets[0].Name);
        Assert.True(Continuations(workbook, "表1来源").Count > 1);
        Assert.True(Continuations(workbook, "表2来源").Count > 1);
        LinksLeadToEachUnitsFirstRow(workbook, "表1");
        LinksLeadToEachUnitsFirstRow(workbook, "表2");
        Assert.Empty(WorkbookValidation.Errors(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Diagnostics_past_the_limit_go_on_on_numbered_sheets_with_every_row_in_order()
    {
        var result = runs.Employment.Outcome.Results[0];
        var whole = Read(result, StreamedLimit);
        var rows = Body(whole["数据核查"]);
        Assert.True(rows.Count >= 3, $"the employment sample has {rows.Count} diagnostics");
        var limit = HeaderRow + 2;
        var split = Read(result, limit);

        var pages = Continuations(split, "数据核查");
        Assert.Equal((rows.Count + 1) / 2, pages.Count);
        Assert.Equal(rows, pages.SelectMany(Body).ToList());
        // 序号 counts on across the sheets.
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(n => (double?)n), pages.SelectMany(p => Enumerable.Range(HeaderRow + 1, 2).Select(r => p[WorkbookReadBack.Reference(r, 1)]?.Number)).Take(rows.Count));
        Assert.All(pages, page => Assert.Equal(whole["数据核查"].Headers(HeaderRow), page.Headers(HeaderRow)));
        Assert.Empty(WorkbookValidation.Errors(File.ReadAllBytes(Path.Combine(_temp.Path, $"{limit}.xlsx"))));
    }

    [Fact]
    public void A_row_past_the_worksheet_limit_is_refused_not_written()
    {
        using var output = new MemoryStream();
        using var book = new Reports.Outputs.Spreadsheet.StreamedWorkbook(output, "t", FixedClock.Default.GetUtcNow(), "宋体");
        var sheet = book.Add("表", new Dictionary<int, double>(), 0, 0);
        sheet.Row(1_048_576);
        var error = Assert.Throws<InvalidOperationException>(() => sheet.Row(1_048_577));
        Assert.Contains("表", error.Message);
    }

    [Theory]
    [InlineData(8, new[] { 2, 3, 0, 4, 0 })]
    [InlineData(8, new[] { 5, 1, 9, 0, 5, 5 })] // 9 rows: more than a sheet holds, split at the row
    [InlineData(10, new[] { 0, 7, 7, 7, 0 })]
    public void The_planned_start_of_each_group_is_where_its_rows_are_written_and_no_sheet_is_left_empty(int limit, int[] groups)
    {
        const int firstRow = HeaderRow + 1;
        var plan = ContinuedSheet.Plan(groups, firstRow, limit);
        var written = new List<(int Part, int Row)>();
        var sheetRows = new List<int>();
        using var output = new MemoryStream();
        using (var book = new Reports.Outputs.Spreadsheet.StreamedWorkbook(output, "t", FixedClock.Default.GetUtcNow(), "宋体"))
        {
            var pages = new ContinuedSheet(book, "来源", new Dictionary<int, double>(), HeaderRow, 0, firstRow, limit,
                head: _ => { }, end: (_, lastRow, _) => sheetRows.Add(lastRow - HeaderRow));
            foreach (var rows in groups)
            {
                pages.Keep(rows);
                for (var i = 0; i < rows; i++)
                {
                    var row = pages.Row();
                    if (i == 0)
                    {
                        written.Add((pages.Part, row));
                    }
                    Assert.InRange(row, firstRow, limit);
                }
            }
            pages.End();
            book.Finish();
        }
        // The links point only at groups with rows.
        Assert.Equal(plan.Where((_, i) => groups[i] > 0), written);
        Assert.Equal(groups.Sum(), sheetRows.Sum());
        Assert.All(sheetRows, rows => Assert.InRange(rows, 1, limit - HeaderRow));
    }

    [Fact]
    public void A_continuation_name_keeps_to_31_characters()
    {
        Assert.Equal("来源", ContinuedSheet.NameOf("来源", 1));
        Assert.Equal("表2来源(12)", ContinuedSheet.NameOf("表2来源", 12));
        var longName = new string('项', 31);
        Assert.Equal(new string('项', 28) + "(2)", ContinuedSheet.NameOf(longName, 2));
    }

    public void Dispose() => _temp.Dispose();

    private const int StreamedLimit = 1_048_576;

    private WorkbookReadBack Read(ReturnResult result, int limit)
    {
        var path = Path.Combine(_temp.Path, $"{limit}.xlsx");
        File.WriteAllBytes(path, new ConsolidatedWorkbookWriter(FixedClock.Default) { RowLimit = limit }.Write(result));
        return new WorkbookReadBack(path);
    }

    /// <summary>The sheet and its continuations, in order.</summary>
    private static List<WorkbookReadBack.StoredSheet> Continuations(WorkbookReadBack workbook, string name) =>
        [.. workbook.Sheets.Where(s => s.Name == name || (s.Name.StartsWith(name + "(", StringComparison.Ordinal) && s.Name.EndsWith(')')))];

    /// <summary>The texts of each row below the headers, 序号 left out (it counts on across sheets).</summary>
    private static List<string> Body(WorkbookReadBack.StoredSheet sheet)
    {
        var headers = sheet.Headers(HeaderRow);
        var skip = headers.GetValueOrDefault("序号");
        return [.. sheet.Cells.Values
            .Where(c => WorkbookReadBack.RowOf(c.Reference) > HeaderRow && WorkbookReadBack.ColumnOf(c.Reference) != skip)
            .GroupBy(c => WorkbookReadBack.RowOf(c.Reference))
            .OrderBy(g => g.Key)
            .Select(g => string.Join("|", g.OrderBy(c => WorkbookReadBack.ColumnOf(c.Reference)).Select(c => c.Text ?? c.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture))))];
    }

    /// <summary>Each 查看来源 link of 报送情况 leads to the first row of its unit's figures, on whichever sheet they are.</summary>
    private static void LinksLeadToEachUnitsFirstRow(WorkbookReadBack workbook, string prefix = "")
    {
        var submissions = workbook[prefix + "报送情况"];
        var codeColumn = submissions.Headers(HeaderRow)["单位代码"];
        var links = submissions.Part.Worksheet.Descendants<Hyperlink>().ToList();
        // A link for every unit with figures on 来源 (all of the samples' units).
        var units = Continuations(workbook, prefix + "来源").SelectMany(Body).Select(r => r.Split('|')[0]).Distinct().ToList();
        Assert.NotEmpty(units);
        Assert.Equal(units.Order(), links.Select(l => submissions.Text(WorkbookReadBack.RowOf(l.Reference!.Value!), codeColumn)).Order());
        foreach (var link in links)
        {
            var match = Location().Match(link.Location!.Value!);
            Assert.True(match.Success, link.Location.Value);
            var sheet = workbook[match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)];
            Assert.StartsWith(prefix + "来源", sheet.Name, StringComparison.Ordinal);
            var row = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var unit = submissions.Text(WorkbookReadBack.RowOf(link.Reference!.Value!), codeColumn);
            Assert.Equal(unit, sheet.Text(row, 1));
            Assert.True(row == HeaderRow + 1 || sheet.Text(row - 1, 1) != unit, $"{link.Location.Value} is not the first row of {unit}");
        }
    }

    [GeneratedRegex("^'(.+)'!A([0-9]+)$")]
    private static partial Regex Location();
}
