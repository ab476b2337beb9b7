using System.Text;

namespace Reports.Outputs.Receipts;

/// <summary>County text as a receipt cell or comment may hold it: characters XML cannot carry dropped, and cut to what Excel keeps in a cell.</summary>
internal static class ReceiptText
{
    /// <summary>Excel's limit on the characters of one cell (and of a comment).</summary>
    public const int MaxLength = 32767;

    public static string Safe(string text)
    {
        var clean = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsXmlChar(rune.Value))
            {
                continue;
            }
            if (clean.Length + rune.Utf16SequenceLength > MaxLength - 1)
            {
                clean.Append('…');
                break;
            }
            clean.Append(rune.ToString());
        }
        return clean.ToString();
    }

    private static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD or >= 0x20 and <= 0xD7FF or >= 0xE000 and <= 0xFFFD or >= 0x10000 and <= 0x10FFFF;
}
