using System.Text;

namespace Reports.Pdf;

/// <summary>Every code point a document draws, by the role whose font draws it, and the chart labels.</summary>
internal sealed record DocumentCodePoints(IReadOnlyDictionary<PdfFontRole, SortedSet<int>> Roles, SortedSet<int> Chart)
{
    /// <summary>Printable ASCII, always kept in a subset (figures, page numbers, Latin words).</summary>
    public static IEnumerable<int> PrintableAscii => Enumerable.Range(0x20, 0x7F - 0x20);

    public SortedSet<int> Body => Roles[PdfFontRole.Body];

    public static DocumentCodePoints Collect(PdfDocumentModel model)
    {
        var result = new DocumentCodePoints(Enum.GetValues<PdfFontRole>().ToDictionary(r => r, _ => new SortedSet<int>()), new SortedSet<int>());
        void Add(PdfFontRole role, string? s) => AddTo(result.Roles[role], s);
        void AddTo(SortedSet<int> set, string? s)
        {
            if (s is null)
            {
                return;
            }
            foreach (var r in s.EnumerateRunes())
            {
                if (r.Value >= 0x20)
                {
                    set.Add(r.Value);
                }
            }
        }

        Add(PdfFontRole.Numerals, model.FooterFormat);
        foreach (var block in model.Blocks)
        {
            switch (block)
            {
                case PdfMasthead m:
                    Add(PdfFontRole.Title, m.Title);
                    Add(PdfFontRole.Body, m.IssueLine); Add(PdfFontRole.Body, m.Office); Add(PdfFontRole.Body, m.Date);
                    break;
                case PdfHeading h:
                    Add(h.Level switch { <= 1 => PdfFontRole.Title, 2 => PdfFontRole.Heading, _ => PdfFontRole.Subheading }, h.Text);
                    break;
                case PdfParagraph p:
                    Add(p.Role, p.Text);
                    break;
                case PdfTable t:
                    Add(PdfFontRole.Heading, t.Caption);
                    foreach (var c in t.Columns)
                    {
                        Add(PdfFontRole.Body, c.Title);
                        if (c.OneLine)
                        {
                            Add(PdfFontRole.Body, MiddleEllipsis.Mark);
                        }
                    }
                    foreach (var row in t.Rows)
                    {
                        foreach (var cell in row)
                        {
                            Add(PdfFontRole.Body, cell);
                        }
                    }
                    break;
                case PdfBarChart c:
                    Add(PdfFontRole.Heading, c.Caption);
                    AddTo(result.Chart, c.ValueAxisLabel);
                    AddTo(result.Chart, c.ReferenceLabel);
                    AddTo(result.Chart, c.LegendLabel);
                    foreach (var bar in c.Bars)
                    {
                        AddTo(result.Chart, bar.Label);
                        AddTo(result.Chart, bar.ValueText);
                    }

                    AddTo(result.Chart, "0123456789.-%");
                    break;
                case PdfInstructionBox box:
                    Add(PdfFontRole.Heading, box.Label);
                    foreach (var paragraph in box.Paragraphs)
                    {
                        Add(PdfFontRole.Subheading, paragraph);
                    }
                    break;
                case PdfLineChart l:
                    Add(PdfFontRole.Heading, l.Caption);
                    AddTo(result.Chart, l.ValueAxisLabel);
                    foreach (var label in l.Periods.Concat(l.Lines.Select(line => line.Label)))
                    {
                        AddTo(result.Chart, label);
                    }
                    AddTo(result.Chart, "0123456789.-%");
                    break;
                case PdfDistribution d:
                    foreach (var line in d.Lines)
                    {
                        Add(PdfFontRole.Body, line);
                    }
                    Add(PdfFontRole.Body, d.Copies);
                    Add(PdfFontRole.Body, d.IssuedBy);
                    Add(PdfFontRole.Body, d.IssuedOn);
                    Add(PdfFontRole.Body, "印发");
                    break;
            }
        }

        return result;
    }
}
