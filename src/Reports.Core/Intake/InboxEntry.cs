namespace Reports.Intake;

/// <summary>
/// One entry of an inbox: a file, and the unit whose subfolder it lies in (null at the inbox's top level). A file whose
/// name is not UTF-8 (GBK from a zip made on Chinese Windows) has its <see cref="Path"/> as shown (<see cref="NativeNames"/>)
/// and is opened by <see cref="NativePath"/>, the path's bytes as the file system holds them.
/// </summary>
public sealed record InboxEntry(string Path, string? Sender)
{
    /// <summary>The path's bytes, NUL-terminated, where its name is not UTF-8 (null otherwise).</summary>
    public byte[]? NativePath { get; init; }

    /// <summary>Uploaded through the reception desk with <see cref="Sender"/>'s code (not laid in its folder): a file of another unit is told so.</summary>
    public bool ByDesk { get; init; }
}
