using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Reports.Outputs.Spreadsheet;
using Reports.Pdf;
using Reports.Templates;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Reports.Outputs.Draft;

/// <summary>
/// The briefing as an editable draft (简报-….docx), rendered from the same composed document as the PDF and nothing
/// else: 报头, the 领导批示 box, titles and headings, paragraphs, tables as Word tables (header row repeated, rows
/// unsplit), charts as pictures of the PDF's own chart drawing (<see cref="ChartPictures"/>), the appendix and the
/// 报尾, on the GB/T 9704 page (A4, 版心 156 × 225 mm, page numbers "— 1 —" odd right and even left) in named styles
/// (<see cref="DraftStyles"/>). Every relationship and drawing id is given and every zip entry carries the issue
/// date, so the same briefing gives the same bytes.
/// </summary>
public static class BriefingDocx
{
    private const long EmuPerPoint = 12700;

    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    public static byte[] Write(PdfDocumentModel model, PdfFonts fonts, PdfPageSettings page)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(page);
        var widthPt = page.WidthPt - page.MarginLeftPt - page.MarginRightPt;
        var charts = model.Blocks.Where(b => b is PdfBarChart or PdfLineChart).ToList();
        var pictures = ChartPictures.Render(charts, fonts, widthPt);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddNewPart<MainDocumentPart>(MainContentType, "rId1");
            var core = document.AddNewPart<CoreFilePropertiesPart>("rId2");
            using (var stream = core.GetStream(FileMode.Create))
            using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
            {
                xml.WriteStartDocument(standalone: true);
                PackageParts.Core(xml, model.Metadata.Title, model.Metadata.Created);
                xml.WriteEndDocument();
            }
            main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = DraftStyles.Build();
            main.AddNewPart<FontTablePart>("rId2").Fonts = DraftStyles.FontTable();
            main.AddNewPart<DocumentSettingsPart>("rId3").Settings = new Settings(
                new DefaultTabStop { Val = 420 },
                new EvenAndOddHeaders(),
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
                new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
            var odd = main.AddNewPart<FooterPart>("rId4");
            odd.Footer = PageNumberFooter(model.FooterFormat, JustificationValues.Right);
            var even = main.AddNewPart<FooterPart>("rId5");
            even.Footer = PageNumberFooter(model.FooterFormat, JustificationValues.Left);

            var body = new Body();
            var writer = new BodyWriter(body, main, pictures, widthPt);
            foreach (var block in model.Blocks)
            {
                writer.Add(block);
            }
            body.Append(Section(page, model.FooterFormat is not null));
            main.Document = new Document(body);
        }
        return ReproducibleZip.Normalize(WithMainOverride(buffer.ToArray()), model.Metadata.Created);
    }

    /// <summary>
    /// System.IO.Packaging gives the first XML part's content type to every ".xml" as the default, here the main
    /// document's; LibreOffice recognises a Word document only by an override for /word/document.xml (with the default
    /// it refuses the file). The default becomes plain XML and the main part gets its override.
    /// </summary>
    private static byte[] WithMainOverride(byte[] package)
    {
        using var buffer = new MemoryStream();
        buffer.Write(package);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("[Content_Types].xml") ?? throw new InvalidOperationException("简报草稿缺少 [Content_Types].xml");
            string types;
            using (var reader = new StreamReader(entry.Open()))
            {
                types = reader.ReadToEnd();
            }
            var main = $"<Default Extension=\"xml\" ContentType=\"{MainContentType}\" />";
            if (types.Contains(main, StringComparison.Ordinal))
            {
                types = types.Replace(main, "<Default Extension=\"xml\" ContentType=\"application/xml\" />", StringComparison.Ordinal)
                    .Replace("</Types>", $"<Override PartName=\"/word/document.xml\" ContentType=\"{MainContentType}\" /></Types>", StringComparison.Ordinal);
            }
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open(), new System.Text.UTF8Encoding(false));
            writer.Write(types);
        }
        return buffer.ToArray();
    }

    /// <summary>The page: A4, the 版心's margins (天头 37 mm, 订口 28 mm), the footers.</summary>
    private static SectionProperties Section(PdfPageSettings page, bool footers)
    {
        var section = new SectionProperties();
        if (footers)
        {
            section.Append(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rId4" },
                new FooterReference { Type = HeaderFooterValues.Even, Id = "rId5" });
        }
        section.Append(
            new PageSize { Width = (UInt32Value)Twips(page.WidthPt), Height = (UInt32Value)Twips(page.HeightPt) },
            new PageMargin
            {
                Top = (int)Twips(page.MarginTopPt),
                Bottom = (int)Twips(page.MarginBottomPt),
                Left = Twips(page.MarginLeftPt),
                Right = Twips(page.MarginRightPt),
                // The page number's dash 7 mm below the 版心 (GB/T 9704 7.5): its 14 pt line starts about 10 mm below.
                Footer = Twips(page.MarginBottomPt - 17 * PdfPageSettings.PointsPerMm),
                Header = 851,
                Gutter = 0,
            },
            // No snapping grid: the body's exact 29 pt spacing makes the 22 lines, and tables, captions and the 报头
            // keep their own spacing (a line grid would stretch every table row to a body line).
            new DocGrid { LinePitch = DraftStyles.LinePitch });
        return section;
    }

    /// <summary>"— 1 —" in 4号 宋体, at the right of odd pages and the left of even ones, one character in.</summary>
    private static Footer PageNumberFooter(string? format, JustificationValues side)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = DraftStyles.PageNumber },
            side == JustificationValues.Right ? new Indentation { Right = "280" } : new Indentation { Left = "280" },
            new Justification { Val = side }));
        if (format is not null)
        {
            // "— {0} —": the text around the page number, the number a PAGE field.
            var at = format.IndexOf("{0}", StringComparison.Ordinal);
            var before = at < 0 ? format : format[..at];
            var after = at < 0 ? "" : format[(at + 3)..];
            paragraph.Append(TextRun(before));
            paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " });
            paragraph.Append(TextRun(after.Replace("{1}", "", StringComparison.Ordinal)));
        }
        return new Footer(paragraph);
    }

    internal static Run TextRun(string text, RunProperties? properties = null)
    {
        var run = new Run();
        if (properties is not null)
        {
            run.Append(properties);
        }
        var lines = XmlChars.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    internal static uint Twips(float points) => (uint)Math.Round(points * 20);

    /// <summary>Adds the blocks to the body in order, carrying a page break to the next paragraph.</summary>
    private sealed class BodyWriter(Body body, MainDocumentPart main, IReadOnlyList<ChartPicture> pictures, float widthPt)
    {
        private bool _breakBefore;
        private int _chart;

        private uint TextWidth => Twips(widthPt);

        public void Add(PdfBlock block)
        {
            switch (block)
            {
                case PdfMasthead m:
                    Masthead(m);
                    break;
                case PdfInstructionBox box:
                    Instruction(box);
                    break;
                case PdfHeading h:
                    Append(Paragraph(h.Level switch { <= 1 => DraftStyles.Title, 2 => DraftStyles.Heading1, _ => DraftStyles.Heading2 }, h.Text));
                    break;
                case PdfParagraph p:
                    Append(Text(p));
                    break;
                case PdfTable t:
                    Table(t);
                    break;
                case PdfBarChart c:
                    Chart(c.Caption, pictures[_chart++]);
                    break;
                case PdfLineChart l:
                    Chart(l.Caption, pictures[_chart++]);
                    break;
                case PdfDistribution d:
                    Distribution(d);
                    break;
                case PdfPageBreak:
                    _breakBefore = body.HasChildren;
                    break;
                case PdfSpacer:
                    break;
                default:
                    throw new NotSupportedException($"简报草稿不支持的内容块类型 {block.GetType().Name}");
            }
        }

        private void Append(OpenXmlElement element)
        {
            if (_breakBefore)
            {
                if (element is Paragraph paragraph)
                {
                    var properties = paragraph.ParagraphProperties ??= new ParagraphProperties();
                    // pPr's children in schema order: the style, keepNext, keepLines, then pageBreakBefore.
                    properties.InsertAfter(new PageBreakBefore(),
                        (OpenXmlElement?)properties.GetFirstChild<KeepLines>() ?? (OpenXmlElement?)properties.GetFirstChild<KeepNext>() ?? properties.ParagraphStyleId);
                }
                else
                {
                    body.Append(new Paragraph(new ParagraphProperties(new PageBreakBefore(), new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact })));
                }
                _breakBefore = false;
            }
            body.Append(element);
        }

        private static Paragraph Paragraph(string style, string text, params OpenXmlElement[] properties)
        {
            var pPr = new ParagraphProperties(new ParagraphStyleId { Val = style });
            foreach (var property in properties)
            {
                pPr.Append(property);
            }
            return new Paragraph(pPr, TextRun(text));
        }

        private static Paragraph Text(PdfParagraph p)
        {
            var style = p.Role switch
            {
                PdfFontRole.Heading => DraftStyles.Heading1,
                PdfFontRole.Subheading => DraftStyles.Heading2,
                PdfFontRole.Title => DraftStyles.Title,
                _ => DraftStyles.Body,
            };
            var pPr = new ParagraphProperties(new ParagraphStyleId { Val = style });
            if (p.KeepWithNext)
            {
                pPr.Append(new KeepNext());
            }
            if (!p.FirstLineIndent)
            {
                pPr.Append(new Indentation { FirstLineChars = 0, FirstLine = "0" });
            }
            if (p.Align != PdfAlign.Left)
            {
                pPr.Append(new Justification { Val = p.Align == PdfAlign.Center ? JustificationValues.Center : JustificationValues.Right });
            }
            RunProperties? rPr = null;
            if (p.FontSizePt is { } size)
            {
                var half = ((int)Math.Round(size * 2)).ToString(CultureInfo.InvariantCulture);
                rPr = new RunProperties(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
            }
            return new Paragraph(pPr, TextRun(p.Text, rPr));
        }

        /// <summary>报头: the red title, the issue line, office left and date right, a red rule under them.</summary>
        private void Masthead(PdfMasthead m)
        {
            Append(Paragraph(DraftStyles.Masthead, m.Title));
            if (m.IssueLine.Length > 0)
            {
                Append(Paragraph(DraftStyles.Body, m.IssueLine, new Indentation { FirstLineChars = 0, FirstLine = "0" }, new Justification { Val = JustificationValues.Center }));
            }
            var info = new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = DraftStyles.Body },
                    new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 16, Space = 4, Color = "C00000" }),
                    new Tabs(new TabStop { Val = TabStopValues.Right, Position = (int)TextWidth }),
                    new SpacingBetweenLines { After = "280" },
                    new Indentation { FirstLineChars = 0, FirstLine = "0" },
                    new Justification { Val = JustificationValues.Left }),
                TextRun(m.Office),
                new Run(new TabChar()),
                TextRun(m.Date));
            Append(info);
        }

        /// <summary>The 领导批示 box: a one-cell table framed by a thin rule, the label in 黑体 and the instruction in 楷体.</summary>
        private void Instruction(PdfInstructionBox box)
        {
            if (box.Paragraphs.Count == 0)
            {
                return;
            }
            var cell = new TableCell(new TableCellProperties(
                new TableCellWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableCellMargin(
                    new TopMargin { Width = "160", Type = TableWidthUnitValues.Dxa },
                    new LeftMargin { Width = "160", Type = TableWidthUnitValues.Dxa },
                    new BottomMargin { Width = "160", Type = TableWidthUnitValues.Dxa },
                    new RightMargin { Width = "160", Type = TableWidthUnitValues.Dxa })));
            cell.Append(Paragraph(DraftStyles.Heading1, box.Label, new Indentation { FirstLineChars = 0, FirstLine = "0" }));
            foreach (var text in box.Paragraphs)
            {
                cell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DraftStyles.Body }),
                    TextRun(text, new RunProperties(DraftStyles.Fonts(PdfFontRole.Subheading)))));
            }
            var table = new Table(
                new TableProperties(
                    new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 6, Color = "000000" },
                        new LeftBorder { Val = BorderValues.Single, Size = 6, Color = "000000" },
                        new BottomBorder { Val = BorderValues.Single, Size = 6, Color = "000000" },
                        new RightBorder { Val = BorderValues.Single, Size = 6, Color = "000000" }),
                    new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(new GridColumn { Width = TextWidth.ToString(CultureInfo.InvariantCulture) }),
                new TableRow(cell));
            Append(table);
            // Word needs a paragraph between two tables, and the box wants room under it.
            Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DraftStyles.Body })));
        }

        /// <summary>A table: its caption, then a Word table with the header row repeated on each page and rows never split.</summary>
        private void Table(PdfTable t)
        {
            if (t.Columns.Count == 0)
            {
                return;
            }
            if (!string.IsNullOrEmpty(t.Caption))
            {
                Append(Paragraph(DraftStyles.Caption, t.Caption));
            }
            var sizePt = t.FontSizePt ?? 10.5f;
            var widths = ColumnWidths(t, sizePt);
            var size = ((int)Math.Round(sizePt * 2)).ToString(CultureInfo.InvariantCulture);
            var table = new Table(new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })));
            table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
            table.Append(Row(t.Columns.Select(c => c.Title).ToList(), widths, [.. Enumerable.Repeat(PdfAlign.Center, t.Columns.Count)], size, header: true, bold: false));
            for (var r = 0; r < t.Rows.Count; r++)
            {
                var cells = Enumerable.Range(0, t.Columns.Count).Select(c => c < t.Rows[r].Count ? t.Rows[r][c] ?? "" : "").ToList();
                table.Append(Row(cells, widths, [.. t.Columns.Select(c => c.Align)], size, header: false, bold: r >= t.Rows.Count - t.BoldLastRows));
            }
            Append(table);
            // A table is followed by a paragraph (Word joins two tables that touch).
            Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DraftStyles.TableText })));
        }

        /// <summary>
        /// Column widths in twips: the columns' relative widths over the 版心, each at least as wide as the longest line of
        /// its header ("错误" never stands one character a line), the room for that taken from the wider columns.
        /// </summary>
        private List<int> ColumnWidths(PdfTable t, float sizePt)
        {
            static float Ems(string line) => line.Sum(c => c < 0x2E80 ? 0.55f : 1f);
            var total = t.Columns.Sum(c => Math.Max(0.01f, c.RelativeWidth));
            var widths = t.Columns.Select(c => TextWidth * Math.Max(0.01f, c.RelativeWidth) / total).ToList();
            var least = t.Columns.Select(c => c.Title.Split('\n').Max(Ems) * sizePt * 20 + 160).ToList();
            var narrow = Enumerable.Range(0, widths.Count).Where(i => widths[i] < least[i]).ToList();
            var wanted = narrow.Sum(i => least[i] - widths[i]);
            var spare = Enumerable.Range(0, widths.Count).Where(i => !narrow.Contains(i)).Sum(i => widths[i] - least[i]);
            if (wanted > 0 && spare > wanted)
            {
                for (var i = 0; i < widths.Count; i++)
                {
                    widths[i] = narrow.Contains(i) ? least[i] : widths[i] - (widths[i] - least[i]) * wanted / spare;
                }
            }
            return widths.Select(w => (int)Math.Floor(w)).ToList();
        }

        private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<int> widths, IReadOnlyList<PdfAlign> aligns, string size, bool header, bool bold)
        {
            var rowProperties = new TableRowProperties(new CantSplit());
            if (header)
            {
                rowProperties.Append(new TableHeader());
            }
            var row = new TableRow(rowProperties);
            for (var c = 0; c < cells.Count; c++)
            {
                var cellProperties = new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (header)
                {
                    cellProperties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E6E6E6" });
                }
                cellProperties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                var rPr = new RunProperties();
                if (bold)
                {
                    rPr.Append(new Bold(), new BoldComplexScript());
                }
                rPr.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
                var align = aligns[c] switch { PdfAlign.Center => JustificationValues.Center, PdfAlign.Right => JustificationValues.Right, _ => JustificationValues.Left };
                row.Append(new TableCell(cellProperties, new Paragraph(
                    new ParagraphProperties(new ParagraphStyleId { Val = DraftStyles.TableText }, new Justification { Val = align }),
                    TextRun(cells[c], rPr))));
            }
            return row;
        }

        /// <summary>A chart: its caption as text, then the PDF's chart drawing as a picture the 版心's width.</summary>
        private void Chart(string caption, ChartPicture picture)
        {
            if (picture.Png.Length == 0)
            {
                return;
            }
            Append(Paragraph(DraftStyles.Caption, caption));
            var index = (uint)_chart;
            var id = $"rIdChart{index}";
            var part = main.AddNewPart<ImagePart>("image/png", id);
            using (var stream = new MemoryStream(picture.Png))
            {
                part.FeedData(stream);
            }
            var cx = (long)Math.Round(picture.WidthPt * EmuPerPoint);
            var cy = (long)Math.Round(picture.HeightPt * EmuPerPoint);
            var name = $"图{index}";
            var drawing = new Drawing(new Dw.Inline(
                new Dw.Extent { Cx = cx, Cy = cy },
                new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new Dw.DocProperties { Id = index, Name = name, Description = XmlChars.Clean(caption) },
                new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(new Pic.Picture(
                    new Pic.NonVisualPictureProperties(
                        new Pic.NonVisualDrawingProperties { Id = 0, Name = name + ".png" },
                        new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0,
                DistanceFromBottom = 0,
                DistanceFromLeft = 0,
                DistanceFromRight = 0,
            });
            Append(new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = DraftStyles.TableText },
                    new SpacingBetweenLines { After = "200" },
                    new Justification { Val = JustificationValues.Center }),
                new Run(drawing)));
        }

        /// <summary>
        /// 报尾 (版记): the distribution lines and the 印发 line between rules (the first and last thick, the one between
        /// thin), one character in from each side, set at the foot of the last page as in the PDF: a table of one column
        /// floating at the bottom of the 版心 (text flows above it, never under it).
        /// </summary>
        private void Distribution(PdfDistribution d)
        {
            var issuedOn = (string.IsNullOrEmpty(d.IssuedOn) ? "" : d.IssuedOn + "印发") + (d.Copies ?? "");
            var issued = !string.IsNullOrEmpty(d.IssuedBy) || issuedOn.Length > 0;
            if (d.Lines.Count == 0 && !issued)
            {
                return;
            }
            // Rules in eighths of a point: 0.35 mm thick, 0.25 mm thin (GB/T 9704 7.4).
            const uint Thick = 8, Thin = 6;
            var width = TextWidth.ToString(CultureInfo.InvariantCulture);
            var table = new Table(
                new TableProperties(
                    new TablePositionProperties
                    {
                        VerticalAnchor = VerticalAnchorValues.Margin,
                        HorizontalAnchor = HorizontalAnchorValues.Margin,
                        TablePositionXAlignment = HorizontalAlignmentValues.Center,
                        TablePositionYAlignment = VerticalAlignmentValues.Bottom,
                    },
                    new TableOverlap { Val = TableOverlapValues.Never },
                    new TableWidth { Width = width, Type = TableWidthUnitValues.Dxa },
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableCellMarginDefault(
                        new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                        new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })),
                new TableGrid(new GridColumn { Width = width }));
            var rows = new List<(Paragraph Paragraph, uint? Top, uint? Bottom)>();
            for (var i = 0; i < d.Lines.Count; i++)
            {
                var line = d.Lines[i];
                var colon = line.IndexOf('：', StringComparison.Ordinal);
                var hang = colon >= 0 && colon < 6 ? (colon + 1) * 280 : 0;
                var pPr = new ParagraphProperties(new ParagraphStyleId { Val = DraftStyles.Distribution },
                    new Indentation { Left = (280 + hang).ToString(CultureInfo.InvariantCulture), Right = "280", Hanging = hang.ToString(CultureInfo.InvariantCulture) });
                rows.Add((new Paragraph(pPr, TextRun(line)), i == 0 ? Thick : null, null));
            }
            if (issued)
            {
                var pPr = new ParagraphProperties(new ParagraphStyleId { Val = DraftStyles.Distribution },
                    new Tabs(new TabStop { Val = TabStopValues.Right, Position = (int)TextWidth - 280 }),
                    new Indentation { Left = "280", Right = "280" });
                rows.Add((new Paragraph(pPr, TextRun(d.IssuedBy ?? ""), new Run(new TabChar()), TextRun(issuedOn)), d.Lines.Count > 0 ? Thin : Thick, Thick));
            }
            else
            {
                rows[^1] = rows[^1] with { Bottom = Thick };
            }
            foreach (var (paragraph, top, bottom) in rows)
            {
                var borders = new TableCellBorders();
                if (top is { } t)
                {
                    borders.Append(new TopBorder { Val = BorderValues.Single, Size = t, Color = "000000" });
                }
                if (bottom is { } b)
                {
                    borders.Append(new BottomBorder { Val = BorderValues.Single, Size = b, Color = "000000" });
                }
                table.Append(new TableRow(
                    new TableRowProperties(new CantSplit()),
                    new TableCell(new TableCellProperties(new TableCellWidth { Width = width, Type = TableWidthUnitValues.Dxa }, borders), paragraph)));
            }
            Append(table);
            // The floating table's anchor, and the body's last paragraph: as small as a paragraph can be.
            Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DraftStyles.Distribution },
                new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact })));
        }
    }
}
