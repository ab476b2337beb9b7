namespace Reports.Tests.Support;

/// <summary>
/// A fact about Unix file kinds (symbolic links to /etc/passwd and /dev/zero, FIFOs, sockets): skipped on Windows, where
/// those do not exist and creating links needs a privilege.
/// </summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file kinds (symbolic links, FIFOs, devices) only";
        }
    }
}
