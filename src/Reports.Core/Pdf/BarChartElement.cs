using System.Globalization;
using SkiaSharp;

namespace Reports.Pdf;

/// <summary>A bar chart: a caption in the document's own type, then the chart drawn with ScottPlot straight into
/// the page canvas (vectors; labels stay text, in the fallback font's subset).</summary>
internal sealed class BarChartElement(PdfBarChart chart) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        if (chart.Bars.Count == 0)
        {
            yield break;
        }
        yield return new SpaceFragment(Typography.ChartSpacingBefore) { KeepWithNext = true };
        var captionFont = context.Fonts.Get(Typography.TableCaptionSize, context.Fonts.IsEmboldened(PdfFontRole.Heading), PdfFontRole.Heading);
        foreach (var line in context.BreakBalanced(chart.Caption, s => captionFont.Measure(s), context.Width, Typography.TableCaptionSize / 2))
        {
            yield return new TextLineFragment(line, captionFont, Typography.Text, Typography.TableCaptionSize * 1.6f)
            {
                Align = PdfAlign.Center,
                KeepWithNext = true,
            };
        }

        yield return new BarChartFragment(chart, context.Fonts.ChartFontName);
        yield return new SpaceFragment(Typography.ChartSpacingAfter);
    }
}

internal sealed class BarChartFragment(PdfBarChart chart, string fontName) : Fragment
{
    public override float Height => chart.HeightPt;

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var plot = new ScottPlot.Plot();
        try
        {
            Compose(plot);
            canvas.Save();
            plot.Render(canvas, new ScottPlot.PixelRect(x, x + width, y + Height, y));
            canvas.Restore();
        }
        finally
        {
            plot.Dispose();
        }
    }

    private void Compose(ScottPlot.Plot plot)
    {
        var top = chart.Bars.Max(b => b.Value);
        // The reference line goes in first, so the value labels (on white) are drawn over it, never struck through.
        if (chart.ReferenceValue is { } reference)
        {
            plot.Add.HorizontalLine(reference, width: 1.2f, color: Color(Typography.Red), pattern: ScottPlot.LinePattern.Dashed);
            top = Math.Max(top, reference);
        }

        var bars = chart.Bars.Select((bar, i) => new ScottPlot.Bar
        {
            Position = i,
            Value = bar.Value,
            FillColor = Color(bar.Highlight ? Typography.ChartBarHighlight : Typography.ChartBar),
            LineWidth = 0,
            Label = bar.ValueText ?? bar.Value.ToString("0.0", CultureInfo.InvariantCulture),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontName = fontName;
        barPlot.ValueLabelStyle.FontSize = Typography.ChartValueSize;
        barPlot.ValueLabelStyle.ForeColor = Color(Typography.Text);
        barPlot.ValueLabelStyle.BackgroundColor = ScottPlot.Colors.White;

        if (chart.ReferenceValue is { } level && !string.IsNullOrEmpty(chart.ReferenceLabel))
        {
            // Written level with the line, in the room right of the last bar, where no value label stands.
            var text = plot.Add.Text(chart.ReferenceLabel, chart.Bars.Count - 0.45, level);
            text.LabelFontName = fontName;
            text.LabelFontSize = Typography.ChartTickSize;
            text.LabelFontColor = Color(Typography.Red);
            text.LabelBackgroundColor = ScottPlot.Colors.White;
            text.LabelAlignment = ScottPlot.Alignment.MiddleLeft;
            text.LabelOffsetX = 2;
        }

        plot.Legend.SetBestFontOnEachRender = false;
        if (!string.IsNullOrEmpty(chart.LegendLabel))
        {
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = chart.LegendLabel, FillColor = Color(Typography.ChartBarHighlight) });
            plot.Legend.FontName = fontName;
            plot.Legend.FontSize = Typography.ChartTickSize;
            plot.Legend.IsVisible = true;
            plot.Legend.Alignment = ScottPlot.Alignment.UpperRight;
            plot.Legend.OutlineWidth = 0;
        }
        else
        {
            plot.Legend.IsVisible = false;
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            ticks.AddMajor(i, chart.Bars[i].Label);
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        // Room at the right for the reference line's label, beside the last bar; room at the top for the legend.
        var right = chart.Bars.Count - 0.4 + (string.IsNullOrEmpty(chart.ReferenceLabel) ? 0 : ReferenceLabelRoom(chart.Bars.Count));
        plot.Axes.SetLimits(-0.6, right, 0, top * (string.IsNullOrEmpty(chart.LegendLabel) ? 1.15 : 1.3));

        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Right })
        {
            axis.TickLabelStyle.FontName = fontName;
            axis.TickLabelStyle.FontSize = Typography.ChartTickSize;
            axis.Label.FontName = fontName;
            axis.Label.FontSize = Typography.ChartLabelSize;
            axis.Label.Bold = false;
        }

        plot.Axes.Left.Label.Text = chart.ValueAxisLabel;
        plot.Axes.Bottom.Label.Text = "";
        plot.Axes.Title.Label.Text = "";
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.MajorLineColor = ScottPlot.Color.FromHex("#E0E0E0");
        plot.FigureBackground.Color = ScottPlot.Colors.White;
        plot.DataBackground.Color = ScottPlot.Colors.White;
    }

    /// <summary>About 1.6 bar slots of 12 for a label of five or six characters at the tick size.</summary>
    private static double ReferenceLabelRoom(int bars) => Math.Max(1.4, bars * 0.17);

    private static ScottPlot.Color Color(SKColor c) => new(c.Red, c.Green, c.Blue, c.Alpha);
}
