using SkiaSharp;

namespace Reports.Pdf;

/// <summary>What every chart of the briefing shares around its data: the axes' type, the value axis's label, a light grid, white ground.</summary>
internal static class ChartFrame
{
    /// <summary>Composes a plot with <paramref name="compose"/> and draws it into the page's canvas at the given box.</summary>
    public static void Draw(SKCanvas canvas, float x, float y, float width, float height, Action<ScottPlot.Plot> compose)
    {
        using var plot = new ScottPlot.Plot();
        compose(plot);
        canvas.Save();
        plot.Render(canvas, new ScottPlot.PixelRect(x, x + width, y + height, y));
        canvas.Restore();
    }

    public static void Apply(ScottPlot.Plot plot, string fontName, string valueAxisLabel)
    {
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Right })
        {
            axis.TickLabelStyle.FontName = fontName;
            axis.TickLabelStyle.FontSize = Typography.ChartTickSize;
            axis.Label.FontName = fontName;
            axis.Label.FontSize = Typography.ChartLabelSize;
            axis.Label.Bold = false;
        }

        plot.Axes.Left.Label.Text = valueAxisLabel;
        plot.Axes.Bottom.Label.Text = "";
        plot.Axes.Title.Label.Text = "";
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.MajorLineColor = ScottPlot.Color.FromHex("#E0E0E0");
        plot.FigureBackground.Color = ScottPlot.Colors.White;
        plot.DataBackground.Color = ScottPlot.Colors.White;
    }
}
