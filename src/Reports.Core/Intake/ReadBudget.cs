namespace Reports.Intake;

/// <summary>
/// How many bytes of county files the whole process reads and parses at once, whatever the number of cores or of
/// intakes running side by side: a reader takes its file's size (what it holds: the bytes, which it reads whole) plus
/// what reading any part costs at most (the reader's buffers, bounded by <see cref="Xlsx.XlsxLimits.MaxMarkupBytes"/>
/// and <see cref="Xlsx.XlsxLimits.MaxDepth"/>) before it opens the file, and gives it back when done. Returns of tens
/// of KB never wait (64 read at once); a 63 MB file waits until the others leave it room. One reader alone always
/// proceeds, whatever it weighs, so nothing waits forever.
/// </summary>
public static class ReadBudget
{
    /// <summary>The bytes all readers of the process hold at most (one reader alone may exceed it by its own weight).</summary>
    public const long TotalBytes = 512L << 20;

    /// <summary>What reading any one file costs beside its bytes.</summary>
    public const long PerFileBytes = 8L << 20;

    private static readonly object Gate = new(); // Monitor.Wait needs an object, not a Lock
    private static long _inUse;
    private static int _readers;

    /// <summary>Waits until <paramref name="fileBytes"/> (and the per-file cost) fit in the budget, then holds them until disposed.</summary>
    public static Lease Acquire(long fileBytes)
    {
        var weight = Math.Max(0, fileBytes) + PerFileBytes;
        lock (Gate)
        {
            while (_readers > 0 && _inUse + weight > TotalBytes)
            {
                Monitor.Wait(Gate);
            }
            _inUse += weight;
            _readers++;
        }
        return new Lease(weight);
    }

    /// <summary>The bytes held now (for tests and measurements).</summary>
    public static long InUse
    {
        get
        {
            lock (Gate)
            {
                return _inUse;
            }
        }
    }

    private static void Release(long weight)
    {
        lock (Gate)
        {
            _inUse -= weight;
            _readers--;
            Monitor.PulseAll(Gate);
        }
    }

    public readonly struct Lease(long weight) : IDisposable
    {
        public void Dispose() => Release(weight);
    }
}
