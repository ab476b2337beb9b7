namespace Reports.Intake;

/// <summary>
/// Shares an inbox among the returns of one run: each workbook goes to the return its template says it is
/// (meta_return); anything else — another return, an unreadable file, a stray document — goes to the first
/// return, whose intake reports it once. With one return every file is its own, as ever.
/// </summary>
public static class InboxShare
{
    public static IReadOnlyList<IReadOnlyList<InboxEntry>> Split(string inbox, IReadOnlyList<string> returnCodes)
    {
        var files = InboxReader.List(inbox, null);
        if (returnCodes.Count == 1)
        {
            return [files];
        }
        var shares = returnCodes.Select(_ => new List<InboxEntry>()).ToList();
        foreach (var file in files)
        {
            var index = ReturnFileReader.Peek(file.Path) is { } identity ? IndexOf(returnCodes, identity.Return) : -1;
            shares[Math.Max(index, 0)].Add(file);
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
