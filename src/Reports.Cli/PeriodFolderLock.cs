using System.Diagnostics;
using Reports.Runs;

namespace Reports.Cli;

/// <summary>
/// A run's hold on its period folder, for the whole run: <see cref="FileName"/> inside it, opened exclusively
/// (FileShare.None: a lock on Windows, flock on Linux and macOS) and deleted when closed. A second run on the same
/// folder waits for the first to end rather than sweep the files it is writing, and gives up with a Chinese message
/// after a while. The lock is released on Ctrl-C too, through the interruption token. Folders the lock had to create
/// are removed again when the run leaves them empty (a configuration error): a failed start leaves no trace.
/// </summary>
public sealed class PeriodFolderLock : IDisposable
{
    public const string FileName = ".reports.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _held;
    private readonly IReadOnlyList<string> _created;
    private readonly CancellationTokenRegistration _onInterrupt;
    private int _released;

    private PeriodFolderLock(string folder, FileStream held, IReadOnlyList<string> created, CancellationToken interrupted)
    {
        Folder = folder;
        _held = held;
        _created = created;
        _onInterrupt = interrupted.Register(Release);
    }

    public string Folder { get; }

    /// <summary>
    /// Takes the folder (creating it), waiting up to <paramref name="wait"/> for another run to end; <paramref name="waiting"/>
    /// is told once when it has to wait.
    /// </summary>
    public static PeriodFolderLock Acquire(string folder, TimeSpan wait, CancellationToken interrupted, Action? waiting = null)
    {
        var path = Path.Combine(folder, FileName);
        var created = new List<string>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            created.AddRange(CreateFolder(folder));
            try
            {
                var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                return new PeriodFolderLock(folder, held, created, interrupted);
            }
            catch (DirectoryNotFoundException)
            {
                // The run before this one removed the folder it had made and left empty; make it again.
            }
            catch (IOException problem) when (IsHeldElsewhere(problem))
            {
                if (waited.Elapsed >= wait)
                {
                    throw OutputException.Busy(folder, FileName, wait);
                }
                waiting?.Invoke();
                waiting = null;
                interrupted.WaitHandle.WaitOne(Poll);
                interrupted.ThrowIfCancellationRequested();
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                throw OutputException.Writing(path, problem);
            }
        }
    }

    /// <summary>Another process has the file open exclusively: EWOULDBLOCK from flock (11 on Linux, 35 on macOS), a sharing or lock violation on Windows.</summary>
    private static bool IsHeldElsewhere(IOException problem) =>
        problem.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    /// <summary>Creates the folder and returns the folders that did not exist, outermost first.</summary>
    private static List<string> CreateFolder(string folder)
    {
        var missing = new List<string>();
        for (var each = Path.GetFullPath(folder); !Directory.Exists(each) && Path.GetDirectoryName(each) is { } parent; each = parent)
        {
            missing.Insert(0, each);
        }
        OutputFile.CreateFolder(folder);
        return missing;
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _held.Dispose();
        }
    }

    public void Dispose()
    {
        _onInterrupt.Unregister();
        Release();
        foreach (var folder in _created.Reverse())
        {
            try
            {
                if (!Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                // Another run is using it already, or it cannot be removed: an empty folder is harmless.
            }
        }
    }
}
