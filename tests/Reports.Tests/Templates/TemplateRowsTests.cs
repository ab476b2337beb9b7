using OfficeOpenXml;
using Reports.Definitions;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Templates;

/// <summary>
/// The 填报 sheet as a clerk sees it: every input row numbered, the field codes small and grey, and each row tall enough
/// for its wrapped text (LibreOffice does not grow a row on open: the 报送时间 note spilled into 联系电话).
/// </summary>
public sealed class TemplateRowsTests
{
    public static IEnumerable<object[]> Definitions() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Templates, "returns"), "*.json").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileNameWithoutExtension(p) });

    private static (ExcelPackage Package, ReturnDefinition Definition) Generate(string code)
    {
        var definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(RepositoryPaths.Templates, code));
        var bytes = new TemplateGenerator(FixedClock.Default).Generate(new TemplateRequest(definition, Samples.Period, Samples.Changzhi.Units[0]));
        return (new ExcelPackage(new MemoryStream(bytes)), definition);
    }

    /// <summary>A line of 11pt CJK text needs about 14.5pt in any of the three programs; a character is two column units wide.</summary>
    private static int LinesNeeded(string text, double columnWidth) =>
        (int)Math.Ceiling(text.Sum(c => c > 0x2E80 || c is '“' or '”' ? 2.0 : 1.0) / (columnWidth - 2));

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_input_row_has_its_number_and_the_stamp_continues_the_last_section(string code)
    {
        var (package, definition) = Generate(code);
        using var _ = package;
        var sheet = package.Workbook.Worksheets[TemplateGenerator.SheetName];
        var cells = TemplateLayout.Cells(definition);
        foreach (var name in definition.Fields.Select(f => f.Code).Append(MetaNames.Submitted))
        {
            var (row, _) = cells[name];
            Assert.True(sheet.Cells[row, TemplateLayout.ColumnIndex].Value is double or int, $"{name}: row {row} has no 序号");
        }
        var last = definition.Sections[^1];
        Assert.Equal(last.Fields.Count + 1, Convert.ToInt32(sheet.Cells[cells[MetaNames.Submitted].Row, TemplateLayout.ColumnIndex].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(last.Fields.Count + 1, TemplateLayout.Rows(definition)[^1].Number);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Field_codes_are_small_and_grey(string code)
    {
        var (package, definition) = Generate(code);
        using var _ = package;
        var sheet = package.Workbook.Worksheets[TemplateGenerator.SheetName];
        foreach (var row in TemplateLayout.Rows(definition).Where(r => r.Field is not null || r.IsStamp).Select(r => r.Row).Prepend(TemplateLayout.HeaderRow))
        {
            var font = sheet.Cells[row, TemplateLayout.ColumnCode].Style.Font;
            Assert.True(font.Size < sheet.Cells[row, TemplateLayout.ColumnLabel].Style.Font.Size, $"row {row}");
            Assert.NotEqual("FF000000", font.Color.Rgb);
            Assert.False(string.IsNullOrEmpty(font.Color.Rgb), $"row {row}: no colour");
        }
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_row_is_tall_enough_for_its_wrapped_note_and_label(string code)
    {
        var (package, definition) = Generate(code);
        using var _ = package;
        var sheet = package.Workbook.Worksheets[TemplateGenerator.SheetName];
        foreach (var row in TemplateLayout.Rows(definition).Where(r => r.Field is not null || r.IsStamp).Select(r => r.Row))
        {
            var note = sheet.Cells[row, TemplateLayout.ColumnNote].Text;
            var label = sheet.Cells[row, TemplateLayout.ColumnLabel].Text;
            var lines = Math.Max(LinesNeeded(note, sheet.Column(TemplateLayout.ColumnNote).Width), LinesNeeded(label, sheet.Column(TemplateLayout.ColumnLabel).Width));
            Assert.True(sheet.Row(row).CustomHeight, $"row {row} ({label}) has no height of its own");
            Assert.True(sheet.Row(row).Height >= 14.5 * lines, $"row {row} ({label}): {sheet.Row(row).Height}pt for {lines} lines of “{note}”");
        }
        // The 情况说明 cell offers room to write: several lines.
        var (noteRow, noteColumn) = TemplateLayout.Cells(definition)[ReturnDefinition.VerifyNoteField];
        Assert.True(sheet.Row(noteRow).Height >= 4 * 14.5);
        Assert.True(sheet.Cells[noteRow, noteColumn].Style.WrapText);
    }

    /// <summary>
    /// The 填报说明 is laid out by the template, not left to the program (issue 22: a closing quote wrapped onto a line
    /// of its own, cut off at the row's height): every line fits the column, no line starts with closing punctuation,
    /// and a quoted name is never split across lines.
    /// </summary>
    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_line_of_a_note_fits_its_column_and_keeps_quoted_names_whole(string code)
    {
        var (package, definition) = Generate(code);
        using var _ = package;
        var sheet = package.Workbook.Worksheets[TemplateGenerator.SheetName];
        var width = sheet.Column(TemplateLayout.ColumnNote).Width;
        foreach (var row in TemplateLayout.Rows(definition).Where(r => r.Field is not null || r.IsStamp).Select(r => r.Row))
        {
            var note = sheet.Cells[row, TemplateLayout.ColumnNote].Text;
            var lines = note.Split('\n');
            Assert.All(lines, line =>
            {
                Assert.True(LinesNeeded(line, width) <= 1, $"row {row}: “{line}” is wider than the column");
                Assert.False(line.Length > 0 && "”’，。；：、）".Contains(line[0], StringComparison.Ordinal), $"row {row}: a line starts with “{line[0]}”");
                Assert.Equal(line.Count(c => c == '“'), line.Count(c => c == '”'));
            });
            Assert.True(sheet.Row(row).Height >= 14.5 * lines.Length, $"row {row}: {sheet.Row(row).Height}pt for {lines.Length} lines");
        }
    }
}
