using System.Text;

namespace Reports.Intake.Xlsx;

/// <summary>What a file is by its first bytes, whatever its name says: a clerk's "报表.xlsx" may be a PDF or a photo.</summary>
public static class FileSignature
{
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    public static bool IsOle2(ReadOnlySpan<byte> head) => head.StartsWith(Ole2Magic);

    private static ReadOnlySpan<byte> Ole2Magic => [0xD0, 0xCF, 0x11, 0xE0];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47];
    private static ReadOnlySpan<byte> SevenZip => [0x37, 0x7A, 0xBC, 0xAF];
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>True for what intake should open as a workbook: a zip (OOXML) or an OLE2 file (.xls, encrypted .xlsx).</summary>
    public static bool LooksLikeWorkbook(ReadOnlySpan<byte> head) => IsZip(head) || IsOle2(head);

    /// <summary>A short Chinese description of a file that is not a workbook, for the clerk's message.</summary>
    public static string Describe(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return "空文件";
        }
        if (head.StartsWith("%PDF"u8))
        {
            return "PDF 文档";
        }
        if (head.StartsWith(Jpeg))
        {
            return "JPEG 图片";
        }
        if (head.StartsWith(Png))
        {
            return "PNG 图片";
        }
        if (head.StartsWith("GIF8"u8))
        {
            return "GIF 图片";
        }
        if (head.StartsWith("Rar!"u8))
        {
            return "RAR 压缩包";
        }
        if (head.StartsWith(SevenZip))
        {
            return "7z 压缩包";
        }
        if (head.StartsWith("{\\rtf"u8))
        {
            return "RTF 文档";
        }
        if (head.StartsWith("PK"u8))
        {
            return "不完整的 zip 文件";
        }
        var text = head.StartsWith(Utf8Bom) ? head[3..] : head;
        if (IsText(text))
        {
            var start = Encoding.UTF8.GetString(text).TrimStart();
            return start.StartsWith('<') ? "网页或 XML 文本" : "文本文件（如 CSV）";
        }
        return "未知格式的文件";
    }

    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                return false;
            }
        }
        // The head may cut a multi-byte character at its end; only the bytes before the last few must decode.
        return Encoding.UTF8.GetCharCount(bytes[..Math.Max(0, bytes.Length - 3)]) >= 0;
    }
}
