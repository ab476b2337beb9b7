namespace Reports.Outputs.Briefing;

/// <summary>The office's fixed lines of a briefing (报头), from settings.</summary>
public sealed record BriefingSettings(string MastheadTitle, string IssueLine, string Office);
