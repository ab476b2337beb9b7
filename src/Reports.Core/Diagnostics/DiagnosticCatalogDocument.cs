using System.Text;

namespace Reports.Diagnostics;

/// <summary>Renders the catalogue as docs/diagnostics.md, the one page a clerk or the office looks a code up in.</summary>
public static class DiagnosticCatalogDocument
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("# 数据核查代码表（Diagnostics）\n\n");
        text.Append("本文件由 `DiagnosticCatalog` 生成，请勿手工修改（测试 `DiagnosticCatalogTests` 保证两者一致；\n");
        text.Append("更新方法：`REPORTS_UPDATE_DOCS=1 dotnet test --filter DiagnosticCatalogTests`）。\n\n");
        text.Append("每条核查结果都有固定的代码、级别、中文说明和位置（文件、工作表、单元格、字段），在控制台上显示为\n");
        text.Append("`文件名[工作表!单元格]: 错误 RPT040: 说明 (字段)`，并写入 intake.json、汇总表的“数据核查”表和回执。\n\n");
        text.Append("级别：**错误**——报表退回，不参与汇总；**提醒**——已读取并参与汇总，请核对；**记录**——仅记入报送历史。\n");
        foreach (var (heading, codes) in DiagnosticCatalog.Groups)
        {
            text.Append("\n## ").Append(heading).Append("\n\n");
            text.Append("| 代码 | 级别 | 说明 | 填报人应怎么做 |\n|---|---|---|---|\n");
            foreach (var code in codes)
            {
                text.Append("| ").Append(code.Code)
                    .Append(" | ").Append(SeverityName(code.Severity))
                    .Append(" | ").Append(code.Title)
                    .Append(" | ").Append(code.Advice.Replace("|", "\\|", StringComparison.Ordinal))
                    .Append(" |\n");
            }
        }
        return text.ToString();
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "错误",
        DiagnosticSeverity.Warning => "提醒",
        _ => "记录",
    };
}
