using System.Data.Common;
using System.Text.Json;
using Reports.Cli.Settings;
using Reports.Definitions;
using Reports.Outputs.Briefing;
using Reports.Rosters;
using Reports.Runs;

namespace Reports.Cli;

/// <summary>
/// What a verb's failure means to the person who ran it, in Chinese: the office's configuration (exit 2, nothing done),
/// a broken environment (exit 1: a disk, a permission, another run; the stack trace only in run.log), or neither (a bug).
/// </summary>
public static class Failures
{
    /// <summary>A missing or malformed setting, roster, definition, briefing template or value sheet; null when the failure is not one.</summary>
    public static string? Configuration(Exception problem) => problem switch
    {
        SettingsException or DefinitionException or FrequencyRefusedException or RosterException or BriefingTemplateException or FormatException or Pdf.Faces.FontFileException or Ledger.LedgerRefusal => problem.Message,
        // The system's own words are English; ours (a missing inbox, a font) already name the path in Chinese.
        FileNotFoundException missing => IsChinese(missing.Message) ? missing.Message : $"文件不存在：{missing.FileName ?? missing.Message}",
        DirectoryNotFoundException missing => IsChinese(missing.Message) ? missing.Message : $"路径不存在（{missing.Message}）",
        JsonException json => IsChinese(json.Message) ? json.Message : $"JSON 格式错误（{json.Message}）",
        _ => null,
    };

    /// <summary>An output that could not be written, or another failure of the disk or the store; null when the failure is not one.</summary>
    public static string? Environment(Exception problem) => problem switch
    {
        // Receipts are written in parallel: the first failure inside says what went wrong.
        AggregateException many => many.Flatten().InnerExceptions.Select(Environment).FirstOrDefault(m => m is not null),
        OutputException output => output.Message,
        Store.StoreException store => store.Message,
        IOException or UnauthorizedAccessException => $"读写文件失败：{problem.Message}",
        DbException store => $"存储库读写失败：{store.Message}",
        _ => null,
    };

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
