using System.Text;

namespace Reports.Pdf;

/// <summary>Every code point a document draws, by the font that draws it: body text, headings, chart labels.</summary>
internal sealed record DocumentCodePoints(SortedSet<int> Body, SortedSet<int> Heading, SortedSet<int> Chart)
{
    /// <summary>Printable ASCII, always kept in a subset (figures, page numbers, Latin words).</summary>
    public static IEnumerable<int> PrintableAscii => Enumerable.Range(0x20, 0x7F - 0x20);

    public static DocumentCodePoints Collect(PdfDocumentModel model)
    {
        var result = new DocumentCodePoints(new SortedSet<int>(), new SortedSet<int>(), new SortedSet<int>());
        void Add(SortedSet<int> set, string? s)
        {
            if (s is null) return;
            foreach (Rune r in s.EnumerateRunes())
                if (r.Value >= 0x20) set.Add(r.Value);
        }

        Add(result.Body, model.FooterFormat);
        foreach (PdfBlock block in model.Blocks)
        {
            switch (block)
            {
                case PdfMasthead m:
                    Add(result.Heading, m.Title);
                    Add(result.Body, m.IssueLine); Add(result.Body, m.Office); Add(result.Body, m.Date);
                    break;
                case PdfHeading h:
                    Add(result.Heading, h.Text);
                    break;
                case PdfParagraph p:
                    Add(result.Body, p.Text);
                    break;
                case PdfTable t:
                    Add(result.Heading, t.Caption);
                    foreach (PdfTableColumn c in t.Columns) Add(result.Body, c.Title);
                    foreach (IReadOnlyList<string> row in t.Rows)
                        foreach (string cell in row) Add(result.Body, cell);
                    break;
                case PdfBarChart c:
                    Add(result.Heading, c.Caption);
                    Add(result.Chart, c.ValueAxisLabel);
                    Add(result.Chart, c.ReferenceLabel);
                    foreach (PdfBar bar in c.Bars) Add(result.Chart, bar.Label);
                    Add(result.Chart, "0123456789.-%");
                    break;
                case PdfDistribution d:
                    foreach (string line in d.Lines) Add(result.Body, line);
                    Add(result.Body, d.Copies);
                    break;
            }
        }

        return result;
    }
}
