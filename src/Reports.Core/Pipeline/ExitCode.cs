namespace Reports.Pipeline;

/// <summary>What the process tells its caller (scripts and schedulers key on these).</summary>
public enum ExitCode
{
    /// <summary>Every roster unit was accepted and every output written.</summary>
    Success = 0,
    /// <summary>Something unexpected failed (a bug or a broken environment).</summary>
    Failure = 1,
    /// <summary>The command line or a setting is wrong; nothing was done.</summary>
    UsageError = 2,
    /// <summary>Outputs were written, but some roster units are missing or rejected.</summary>
    Incomplete = 3,
}
