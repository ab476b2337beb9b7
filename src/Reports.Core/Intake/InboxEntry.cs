namespace Reports.Intake;

/// <summary>One entry of an inbox: a file, and the unit whose subfolder it lies in (null at the inbox's top level).</summary>
public sealed record InboxEntry(string Path, string? Sender);
