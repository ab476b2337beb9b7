namespace Reports.Intake;

/// <summary>What a workbook says it is, from its meta_* defined names.</summary>
public sealed record ReturnIdentity(string Return, string Version, string Unit, string Period);
