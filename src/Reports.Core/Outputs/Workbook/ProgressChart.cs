using System.Globalization;
using System.Text;
using Reports.Definitions;
using Reports.Merge;
using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// A native Excel chart: a unit's completion rate as a column, time progress as a dashed line across them, its XML
/// written here in full. As in the briefing, a lagging unit's column is drawn in the lagging colour and each value
/// label stands on white, so the dashed line never strikes through it. Each series has an explicit solid fill or line
/// (LibreOffice draws no bars without one), and carries a cache of its values so a reader that does not recalculate
/// still draws it.
/// </summary>
internal static class ProgressChart
{
    private const int HeightPixels = 360;

    /// <param name="Lagging">The codes of the units below time progress, as the analysis finds them.</param>
    public sealed record Source(string Title, int HeaderRow, int FirstRow, int LastRow, int CategoryColumn, int ValueColumn, int ProgressColumn, IndicatorDefinition Indicator,
        IReadOnlySet<string> Lagging);

    /// <summary>The chart at a row, as the <paramref name="index"/>th of <paramref name="count"/> charts sharing the table's width.</summary>
    public static SheetChart Chart(string sheetName, MergeResult merge, Source source, int row, IReadOnlyDictionary<int, double> widths, int lastColumn, int index, int count)
    {
        // A column's width in pixels as Excel draws it with the default font: width × 7 + 5.
        int Pixels(int column) => (int)Math.Round(widths.GetValueOrDefault(column, ColumnWidths.Default) * 7 + 5);
        var tableWidth = Enumerable.Range(1, lastColumn).Sum(Pixels);
        var width = Math.Max(tableWidth, 640 * count) / count;
        // An anchor is a column and an offset inside it: find the columns the chart's edges fall in.
        (int Column, int Offset) At(int pixels)
        {
            var column = 1;
            while (pixels >= Pixels(column))
            {
                pixels -= Pixels(column++);
            }
            return (column - 1, pixels);
        }
        var left = index * width;
        var (fromColumn, fromOffset) = At(left);
        var (toColumn, toOffset) = At(left + width - (count > 1 ? 8 : 0));
        // Rows under the table keep the default height, 20 pixels.
        return new SheetChart($"chart_{source.Indicator.Code}", Xml(sheetName, merge, source), (fromColumn, fromOffset, row - 1), (toColumn, toOffset, row - 1 + HeightPixels / 20));
    }

    private static string Xml(string sheetName, MergeResult merge, Source s)
    {
        var names = merge.Units.Select(u => u.Unit.Name).ToList();
        var rates = merge.Units.Select(u => u.Status == UnitStatus.Accepted ? u.Indicators.GetValueOrDefault(s.Indicator.Code) : null).ToList();
        var progress = merge.ProgressFor(s.Indicator) ?? 0m;
        var progressName = (s.Indicator.Progress ?? ProgressBasis.Campaign).Label();
        var categories = Reference(sheetName, s.FirstRow, s.CategoryColumn, s.LastRow, s.CategoryColumn);

        var xml = new StringBuilder();
        xml.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
        xml.Append("""<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">""");
        xml.Append("""<c:roundedCorners val="0"/><c:chart>""");
        xml.Append("<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr>");
        xml.Append($"<a:r><a:rPr lang=\"zh-CN\" sz=\"1200\" b=\"1\"/><a:t>{Escape(s.Title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>");
        xml.Append("""<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>""");

        // Completion by unit: columns with a solid fill and their value on top.
        xml.Append("""<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>""");
        xml.Append("""<c:ser><c:idx val="0"/><c:order val="0"/>""");
        Name(xml, s.Indicator.Label);
        xml.Append($"""<c:spPr><a:solidFill><a:srgbClr val="{WorkbookStyle.BarColor}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>""");
        for (var i = 0; i < merge.Units.Count; i++)
        {
            if (merge.Units[i].Status == UnitStatus.Accepted && s.Lagging.Contains(merge.Units[i].Unit.Code))
            {
                xml.Append($"""<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="{WorkbookStyle.LaggingBarColor}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:dPt>""");
            }
        }
        xml.Append("""<c:dLbls><c:numFmt formatCode="0.0%" sourceLinked="0"/><c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>""");
        xml.Append("""<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>""");
        Categories(xml, categories, names);
        Values(xml, Reference(sheetName, s.FirstRow, s.ValueColumn, s.LastRow, s.ValueColumn), rates);
        xml.Append("""</c:ser><c:gapWidth val="60"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>""");

        // Time progress: one dashed line over every unit.
        xml.Append("""<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="1"/><c:order val="1"/>""");
        Name(xml, progressName);
        xml.Append($"""<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="{WorkbookStyle.ProgressLineColor}"/></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>""");
        Categories(xml, categories, names);
        Values(xml, Reference(sheetName, s.FirstRow, s.ProgressColumn, s.LastRow, s.ProgressColumn), names.Select(_ => (decimal?)progress).ToList());
        xml.Append("""<c:smooth val="0"/></c:ser><c:marker val="1"/><c:axId val="500100"/><c:axId val="500200"/></c:lineChart>""");

        xml.Append("""<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>""");
        xml.Append("""<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>""");
        xml.Append("""</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>""");
        xml.Append("""<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>""");
        xml.Append("""<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:ea typeface="宋体"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>""");
        xml.Append("</c:chartSpace>");
        return xml.ToString();
    }

    /// <summary>The series' name as written (not the header cell's, which is broken into lines to fit its column).</summary>
    private static void Name(StringBuilder xml, string name) => xml.Append($"<c:tx><c:v>{Escape(name)}</c:v></c:tx>");

    private static void Categories(StringBuilder xml, string reference, IReadOnlyList<string> names)
    {
        xml.Append($"<c:cat><c:strRef><c:f>{Escape(reference)}</c:f><c:strCache><c:ptCount val=\"{names.Count}\"/>");
        for (var i = 0; i < names.Count; i++)
        {
            xml.Append($"<c:pt idx=\"{i}\"><c:v>{Escape(names[i])}</c:v></c:pt>");
        }
        xml.Append("</c:strCache></c:strRef></c:cat>");
    }

    private static void Values(StringBuilder xml, string reference, IReadOnlyList<decimal?> values)
    {
        xml.Append($"<c:val><c:numRef><c:f>{Escape(reference)}</c:f><c:numCache><c:formatCode>0.0%</c:formatCode><c:ptCount val=\"{values.Count}\"/>");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                xml.Append($"<c:pt idx=\"{i}\"><c:v>{((double)value).ToString("R", CultureInfo.InvariantCulture)}</c:v></c:pt>");
            }
        }
        xml.Append("</c:numCache></c:numRef></c:val>");
    }

    private static string Reference(string sheet, int fromRow, int fromColumn, int toRow, int toColumn)
    {
        var (from, to) = (Absolute(fromRow, fromColumn), Absolute(toRow, toColumn));
        return $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!{(from == to ? from : $"{from}:{to}")}";

        static string Absolute(int row, int column) => $"${Ooxml.Column(column)}${Ooxml.Number(row)}";
    }

    private static string Escape(string text) => XmlChars.Escape(text);
}
