using System.Text.RegularExpressions;
using System.Xml.Linq;
using OfficeOpenXml;
using Reports.Outputs.Receipts;
using Reports.Outputs.Spreadsheet;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>
/// The one spreadsheet writer enforces what Excel requires whoever calls it: a roster name holding control characters,
/// a remark longer than a cell and a sheet of more than 1,023 notes all make files every part of which is XML and
/// that Excel's own rules (the Open XML SDK's validator) and another library (EPPlus) open.
/// </summary>
public sealed partial class SpreadsheetWriterTests : IClassFixture<SpreadsheetWriterTests.HostileRun>
{
    /// <summary>A name as a roster exported from another system may hold it: a SOH, a unit separator, a non-character.</summary>
    public static readonly RosterUnit Controlled = new("990101", "甲\u0001县\u001F\uFFFE");
    public static readonly RosterUnit Talkative = new("990102", "乙县");
    public static readonly RosterUnit Silent = new("990103", "丙县");

    /// <summary>40,000 characters of 备注: more than the 32,767 a cell holds.</summary>
    public static readonly string LongRemark = string.Concat(Enumerable.Repeat("本单位情况说明", 40_000 / 7 + 1))[..40_000];

    public sealed class HostileRun : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public HostileRun()
        {
            var inbox = _temp.Sub("inbox");
            var roster = Samples.WriteRoster(_temp.Path, Controlled, Talkative, Silent);
            // The county's own file names the unit plainly: only the roster carries the control characters.
            Samples.WriteFilled(inbox, Controlled with { Name = "甲县" }, Samples.ValuesOf("140403"));
            var talkative = Samples.ValuesOf("140404");
            talkative["remarks"] = LongRemark;
            Samples.WriteFilled(inbox, Talkative, talkative);
            var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, _temp.Sub("out")));
            WorkbookPath = outcome.OutputFiles.Single(f => Path.GetFileName(f).StartsWith("汇总表-", StringComparison.Ordinal));
            Workbook = File.ReadAllBytes(WorkbookPath);
            Receipts = Directory.GetFiles(_temp.Path, "回执-*.xlsx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        }

        public string WorkbookPath { get; }

        public byte[] Workbook { get; }

        public IReadOnlyList<byte[]> Receipts { get; }

        public void Dispose() => _temp.Dispose();
    }

    private readonly HostileRun _run;

    public SpreadsheetWriterTests(HostileRun run) => _run = run;

    /// <summary>Every XML part of a package parsed by System.Xml (which refuses a character XML 1.0 forbids): the names of those that fail.</summary>
    private static List<string> NotWellFormed(byte[] package) => ZipParts.Read(package)
        .Where(p => p.Name.EndsWith(".xml", StringComparison.Ordinal) || p.Name.EndsWith(".rels", StringComparison.Ordinal) || p.Name.EndsWith(".vml", StringComparison.Ordinal))
        .Where(p =>
        {
            try
            {
                XDocument.Parse(System.Text.Encoding.UTF8.GetString(p.Content));
                return false;
            }
            catch (System.Xml.XmlException)
            {
                return true;
            }
        })
        .Select(p => p.Name)
        .ToList();

    [Fact]
    public void A_roster_name_with_control_characters_leaves_every_part_of_the_workbook_and_the_receipts_well_formed()
    {
        var parts = ZipParts.Read(_run.Workbook).Select(p => p.Name).ToList();
        Assert.Contains(parts, p => p.StartsWith("xl/charts/chart", StringComparison.Ordinal)); // the charts that kept \x01 are there
        Assert.Empty(NotWellFormed(_run.Workbook));
        Assert.Equal(2, _run.Receipts.Count);
        Assert.All(_run.Receipts, receipt => Assert.Empty(NotWellFormed(receipt)));
    }

    [Fact]
    public void The_workbook_and_the_receipts_open_in_the_open_xml_sdk_and_epplus_without_a_complaint()
    {
        foreach (var package in _run.Receipts.Prepend(_run.Workbook))
        {
            Assert.Empty(WorkbookValidation.Errors(package));
            using var epplus = new ExcelPackage(new MemoryStream(package));
            Assert.All(epplus.Workbook.Worksheets, sheet => Assert.NotNull(sheet.Dimension));
        }
    }

    [Fact]
    public void The_unit_is_named_in_the_sheets_and_the_charts_with_what_xml_can_carry()
    {
        const string Shown = "甲县";
        var workbook = new WorkbookReadBack(_run.WorkbookPath);
        Assert.Equal(Shown, workbook["汇总"].Text(workbook["汇总"].Find(Shown).Row, 3));
        Assert.NotEmpty(workbook.ChartXml);
        Assert.All(workbook.ChartXml, chart => Assert.Contains($"<c:v>{Shown}</c:v>", chart, StringComparison.Ordinal));
    }

    [Fact]
    public void A_remark_longer_than_a_cell_is_cut_to_what_excel_keeps_and_ends_saying_where_the_whole_is()
    {
        var workbook = new WorkbookReadBack(_run.WorkbookPath);
        var remark = Assert.Single(workbook["汇总"].Cells.Values, c => c.Text?.StartsWith("本单位情况说明", StringComparison.Ordinal) == true);
        Assert.Equal(XmlChars.MaxCellLength, remark.Text!.Length);
        Assert.EndsWith(XmlChars.CutMark, remark.Text, StringComparison.Ordinal);
        Assert.Equal(LongRemark[..(XmlChars.MaxCellLength - XmlChars.CutMark.Length)], remark.Text[..^XmlChars.CutMark.Length]);

        // The talkative unit's receipt quotes the remark as read, cut the same way and saying where the whole is.
        var receipt = _run.Receipts.Select(r => new ExcelPackage(new MemoryStream(r))).Single(p => p.Workbook.Worksheets[ReceiptWriter.SummarySheet]
            .Cells.Any(c => c.Text == Talkative.Code));
        var quoted = Assert.Single(receipt.Workbook.Worksheets[ReceiptWriter.SummarySheet].Cells, c => c.Text.StartsWith("本单位情况说明", StringComparison.Ordinal));
        Assert.Equal(XmlChars.MaxCellLength, quoted.Text.Length);
        Assert.EndsWith(ReceiptWriter.CutMark, quoted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_of_more_than_1023_notes_numbers_every_box_apart_and_opens()
    {
        var package = new SpreadsheetPackage("批注", FixedClock.Default.GetLocalNow());
        var many = package.Add("核查");
        for (var row = 1; row <= 1_500; row++)
        {
            many.Text(row, 1, $"第{row}行");
            many.Comments.Add(new SheetComment(row, 1, "市级汇总", $"第{row}行的问题\u0007", 2));
        }
        var few = package.Add("另一表");
        for (var row = 1; row <= 5; row++)
        {
            few.Text(row, 2, "x");
            few.Comments.Add(new SheetComment(row, 2, "市级汇总", new string('长', 40_000), 2));
        }
        var bytes = package.ToArray();

        Assert.Empty(NotWellFormed(bytes));
        Assert.Empty(WorkbookValidation.Errors(bytes));
        // Every shape id in the workbook is unique and lies in an id block its drawing lists.
        var drawings = ZipParts.Read(bytes).Where(p => p.Name.EndsWith(".vml", StringComparison.Ordinal))
            .Select(p => System.Text.Encoding.UTF8.GetString(p.Content)).ToList();
        Assert.Equal(2, drawings.Count);
        var ids = new List<int>();
        foreach (var drawing in drawings)
        {
            var blocks = IdMap().Match(drawing).Groups[1].Value.Split(',').Select(int.Parse).ToHashSet();
            var shapes = ShapeId().Matches(drawing).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.All(shapes, id => Assert.Contains(id / 1024, blocks));
            Assert.All(shapes, id => Assert.NotEqual(0, id % 1024));
            ids.AddRange(shapes);
        }
        Assert.Equal(1_505, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        using var epplus = new ExcelPackage(new MemoryStream(bytes));
        Assert.Equal(1_500, epplus.Workbook.Worksheets["核查"].Comments.Count);
        Assert.Equal("第1500行的问题", epplus.Workbook.Worksheets["核查"].Cells[1_500, 1].Comment.Text);
        var cut = epplus.Workbook.Worksheets["另一表"].Cells[1, 2].Comment.Text;
        Assert.Equal(XmlChars.MaxCellLength, cut.Length);
        Assert.EndsWith(XmlChars.CutMark, cut, StringComparison.Ordinal);
    }

    [GeneratedRegex("data=\"([0-9,]+)\"")]
    private static partial Regex IdMap();

    [GeneratedRegex("id=\"_x0000_s([0-9]+)\"")]
    private static partial Regex ShapeId();
}
