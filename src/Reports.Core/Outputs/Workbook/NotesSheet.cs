using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Numbers;
using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// 说明: what the workbook is and how to read it — the return, the units, the period, the campaign window and time
/// progress, the deadline, the data's source, the time of the run; then every indicator with its formula, its
/// meaning and what it is compared with.
/// </summary>
internal static class NotesSheet
{
    public const string Name = "说明";

    public static void Write(StreamedWorkbook book, string name, MergeResult merge, SubmissionOverview submissions, string title, DateTimeOffset now, TimeZoneInfo zone)
    {
        var definition = merge.Definition;
        var style = NumberStyle.Completion;
        var window = merge.Window;
        string[][] facts =
        [
            ["报表", $"{definition.Title}（{definition.Code}，第{definition.Version}版）"],
            ["汇总单位", $"{merge.Roster.Name}（{merge.Roster.Code}）所辖 {merge.Units.Count} 个单位；已汇总 {merge.Accepted.Count()} 个，退回 {merge.Rejected.Count()} 个，未报送 {merge.Missing.Count()} 个"],
            ["报告期", $"{merge.Period.Chinese}，数据截至{merge.Period.ChineseEnd}{(definition.Cumulative ? "，为自专项行动开始以来的累计数" : "")}"],
            ["专项行动时间", $"{window.Start:yyyy-MM-dd}至{window.End:yyyy-MM-dd}，共 {window.Days} 天"],
            ["时序进度", $"{style(merge.TimeProgress)}：自{window.Start:yyyy-MM-dd}至报告期末（{merge.Period.LastDay:yyyy-MM-dd}）的天数 ÷ 专项行动总天数（首尾两天都计入），最高100%"],
            ["年度时序进度", $"{style(merge.YearProgress)}：自{merge.Period.Year}年1月1日至报告期末的天数 ÷ 全年天数，用于年度任务"],
            ["报送截止时间", submissions.Deadline is { } due ? $"{TimeZoneInfo.ConvertTime(due, zone):yyyy-MM-dd HH:mm}" : "未设定"],
            ["数据来源", $"各单位报送的报表文件（按模板中的名称读取填报单元格），每个文件的名称、SHA-256 和收到时间见“{SubmissionSheet.Name}”，发现的问题见“{DiagnosticsSheet.Name}”"],
            ["生成时间", $"{TimeZoneInfo.ConvertTime(now, zone):yyyy-MM-dd HH:mm:ss}"],
            ["汇总口径", "合计行的金额、人数等为各单位之和（SUM 公式）；比率为合计数之比（如 Σ已落实到项目的资金 ÷ Σ投入财政衔接资金），不是各单位比率的平均数；分母为 0 的比率显示为“—”"],
            ["颜色", "浅红：低于时序进度（进度滞后）；绿色：该项排名第一；灰色：未报送或被退回、未参加汇总的单位"],
            ["公式", "合计行和各单位的比率均为 Excel 公式，已计算并保存结果；修改数据后 Excel、WPS 会自动重算"],
        ];        double[] widths = [16, 22, 22, 44, 44, 22];
        var sheet = book.Add(name, widths.Select((w, i) => (Column: i + 1, Width: w)).ToDictionary(w => w.Column, w => w.Width), frozenRows: 0, frozenColumns: 0);
        WorkbookStyle.Title(book, sheet, title, "本表说明各工作表的内容、指标的计算方法和数据来源。", 6);
        var label = book.Style(WorkbookStyle.Cell with { Bold = true, Wrap = true, Middle = true });
        var text = book.Style(WorkbookStyle.Cell with { Wrap = true, Middle = true });
        var cell = book.Style(WorkbookStyle.Cell);
        var row = 3;
        foreach (var fact in facts)
        {
            sheet.Row(row, ColumnWidths.RowHeight([(fact[1], widths[1..].Sum())]));
            sheet.Text(1, fact[0], label);
            sheet.Text(2, fact[1], text);
            for (var c = 3; c <= 6; c++)
            {
                sheet.Blank(c, cell);
            }
            sheet.Merges.Add((row, 2, row, 6));
            row++;
        }

        row++;
        var headerRow = row;
        WorkbookStyle.Headers(book, sheet, headerRow, ["任务", "指标", "代码", "计算公式", "含义", "比较基准"]);
        row++;
        foreach (var section in definition.Sections)
        {
            foreach (var indicator in section.Indicators)
            {
                string[] values = [section.Heading, indicator.Label, indicator.Code, Formula(definition, indicator), Meaning(definition, indicator), Comparison(merge, indicator)];
                sheet.Row(row, ColumnWidths.RowHeight(values.Select((v, i) => ((string?)v, widths[i]))));
                for (var i = 0; i < values.Length; i++)
                {
                    sheet.Text(i + 1, values[i], text);
                }
                row++;
            }
        }
        sheet.Print = WorkbookStyle.PageSetup(title, headerRow, headerRow);
    }


    private static string Label(ReturnDefinition definition, string code) => definition.FindField(code)?.Label ?? code;

    private static string Formula(ReturnDefinition definition, IndicatorDefinition indicator)
    {
        var numerator = string.Join(" + ", indicator.Numerator.Select(c => "Σ" + Label(definition, c)));
        if (!indicator.IsRate)
        {
            return numerator;
        }
        var denominator = string.Join(" + ", indicator.Denominator.Select(c => "Σ" + Label(definition, c)));
        return indicator.Numerator.Count > 1 ? $"（{numerator}）÷ {denominator}" : $"{numerator} ÷ {denominator}";
    }

    private static string Meaning(ReturnDefinition definition, IndicatorDefinition indicator)
    {
        var numerator = string.Join("、", indicator.Numerator.Select(c => Label(definition, c)));
        var denominator = string.Join("、", indicator.Denominator.Select(c => Label(definition, c)));
        return (indicator.IsRate, indicator.Style) switch
        {
            (false, _) => $"{numerator}之和（{indicator.Unit}）",
            (true, IndicatorStyle.Amount) => $"平均每{definition.FindField(indicator.Denominator[0])?.Unit}的{numerator}（{indicator.Unit}）",
            (true, IndicatorStyle.Yoy) => $"{numerator}相当于{denominator}的百分比，超过100%为较上年度增长",
            _ => $"{numerator}占{denominator}的百分比",
        };
    }

    private static string Comparison(MergeResult merge, IndicatorDefinition indicator) => merge.ProgressFor(indicator) switch
    {
        null => "—",
        { } progress => $"{(indicator.Progress ?? ProgressBasis.Campaign).Label()} {NumberStyle.Completion(progress)}，低于即为进度滞后",
    };
}
