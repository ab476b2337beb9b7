using SkiaSharp;

namespace Reports.Pdf;

/// <summary>A line chart: a caption in the document's own type, then the lines drawn with ScottPlot into the page canvas (vectors, text stays text).</summary>
internal sealed class LineChartElement(PdfLineChart chart) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        if (chart.Periods.Count == 0 || chart.Lines.Count == 0)
        {
            yield break;
        }
        yield return new SpaceFragment(Typography.ChartSpacingBefore) { KeepWithNext = true };
        foreach (var line in CaptionLines.Layout(context, chart.Caption))
        {
            yield return line;
        }
        yield return new LineChartFragment(chart, context.Fonts.ChartFontName);
        yield return new SpaceFragment(Typography.ChartSpacingAfter);
    }
}

/// <summary>The chart itself: each series a line with its points, time progress dashed in red; the legend above the lines at the upper left.</summary>
internal sealed class LineChartFragment(PdfLineChart chart, string fontName) : Fragment
{
    /// <summary>The series' colours in order; time progress (dashed) is always red.</summary>
    private static readonly SKColor[] Palette = [Typography.ChartBar, Typography.ChartBarHighlight, new(0x3C, 0x8D, 0x5A), new(0x8A, 0x5A, 0xA8), new(0x9A, 0x7B, 0x2E)];

    public override float Height => chart.HeightPt;

    /// <summary>Drawn down to this share of its height to finish a page rather than move to the next.</summary>
    public const float SmallestShare = 0.6f;

    public override Fragment? ShrinkTo(float height) =>
        height >= chart.HeightPt * SmallestShare && height < chart.HeightPt
            ? new LineChartFragment(chart with { HeightPt = height }, fontName) { KeepWithNext = KeepWithNext }
            : null;

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
        ChartFrame.Draw(canvas, x, y, width, Height, Compose);
    }

    private void Compose(ScottPlot.Plot plot)
    {
        var top = 100d;
        var colour = 0;
        foreach (var line in chart.Lines)
        {
            var points = line.Values.Select((v, i) => (X: (double)i, Y: v)).Where(p => p.Y is not null).ToList();
            if (points.Count == 0)
            {
                continue;
            }
            top = Math.Max(top, points.Max(p => p.Y!.Value));
            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray());
            scatter.LegendText = line.Label;
            scatter.LineWidth = line.Dashed ? 1.2f : 1.6f;
            scatter.MarkerSize = line.Dashed ? 0 : 4;
            scatter.Color = Color(line.Dashed ? Typography.Red : Palette[colour++ % Palette.Length]);
            if (line.Dashed)
            {
                scatter.LinePattern = ScottPlot.LinePattern.Dashed;
            }
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        // Every period labelled when they fit, else every second or third (the last always).
        var step = Math.Max(1, (int)Math.Ceiling(chart.Periods.Count / 9d));
        for (var i = 0; i < chart.Periods.Count; i++)
        {
            if ((chart.Periods.Count - 1 - i) % step == 0)
            {
                ticks.AddMajor(i, chart.Periods[i]);
            }
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(-0.4, chart.Periods.Count - 0.6, 0, top * 1.3);

        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.FontName = fontName;
        plot.Legend.FontSize = Typography.ChartTickSize;
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = ScottPlot.Alignment.UpperLeft;
        plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = ScottPlot.Colors.Transparent;
        plot.Legend.BackgroundColor = ScottPlot.Colors.White.WithAlpha(0.85);

        ChartFrame.Apply(plot, fontName, chart.ValueAxisLabel);
    }

    private static ScottPlot.Color Color(SKColor c) => new(c.Red, c.Green, c.Blue, c.Alpha);
}
