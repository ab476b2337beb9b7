using Microsoft.Extensions.Configuration;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Periods;

namespace Reports.Cli;

/// <summary>
/// Settings from appsettings.json (beside the program or in the working folder). Relative paths are resolved
/// against the project home: the first folder, from the working folder or the program's folder upwards, that
/// holds templates/returns.
/// </summary>
public sealed record ReportsSettings(
    string Home,
    CampaignWindow Window,
    string TemplatesDirectory,
    PdfFontFile Font,
    BriefingSettings Briefing,
    SubmissionSettings Submission,
    /// <summary>When returns are due, in the office's local time; null when not set.</summary>
    DateTime? Deadline,
    IConfigurationSection Sample,
    string Roster,
    string Store)
{
    public static ReportsSettings Load()
    {
        var home = FindHome();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .Build()
            .GetSection("Reports");
        var windowText = configuration["Window"];
        if (!CampaignWindow.TryParse(windowText, out var window))
        {
            throw new SettingsException($"设置 Reports:Window 的值“{windowText}”无效，应为 yyyy-MM-dd:yyyy-MM-dd");
        }
        var faceText = configuration["FontFaceIndex"] ?? "0";
        if (!int.TryParse(faceText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var face))
        {
            throw new SettingsException($"设置 Reports:FontFaceIndex 的值“{faceText}”无效，应为非负整数");
        }
        var deadlineText = configuration["Deadline"];
        DateTime? deadline = null;
        if (!string.IsNullOrWhiteSpace(deadlineText))
        {
            deadline = ParseDeadline(deadlineText)
                ?? throw new SettingsException($"设置 Reports:Deadline 的值“{deadlineText}”无效，应为 yyyy-MM-dd 或 yyyy-MM-dd HH:mm");
        }
        var briefing = configuration.GetSection("Briefing");
        return new ReportsSettings(
            home,
            window,
            Resolve(home, configuration["Templates"] ?? "templates"),
            new PdfFontFile(Resolve(home, configuration["Font"] ?? "fonts/wqy-microhei.ttc"), face),
            new BriefingSettings(
                briefing["MastheadTitle"] ?? "工作简报",
                briefing["IssueLine"] ?? "",
                briefing["Office"] ?? "",
                IssueDate(briefing["IssueDate"]),
                new BriefingDistribution(briefing["ReportTo"], briefing["SendTo"], briefing["CopyTo"], Copies(briefing["Copies"])),
                OptionalFont(home, briefing, "BodyFont"),
                OptionalFont(home, briefing, "HeadingFont")),
            new SubmissionSettings(
                configuration["Submission:FilledBy"] ?? briefing["Office"] ?? "",
                configuration["Submission:Phone"] ?? ""),
            deadline,
            configuration.GetSection("Sample"),
            Resolve(home, configuration["Roster"] ?? configuration["Sample:Roster"] ?? "seeds/changzhi-roster.json"),
            Resolve(home, configuration["Store"] ?? "out/store/reports.db"));
    }

    /// <summary>"2022-07-05 18:00", or "2022-07-05" meaning the end of that day.</summary>
    public static DateTime? ParseDeadline(string text)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var styles = System.Globalization.DateTimeStyles.None;
        if (DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd HH:mm", invariant, styles, out var moment))
        {
            return moment;
        }
        return DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", invariant, styles, out var day) ? day.AddDays(1).AddTicks(-1) : null;
    }

    private static DateOnly? IssueDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new SettingsException($"设置 Reports:Briefing:IssueDate 的值“{text}”无效，应为 yyyy-MM-dd，或留空（取报告期最后一天）");
    }

    private static int? Copies(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var copies)
            ? copies
            : throw new SettingsException($"设置 Reports:Briefing:Copies 的值“{text}”无效，应为非负整数");
    }

    /// <summary>Reports:Briefing:BodyFont / HeadingFont (a path) and …FaceIndex; empty means the bundled font.</summary>
    private static PdfFontFile? OptionalFont(string home, IConfigurationSection briefing, string key)
    {
        var path = briefing[key];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        var faceText = briefing[key + "FaceIndex"] ?? "0";
        if (!int.TryParse(faceText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var face))
        {
            throw new SettingsException($"设置 Reports:Briefing:{key}FaceIndex 的值“{faceText}”无效，应为非负整数");
        }
        return new PdfFontFile(Resolve(home, path), face);
    }

    public string Resolve(string path) => Resolve(Home, path);

    private static string Resolve(string home, string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(home, path));

    private static string FindHome()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(Path.Combine(folder.FullName, "templates", "returns")))
                {
                    return folder.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
