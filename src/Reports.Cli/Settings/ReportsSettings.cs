using Reports.Analysis;
using Reports.Outputs.Briefing;
using Reports.Outputs.Receipts;
using Reports.Pdf;
using Reports.Pdf.Faces;
using Reports.Periods;

namespace Reports.Cli.Settings;

/// <summary>
/// The typed settings, read from the configuration layers (<see cref="SettingsLayers"/>) and checked as a whole before
/// any work: a bad value stops the program naming the key, the value and where it came from. Relative paths are
/// resolved against the project home: the first folder, from the working folder or the program's folder upwards,
/// that holds templates/returns.
/// </summary>
public sealed record ReportsSettings(
    string Home,
    CampaignWindow Window,
    string TemplatesDirectory,
    PdfFontFile Font,
    BriefingSettings Briefing,
    /// <summary>Per role, the face settings name (a font file or an installed family); roles not named are looked up.</summary>
    IReadOnlyDictionary<PdfFontRole, FaceSetting> Faces,
    SubmissionSettings Submission,
    /// <summary>When returns are due, in the office's local time; null when not set.</summary>
    DateTime? Deadline,
    SampleSettings Sample,
    string Roster,
    string Store,
    OutputSettings Output,
    QualityThresholds Quality,
    ReceiptScope Receipts)
{
    /// <summary>The reception desk's (<c>reports serve</c>): where it listens, whether plain HTTP off loopback is allowed, its certificate.</summary>
    public DeskSettings Desk { get; init; } = DeskSettings.Default;

    /// <summary>
    /// Per frequency, when its returns are due as an offset from the period's end (the midnight after its last day:
    /// "12:00" for a week is the Monday noon after it); <see cref="Deadline"/>, when set, wins for the one period run.
    /// </summary>
    public IReadOnlyDictionary<Frequency, TimeSpan> DeadlineAfter { get; init; } = new Dictionary<Frequency, TimeSpan>();

    /// <summary>When the returns of <paramref name="period"/> are due, in the office's local time; null when no setting says.</summary>
    public DateTime? DeadlineFor(ReportingPeriod period) =>
        Deadline ?? (DeadlineAfter.TryGetValue(period.Frequency, out var after) ? period.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue) + after : null);

    public static ReportsSettings Load() => Load(CommandLineSettings.Empty);

    public static ReportsSettings Load(CommandLineSettings commandLine)
    {
        var home = FindHome();
        var layers = SettingsLayers.Build(commandLine);
        string Path(string key, string fallback) => Resolve(home, layers.Text(key, fallback));

        var window = layers.Parsed(SettingKeys.Window, t => CampaignWindow.TryParse(t, out var w) ? w : (CampaignWindow?)null, " yyyy-MM-dd:yyyy-MM-dd")
                     ?? throw layers.Invalid(SettingKeys.Window, layers[SettingKeys.Window], " yyyy-MM-dd:yyyy-MM-dd");
        var deadline = layers.Parsed(SettingKeys.Deadline, ParseDeadline, " yyyy-MM-dd 或 yyyy-MM-dd HH:mm，或留空");
        var issueDate = layers.Parsed(SettingKeys.IssueDate, ParseDate, " 1990-01-01 至 2099-12-31 之间的日期 yyyy-MM-dd，或留空（取报告期最后一天）");
        var copies = layers.OptionalText(SettingKeys.Copies) is null ? (int?)null : layers.NonNegativeInteger(SettingKeys.Copies, 0);
        var earlier = layers.Text(SettingKeys.EarlierRuns, "overwrite").ToLowerInvariant() switch
        {
            "overwrite" => EarlierRuns.Overwrite,
            "keep" => EarlierRuns.Keep,
            _ => throw layers.Invalid(SettingKeys.EarlierRuns, layers[SettingKeys.EarlierRuns], " overwrite（覆盖）或 keep（保留到 earlier/ 下）"),
        };
        var receipts = layers.Text(SettingKeys.Receipts, "all").ToLowerInvariant() switch
        {
            "all" => ReceiptScope.All,
            "findings" => ReceiptScope.Findings,
            "none" => ReceiptScope.None,
            _ => throw layers.Invalid(SettingKeys.Receipts, layers[SettingKeys.Receipts], " all（每个文件）、findings（只给有错误或提醒的文件）或 none"),
        };
        var samplePeriod = layers.Text(SettingKeys.SamplePeriod, "2022-06");
        if (!ReportingPeriod.TryParse(samplePeriod, out _))
        {
            throw layers.Invalid(SettingKeys.SamplePeriod, samplePeriod, " 年月，如 2022-06（也可写 2022年6月）");
        }
        var office = layers.Text(SettingKeys.Office, "");
        var notes = Notes(layers, home);
        decimal? Positive(string text) =>
            decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
        var quality = new QualityThresholds(
            OutlierScore: layers.Parsed(SettingKeys.OutlierScore, Positive, " 大于 0 的数，如 3.5") ?? QualityThresholds.Default.OutlierScore,
            OutlierFactor: layers.Parsed(SettingKeys.OutlierFactor, Positive, " 大于 0 的数，如 3") ?? QualityThresholds.Default.OutlierFactor,
            JumpFactor: layers.Parsed(SettingKeys.JumpFactor, Positive, " 大于 0 的数，如 3") ?? QualityThresholds.Default.JumpFactor);
        return new ReportsSettings(
            home,
            window,
            Path(SettingKeys.Templates, "templates"),
            new PdfFontFile(Path(SettingKeys.Font, "fonts/wqy-microhei.ttc"), layers.NonNegativeInteger(SettingKeys.FontFaceIndex, 0)),
            new BriefingSettings(
                layers.Text(SettingKeys.MastheadTitle, "工作简报"),
                layers.Text(SettingKeys.IssueLine, ""),
                office,
                issueDate,
                new BriefingDistribution(layers.OptionalText(SettingKeys.ReportTo), layers.OptionalText(SettingKeys.SendTo), layers.OptionalText(SettingKeys.CopyTo), copies),
                layers.NonNegativeInteger(SettingKeys.FullTablesUpTo, BriefingSettings.DefaultFullTablesUpTo),
                layers.NonNegativeInteger(SettingKeys.LaggingListed, BriefingSettings.DefaultLaggingListed)) { Notes = notes },
            FaceSettings(home, layers),
            new SubmissionSettings(layers.Text(SettingKeys.FilledBy, office), layers.Text(SettingKeys.Phone, "")),
            deadline,
            new SampleSettings(
                layers.Text(SettingKeys.SampleReturn, "campaign-5plus1"),
                samplePeriod,
                Path(SettingKeys.SampleRoster, "seeds/changzhi-roster.json"),
                Path(SettingKeys.SampleInbox, "seeds/campaign-5plus1/2022-06"),
                layers.OptionalText(SettingKeys.SamplePrefill) is { } prefill ? Resolve(home, prefill) : null,
                // The sample's outputs land under the working folder, where the person who ran it looks.
                System.IO.Path.GetFullPath(layers.Text(SettingKeys.SampleOut, "out"))),
            Path(SettingKeys.Roster, layers.Text(SettingKeys.SampleRoster, "seeds/changzhi-roster.json")),
            Path(SettingKeys.Store, "out/store/reports.db"),
            new OutputSettings(System.IO.Path.GetFullPath(layers.Text(SettingKeys.Out, "out")), earlier),
            quality,
            receipts)
        {
            Desk = new DeskSettings(
                layers.Text(SettingKeys.DeskUrls, DeskSettings.Default.Urls),
                layers.Text(SettingKeys.DeskAllowHttp, "false").Trim().ToLowerInvariant() switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw layers.Invalid(SettingKeys.DeskAllowHttp, layers[SettingKeys.DeskAllowHttp], " true 或 false"),
                },
                layers.OptionalText(SettingKeys.DeskCertificate) is { } certificate ? Resolve(home, certificate) : null,
                layers.OptionalText(SettingKeys.DeskCertificatePassword)),
            DeadlineAfter = DeadlinesAfter(layers),
        };
    }

    /// <summary>
    /// The office's own sections of the briefing (Reports:Briefing:Notes, <c>--notes</c>), read and checked here, before any
    /// work: a notes file that is missing, unreadable, not UTF-8 or malformed stops the program (exit 2) naming it.
    /// </summary>
    private static BriefingNotes Notes(SettingsLayers layers, string home)
    {
        if (layers.OptionalText(SettingKeys.Notes) is not { } value)
        {
            return BriefingNotes.Empty;
        }
        try
        {
            return BriefingNotesFile.Load(Resolve(home, value));
        }
        catch (BriefingNotesException e)
        {
            throw new SettingsException($"设置 {SettingKeys.Notes}：{e.Message}（来自{layers.SourceOf(SettingKeys.Notes)}）");
        }
    }

    /// <summary>Reports:DeadlineAfter:Week … Year: "12:00" or "5.18:00" (days.hours:minutes), up to 366 days.</summary>
    private static Dictionary<Frequency, TimeSpan> DeadlinesAfter(SettingsLayers layers)
    {
        var offsets = new Dictionary<Frequency, TimeSpan>();
        foreach (var (frequency, key) in new[]
                 {
                     (Frequency.Week, SettingKeys.DeadlineAfterWeek), (Frequency.Dekad, SettingKeys.DeadlineAfterDekad),
                     (Frequency.Month, SettingKeys.DeadlineAfterMonth), (Frequency.Quarter, SettingKeys.DeadlineAfterQuarter),
                     (Frequency.Half, SettingKeys.DeadlineAfterHalf), (Frequency.Year, SettingKeys.DeadlineAfterYear),
                 })
        {
            if (layers.Parsed(key, ParseOffset, " 报告期结束后的时长：时:分（如 12:00，即次日12时）或 天.时:分（如 5.18:00），或留空") is { } offset)
            {
                offsets[frequency] = offset;
            }
        }
        return offsets;
    }

    private static TimeSpan? ParseOffset(string text) =>
        TimeSpan.TryParseExact(text.Trim(), [@"h\:mm", @"hh\:mm", @"d\.h\:mm", @"d\.hh\:mm"], System.Globalization.CultureInfo.InvariantCulture, out var offset)
        && offset >= TimeSpan.Zero && offset <= TimeSpan.FromDays(366) ? offset : null;

    /// <summary>"2022-07-05 18:00", or "2022-07-05" meaning the end of that day.</summary>
    public static DateTime? ParseDeadline(string text)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var styles = System.Globalization.DateTimeStyles.None;
        var parsed = DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd HH:mm", invariant, styles, out var moment) ? moment
            : DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", invariant, styles, out var day) ? day.AddDays(1).AddTicks(-1) : (DateTime?)null;
        return parsed is { } due && DateOnly.FromDateTime(due) >= Earliest && DateOnly.FromDateTime(due) <= Latest ? due : null;
    }

    /// <summary>Dates an office's settings can mean: 0001-01-01 parses, but no briefing is issued then.</summary>
    private static readonly DateOnly Earliest = new(1990, 1, 1), Latest = new(2099, 12, 31);

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
        && date >= Earliest && date <= Latest ? date : null;

    /// <summary>
    /// The faces named per role: a value that looks like a file (a folder in it, or a font's extension) is a path,
    /// resolved against the home and required to exist; anything else is an installed family's name (仿宋_GB2312).
    /// </summary>
    private static Dictionary<PdfFontRole, FaceSetting> FaceSettings(string home, SettingsLayers layers)
    {
        var faces = new Dictionary<PdfFontRole, FaceSetting>();
        foreach (var (role, key, faceKey) in new[]
                 {
                     (PdfFontRole.Body, SettingKeys.BodyFont, SettingKeys.BodyFontFaceIndex),
                     (PdfFontRole.Heading, SettingKeys.HeadingFont, SettingKeys.HeadingFontFaceIndex),
                     (PdfFontRole.Title, SettingKeys.TitleFont, null),
                     (PdfFontRole.Subheading, SettingKeys.SubheadingFont, null),
                     (PdfFontRole.Numerals, SettingKeys.PageNumberFont, null),
                 })
        {
            if (layers.OptionalText(key) is not { } value)
            {
                continue;
            }
            var face = faceKey is null ? 0 : layers.NonNegativeInteger(faceKey, 0);
            var isFile = value.IndexOfAny(['/', '\\']) >= 0
                          || new[] { ".ttf", ".ttc", ".otf" }.Any(e => value.EndsWith(e, StringComparison.OrdinalIgnoreCase));
            faces[role] = new FaceSetting(isFile ? Resolve(home, value) : value.Trim(), face);
        }
        return faces;
    }

    public string Resolve(string path) => Resolve(Home, path);

    private static string Resolve(string home, string path) => System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(home, path));

    private static string FindHome()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(System.IO.Path.Combine(folder.FullName, "templates", "returns")))
                {
                    return folder.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>
/// The reception desk's settings: the URLs it listens on (loopback by default), whether plain HTTP may listen on another
/// address, and the HTTPS certificate (a PKCS#12 file and its password).
/// </summary>
public sealed record DeskSettings(string Urls, bool AllowHttp, string? Certificate, string? CertificatePassword)
{
    public static DeskSettings Default { get; } = new("http://127.0.0.1:5080", false, null, null);
}

/// <summary>What the no-argument run merges: the bundled sample.</summary>
public sealed record SampleSettings(string Return, string Period, string Roster, string Inbox, string? Prefill, string Out);

/// <summary>Where outputs go (a folder per period under <see cref="Root"/>) and what happens to an earlier run's.</summary>
public sealed record OutputSettings(string Root, EarlierRuns EarlierRuns);

/// <summary>What a new run does with the outputs an earlier run left in the period's folder.</summary>
public enum EarlierRuns
{
    /// <summary>Replace them, each file only once its new version is complete.</summary>
    Overwrite,
    /// <summary>First copy them into earlier/yyyyMMdd-HHmmss/ inside the period's folder.</summary>
    Keep,
}
