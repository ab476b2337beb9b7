namespace Reports.Intake;

/// <summary>What an inbox entry is in itself, as the file system reports it without following a link.</summary>
public enum FileKind
{
    /// <summary>Not there (any more), or its status could not be read.</summary>
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    /// <summary>A kind this program does not know (a BSD whiteout, a door …): never read.</summary>
    Other,
}
