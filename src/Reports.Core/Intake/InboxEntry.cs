namespace Reports.Intake;

/// <summary>One entry of an inbox: a file, and the unit whose subfolder it lies in (null at the inbox's top level).</summary>
public sealed record InboxEntry(string Path, string? Sender)
{
    /// <summary>Uploaded through the reception desk with <see cref="Sender"/>'s code (not laid in its folder): a file of another unit is told so.</summary>
    public bool ByDesk { get; init; }
}
