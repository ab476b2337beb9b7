using Reports.Rosters;

namespace Reports.Intake;

/// <summary>
/// Shares an inbox among the returns of one run: each workbook goes to the return its template says it is
/// (meta_return); anything else — another return, an unreadable file, a stray document, a link or FIFO — goes to the
/// first return, whose intake reports it once. With one return every entry is its own, as ever, and nothing is read here.
/// </summary>
public static class InboxShare
{
    public static IReadOnlyList<IReadOnlyList<InboxEntry>> Split(string inbox, Roster roster, IReadOnlyList<string> returnCodes, long maxBytes)
    {
        var entries = InboxReader.List(inbox, roster);
        if (returnCodes.Count == 1)
        {
            return [entries];
        }
        // Read as intake reads (no link followed, no FIFO opened, the size capped) and only to learn the return:
        // the bytes are dropped at once, so a large inbox is never held in memory twice.
        var targets = entries
            .AsParallel()
            .AsOrdered()
            .Select(entry => InboxReader.Read(entry, maxBytes).Bytes is { } bytes && ReturnFileReader.Peek(bytes) is { } identity
                ? IndexOf(returnCodes, identity.Return)
                : -1)
            .ToList();
        var shares = returnCodes.Select(_ => new List<InboxEntry>()).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            shares[Math.Max(targets[i], 0)].Add(entries[i]);
        }
        return shares;
    }

    private static int IndexOf(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] == code)
            {
                return i;
            }
        }
        return -1;
    }
}
