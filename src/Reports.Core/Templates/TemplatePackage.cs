using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reports.Templates;

/// <summary>
/// A template workbook written with the Open XML SDK: its sheets, the workbook-level defined names (the template
/// contract), each sheet's Excel table and print titles, and the title and time in the core properties. Every
/// relationship id is given and every zip entry carries the one time, so the same template gives the same bytes.
/// </summary>
internal sealed class TemplatePackage(string title, DateTimeOffset created)
{
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private readonly List<TemplateSheet> _sheets = [];
    private readonly List<(string Name, string Reference)> _names = [];

    public TemplateSheet Add(string name)
    {
        var sheet = new TemplateSheet(name);
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>A workbook-level name for a cell or range of <paramref name="sheet"/>.</summary>
    public void Name(string name, TemplateSheet sheet, int row, int column, int? lastRow = null, int? lastColumn = null) =>
        _names.Add((name, CellName.Absolute(sheet.Name, row, column, lastRow, lastColumn)));

    public byte[] ToArray()
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddNewPart<WorkbookPart>(MainContentType, "rId1");
            var core = document.AddNewPart<CoreFilePropertiesPart>("rId2");
            using (var stream = core.GetStream(FileMode.Create))
            {
                WriteCore(stream);
            }
            var styles = new TemplateStyleSheet();
            var strings = new SharedStrings();
            var sheets = new Sheets();
            var names = new DefinedNames();
            for (var i = 0; i < _sheets.Count; i++)
            {
                var sheet = _sheets[i];
                var id = $"rId{i + 1}";
                var part = workbookPart.AddNewPart<WorksheetPart>(id);
                UnprefixedXml.Save(part, sheet.Build(styles, strings.Index));
                if (sheet.Table is { } table)
                {
                    var tablePart = part.AddNewPart<TableDefinitionPart>("rId1");
                    UnprefixedXml.Save(tablePart, TableOf(sheet, table, (uint)(i + 1)));
                }
                sheets.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = id });
                if (sheet.TitleRow is { } titleRow)
                {
                    var row = titleRow.ToString(CultureInfo.InvariantCulture);
                    names.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!${row}:${row}")
                    {
                        Name = "_xlnm.Print_Titles",
                        LocalSheetId = (uint)i,
                    });
                }
            }
            foreach (var (name, reference) in _names)
            {
                names.Append(new DefinedName(reference) { Name = name });
            }
            // Written after the sheets: they registered the formats they use.
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>($"rId{_sheets.Count + 1}");
            UnprefixedXml.Save(stylesPart, styles.Build());
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>($"rId{_sheets.Count + 2}");
            UnprefixedXml.Save(stringsPart, strings.Build());
            var workbook = new Workbook();
            workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
            workbook.Append(new BookViews(new WorkbookView()), sheets, names);
            UnprefixedXml.Save(workbookPart, workbook);
        }
        return ReproducibleZip.Normalize(buffer.ToArray(), created);
    }

    /// <summary>An Excel table over the sheet's header row and the rows below, its columns named by the header texts.</summary>
    private static Table TableOf(TemplateSheet sheet, (string Name, int FirstRow, int LastRow, int LastColumn) table, uint id)
    {
        var reference = $"{CellName.Of(table.FirstRow, 1)}:{CellName.Of(table.LastRow, table.LastColumn)}";
        var columns = new TableColumns { Count = (uint)table.LastColumn };
        for (var c = 1; c <= table.LastColumn; c++)
        {
            columns.Append(new TableColumn { Id = (uint)c, Name = sheet.ValueAt(table.FirstRow, c) as string ?? $"列{c}" });
        }
        return new Table(
            new AutoFilter { Reference = reference },
            columns,
            new TableStyleInfo { Name = "TableStyleLight9", ShowFirstColumn = false, ShowLastColumn = false, ShowRowStripes = true, ShowColumnStripes = false })
        {
            Id = id,
            Name = table.Name,
            DisplayName = table.Name,
            Reference = reference,
            TotalsRowShown = false,
        };
    }

    private void WriteCore(Stream stream)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        Outputs.Spreadsheet.PackageParts.Core(xml, title, created);
        xml.WriteEndDocument();
    }

    /// <summary>The workbook's texts, each once, numbered in the order first written.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];
        private int _references;

        public int Index(string text)
        {
            _references++;
            if (!_index.TryGetValue(text, out var index))
            {
                _index[text] = index = _texts.Count;
                _texts.Add(text);
            }
            return index;
        }

        public SharedStringTable Build() => new(_texts.Select(text =>
        {
            var run = new Text(text);
            if (text.Trim().Length != text.Length || text.Contains('\n', StringComparison.Ordinal))
            {
                run.Space = SpaceProcessingModeValues.Preserve;
            }
            return new SharedStringItem(run);
        }))
        {
            Count = (uint)_references,
            UniqueCount = (uint)_texts.Count,
        };
    }
}
