using System.Buffers.Binary;
using Reports.Intake;

namespace Reports.Pdf.Faces;

/// <summary>A font setting that cannot serve the briefing: refused before any work (exit 2), naming the file.</summary>
public sealed class FontFileException(string message) : Exception(message);

/// <summary>
/// Every font file the briefing will use is checked when the faces are resolved, before intake or the store: a regular
/// file (a FIFO would hang the run, /dev/zero read gigabytes), of a sensible size, whose first bytes say TrueType,
/// OpenType or a collection, and a face index that the file holds. Only the header is read.
/// </summary>
public static class FontFileCheck
{
    /// <summary>Larger than any CJK collection (Noto Sans CJK's is some 20 MB).</summary>
    public const long MaxBytes = 256L << 20;

    public static void Check(PdfFontFile font, string what)
    {
        ArgumentNullException.ThrowIfNull(font);
        var path = font.Path;
        var status = EntryStatus.Of(path);
        if (status.Kind == FileKind.SymbolicLink)
        {
            // A link to a font is fine: what it points at is what must be a font.
            path = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            status = EntryStatus.Of(path);
        }
        var problem = status.Kind switch
        {
            FileKind.Regular when status.Size > MaxBytes => $"文件有 {status.Size >> 20} MB，不像字体文件（上限 {MaxBytes >> 20} MB）",
            FileKind.Regular when status.Size < 12 => "文件太小，不是字体文件",
            FileKind.Regular => null,
            FileKind.Missing => "文件不存在",
            FileKind.Directory => "这是一个文件夹，不是字体文件",
            FileKind.Fifo => "这是一个命名管道（FIFO），不是字体文件，未打开",
            FileKind.CharacterDevice or FileKind.BlockDevice => "这是一个设备，不是字体文件，未打开",
            _ => "不是普通文件，未打开",
        };
        problem ??= Header(path, font.FaceIndex);
        if (problem is not null)
        {
            throw new FontFileException($"简报字体（{what}）{font.Path}：{problem}");
        }
    }

    private static string? Header(string path, int faceIndex)
    {
        Span<byte> head = stackalloc byte[12];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
            {
                return "文件太小，不是字体文件";
            }
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            return $"无法读取（{failed.Message}）";
        }
        var tag = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (tag == 0x74746366) // "ttcf": a collection
        {
            var faces = BinaryPrimitives.ReadUInt32BigEndian(head[8..]);
            return faceIndex < faces ? null : $"字体集只有 {faces} 个字形（序号 0–{faces - 1}），设置的序号是 {faceIndex}";
        }
        if (tag is 0x00010000 or 0x4F54544F or 0x74727565) // TrueType, "OTTO", "true"
        {
            return faceIndex == 0 ? null : $"这是单个字体（不是字体集），序号只能是 0，设置的是 {faceIndex}";
        }
        return "不是 TrueType 或 OpenType 字体文件（.ttf、.otf、.ttc）";
    }
}
