using System.Globalization;

namespace Reports.Cli.Console;

/// <summary>What a run ends by telling: units accepted / rejected / missing, warnings, the files written and how long it took.</summary>
public sealed record RunSummary(
    string Title,
    int Accepted,
    int Rejected,
    int Missing,
    int Units,
    int Warnings,
    int Errors,
    IReadOnlyList<string> Files,
    TimeSpan Elapsed)
{
    /// <summary>The period's folder the outputs are in; the summary names them from it.</summary>
    public string? Folder { get; init; }

    /// <summary>What the title does not already say: the findings and the time taken.</summary>
    public IEnumerable<(string Label, string Value)> Details(UiText text) =>
    [
        (text.T("错误", "errors"), Errors.ToString(CultureInfo.InvariantCulture)),
        (text.T("提醒", "warnings"), Warnings.ToString(CultureInfo.InvariantCulture)),
        (text.T("用时", "elapsed"), Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"),
    ];

    public static string Size(string file)
    {
        var bytes = File.Exists(file) ? new FileInfo(file).Length : 0;
        return bytes < 1024 ? $"{bytes} B" : bytes < 1024 * 1024
            ? (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB"
            : (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
    }
}
