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
        foreach (var line in CaptionLines.Layout(context, chart.Caption))
        {
            yield return line;
        }

        // The reference label's width decides the room right of the last bar, so the label ends inside the frame.
        var referenceWidth = string.IsNullOrEmpty(chart.ReferenceLabel) ? 0 : context.Fonts.Get(Typography.ChartTickSize).Measure(chart.ReferenceLabel);
        yield return new BarChartFragment(chart, context.Fonts.ChartFontName, referenceWidth);
        yield return new SpaceFragment(Typography.ChartSpacingAfter);
    }
}

/// <summary>
/// The chart itself. Value labels stand over their bars, except where one would sit on the dashed reference line: a
/// bar ending just below the line carries its label inside its top, one ending on or just above it has the label
/// lifted clear above the line. The reference label is written level with the line right of the last bar, with room
/// kept for it inside the frame.
/// </summary>
internal sealed class BarChartFragment(PdfBarChart chart, string fontName, float referenceLabelWidth = 0) : Fragment
{
    /// <summary>Room the axes take from the fragment's width and height (tick labels, axis title, padding), in points;
    /// generous, so what is placed from them stays clear of what they hold.</summary>
    private const float AxesWidth = 52;
    private const float AxesHeight = 34;

    /// <summary>Space kept between a label and the line, a bar or the frame, in points.</summary>
    private const float Clearance = 3;

    /// <summary>The drawn width of the last chart, kept for <see cref="Compose"/>.</summary>
    private float _width = 400;

    public override float Height => chart.HeightPt;

    /// <summary>A chart may be drawn down to this share of its height to finish a page rather than leave a third of it empty.</summary>
    public const float SmallestShare = 0.6f;

    public override Fragment? ShrinkTo(float height) =>
        height >= chart.HeightPt * SmallestShare && height < chart.HeightPt
            ? new BarChartFragment(chart with { HeightPt = height }, fontName, referenceLabelWidth) { KeepWithNext = KeepWithNext }
            : null;

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
            _width = width;
        ChartFrame.Draw(canvas, x, y, width, Height, Compose);
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
        }).ToList();
        plot.Add.Bars(bars);

        // Data units per point, vertically, from the limits set below (a first estimate: the headroom is decided by
        // where the labels go, which only lifts the top a little).
        var headroom = string.IsNullOrEmpty(chart.LegendLabel) ? 1.15 : 1.3;
        var perPoint = top * headroom / Math.Max(Height - AxesHeight, 40);
        var labelHeight = (Typography.ChartValueSize * 1.3 + 2) * perPoint;
        var clear = Clearance * perPoint;
        var highest = top;
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var (y, alignment) = ValueLabelPlace(bar.Value, chart.ReferenceValue, labelHeight, clear);
            var label = plot.Add.Text(bar.ValueText ?? bar.Value.ToString("0.0", CultureInfo.InvariantCulture), i, y);
            label.LabelFontName = fontName;
            label.LabelFontSize = Typography.ChartValueSize;
            label.LabelFontColor = Color(Typography.Text);
            label.LabelBackgroundColor = ScottPlot.Colors.White;
            label.LabelAlignment = alignment;
            label.LabelPadding = 1;
            highest = Math.Max(highest, alignment == ScottPlot.Alignment.LowerCenter ? y + labelHeight + clear : y);
        }
        top = Math.Max(top, highest / headroom * 1.05);

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
            text.LabelPadding = 1;
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
        var right = chart.Bars.Count - 0.4 + (string.IsNullOrEmpty(chart.ReferenceLabel) ? 0 : ReferenceLabelRoom(chart.Bars.Count, referenceLabelWidth, _width));
        plot.Axes.SetLimits(-0.6, right, 0, top * (string.IsNullOrEmpty(chart.LegendLabel) ? 1.15 : 1.3));

        ChartFrame.Apply(plot, fontName, chart.ValueAxisLabel);
    }

    /// <summary>
    /// The bar slots right of the last bar that hold the reference label with its offset and a margin before the frame:
    /// the room r (in slots) such that r slots of the data area's width hold the label, the data area spanning the
    /// bars' n + 0.2 slots and r.
    /// </summary>
    internal static double ReferenceLabelRoom(int bars, float labelWidth, float width)
    {
        var needed = labelWidth + 2 + 2 * Clearance + 4; // offset, padding both sides, margin before the frame
        var area = Math.Max(width - AxesWidth, needed * 2);
        var room = needed * (bars + 0.2) / (area - needed) - 0.05;
        return Math.Max(1.4, room);
    }

    /// <summary>Where a bar's value label goes: over the bar (bottom at its top), unless it would sit on the reference
    /// line — then inside the bar's top when the bar ends below the line and is tall enough, else clear above the line.</summary>
    internal static (double Y, ScottPlot.Alignment Alignment) ValueLabelPlace(double value, double? reference, double labelHeight, double clear)
    {
        var over = (value + clear, ScottPlot.Alignment.LowerCenter);
        if (reference is not { } line || line < value - clear || line > value + clear + labelHeight + clear)
        {
            return over;
        }
        if (value < line - clear && value - clear - labelHeight >= clear)
        {
            return (value - clear, ScottPlot.Alignment.UpperCenter);
        }
        return (line + clear * 2, ScottPlot.Alignment.LowerCenter);
    }

    private static ScottPlot.Color Color(SKColor c) => new(c.Red, c.Green, c.Blue, c.Alpha);
}
