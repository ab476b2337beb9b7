namespace Reports.Cli.Settings;

/// <summary>
/// Every setting the program reads, by its full key. README.md's settings reference lists exactly these
/// (a test keeps the two in step), and appsettings.json may hold no other.
/// </summary>
public static class SettingKeys
{
    public const string Window = "Reports:Window";
    public const string Deadline = "Reports:Deadline";
    public const string DeadlineAfterWeek = "Reports:DeadlineAfter:Week";
    public const string DeadlineAfterDekad = "Reports:DeadlineAfter:Dekad";
    public const string DeadlineAfterMonth = "Reports:DeadlineAfter:Month";
    public const string DeadlineAfterQuarter = "Reports:DeadlineAfter:Quarter";
    public const string DeadlineAfterHalf = "Reports:DeadlineAfter:Half";
    public const string DeadlineAfterYear = "Reports:DeadlineAfter:Year";
    public const string Templates = "Reports:Templates";
    public const string Font = "Reports:Font";
    public const string FontFaceIndex = "Reports:FontFaceIndex";
    public const string Roster = "Reports:Roster";
    public const string Store = "Reports:Store";
    public const string Out = "Reports:Out";
    public const string EarlierRuns = "Reports:EarlierRuns";
    public const string Receipts = "Reports:Receipts";
    public const string MastheadTitle = "Reports:Briefing:MastheadTitle";
    public const string IssueLine = "Reports:Briefing:IssueLine";
    public const string Office = "Reports:Briefing:Office";
    public const string IssueDate = "Reports:Briefing:IssueDate";
    public const string Notes = "Reports:Briefing:Notes";
    public const string ReportTo = "Reports:Briefing:ReportTo";
    public const string SendTo = "Reports:Briefing:SendTo";
    public const string CopyTo = "Reports:Briefing:CopyTo";
    public const string Copies = "Reports:Briefing:Copies";
    public const string BodyFont = "Reports:Briefing:BodyFont";
    public const string BodyFontFaceIndex = "Reports:Briefing:BodyFontFaceIndex";
    public const string HeadingFont = "Reports:Briefing:HeadingFont";
    public const string HeadingFontFaceIndex = "Reports:Briefing:HeadingFontFaceIndex";
    public const string TitleFont = "Reports:Briefing:TitleFont";
    public const string SubheadingFont = "Reports:Briefing:SubheadingFont";
    public const string PageNumberFont = "Reports:Briefing:PageNumberFont";
    public const string FullTablesUpTo = "Reports:Briefing:FullTablesUpTo";
    public const string LaggingListed = "Reports:Briefing:LaggingListed";
    public const string FilledBy = "Reports:Submission:FilledBy";
    public const string Phone = "Reports:Submission:Phone";
    public const string OutlierScore = "Reports:Quality:OutlierScore";
    public const string OutlierFactor = "Reports:Quality:OutlierFactor";
    public const string JumpFactor = "Reports:Quality:JumpFactor";
    public const string SampleReturn = "Reports:Sample:Return";
    public const string SamplePeriod = "Reports:Sample:Period";
    public const string SampleRoster = "Reports:Sample:Roster";
    public const string SampleInbox = "Reports:Sample:Inbox";
    public const string SamplePrefill = "Reports:Sample:Prefill";
    public const string SampleOut = "Reports:Sample:Out";
    public const string DeskUrls = "Reports:Desk:Urls";
    public const string DeskAllowHttp = "Reports:Desk:AllowHttp";
    public const string DeskCertificate = "Reports:Desk:Certificate";
    public const string DeskCertificatePassword = "Reports:Desk:CertificatePassword";

    public static IReadOnlyList<string> All { get; } =
    [
        Window, Deadline, DeadlineAfterWeek, DeadlineAfterDekad, DeadlineAfterMonth, DeadlineAfterQuarter, DeadlineAfterHalf, DeadlineAfterYear, Templates, Font, FontFaceIndex, Roster, Store, Out, EarlierRuns, Receipts,
        MastheadTitle, IssueLine, Office, IssueDate, Notes, ReportTo, SendTo, CopyTo, Copies,
        BodyFont, BodyFontFaceIndex, HeadingFont, HeadingFontFaceIndex, TitleFont, SubheadingFont, PageNumberFont,
        FullTablesUpTo, LaggingListed, FilledBy, Phone,
        OutlierScore, OutlierFactor, JumpFactor,
        SampleReturn, SamplePeriod, SampleRoster, SampleInbox, SamplePrefill, SampleOut,
        DeskUrls, DeskAllowHttp, DeskCertificate, DeskCertificatePassword,
    ];

    /// <summary>
    /// The settings that name a file or folder. Given on the command line they are relative to the current folder, as
    /// every command's paths are; in a settings file they stay relative to the program's home (the folder holding
    /// templates/), so a shared appsettings.json means the same wherever the office runs it.
    /// </summary>
    public static IReadOnlySet<string> Paths { get; } = new HashSet<string>(
        [Templates, Font, Roster, Store, Out, Notes, BodyFont, HeadingFont, SampleRoster, SampleInbox, SamplePrefill, SampleOut, DeskCertificate],
        StringComparer.OrdinalIgnoreCase);
}
