using System.IO.Compression;
using System.Text;
using Reports.Intake.Xlsx;
using Reports.Tests.Corpus;
using Reports.Tests.Support;

namespace Reports.Tests.Intake.Xlsx;

/// <summary>
/// A part stored without compression (ratio 1: no zip-bomb check fires) can still cost the reader gigabytes: nine
/// million nested elements, ten million attributes on one element, one 60 MB text. Each is refused as soon as it is
/// seen, and what the reader allocated on the way stays small.
/// </summary>
public sealed class XmlBoundsTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>A good return whose sheet part is stored (not deflated) with <paramref name="before"/> inserted ahead of its cells.</summary>
    public static byte[] StoredSheetWith(string before, string unitCode = "140426")
    {
        var parts = ZipParts.Read(HostileCorpus.Good(unitCode));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                var sheet = name == "xl/worksheets/sheet1.xml";
                var entry = zip.CreateEntry(name, sheet ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(sheet ? Utf8.GetBytes(Utf8.GetString(content).Replace("<sheetData>", before + "<sheetData>", StringComparison.Ordinal)) : content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Blocks nested exactly <paramref name="depth"/> deep below the worksheet, repeated up to about <paramref name="bytes"/>.</summary>
    public static string NestedBlocks(int depth, int bytes)
    {
        var block = string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth));
        var text = new StringBuilder(bytes + block.Length);
        while (text.Length < bytes)
        {
            text.Append(block);
        }
        return text.ToString();
    }

    private static (XlsxProblem? Problem, long Allocated) ReadMeta(byte[] file)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var workbook = XlsxWorkbook.Open(new MemoryStream(file), null, out var problem);
        if (workbook is not null)
        {
            var name = workbook.DefinedNames["meta_unit"];
            workbook.ReadCell(name.Sheet!, name.Cell!, out problem);
        }
        return (problem, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Nine_million_nested_elements_are_refused_at_the_first_level_too_deep()
    {
        // 60 MB of "<x>": some twenty million levels, stored, under every size cap.
        var file = StoredSheetWith(string.Concat(Enumerable.Repeat("<x>", 20_000_000)));
        var (problem, allocated) = ReadMeta(file);
        Assert.Equal(XlsxProblemKind.XmlBeyondBounds, problem?.Kind);
        Assert.Contains("嵌套超过 64 层", problem!.Detail, StringComparison.Ordinal);
        Assert.True(allocated < 64L << 20, $"reading it allocated {allocated >> 20} MB");
    }

    [Fact]
    public void Nesting_at_the_depth_limit_is_read()
    {
        // The worksheet is level 0: blocks of 64 levels reach exactly the limit.
        var (problem, _) = ReadMeta(StoredSheetWith(NestedBlocks(64, 100_000)));
        Assert.Null(problem);
        var (deeper, _) = ReadMeta(StoredSheetWith(NestedBlocks(65, 100_000)));
        Assert.Equal(XlsxProblemKind.XmlBeyondBounds, deeper?.Kind);
    }

    [Fact]
    public void One_element_with_millions_of_attributes_is_refused_before_the_reader_holds_them()
    {
        var attributes = new StringBuilder("<x");
        for (var i = 0; attributes.Length < 30_000_000; i++)
        {
            attributes.Append(" a").Append(i).Append("=\"\"");
        }
        var (problem, allocated) = ReadMeta(StoredSheetWith(attributes.Append("/>").ToString()));
        Assert.Equal(XlsxProblemKind.XmlBeyondBounds, problem?.Kind);
        Assert.Contains("标记", problem!.Detail, StringComparison.Ordinal);
        Assert.True(allocated < 64L << 20, $"reading it allocated {allocated >> 20} MB");
    }

    [Fact]
    public void One_text_of_sixty_megabytes_is_refused_and_a_quoted_angle_bracket_is_no_tag_end()
    {
        var (problem, allocated) = ReadMeta(StoredSheetWith("<x>" + new string('字', 20_000_000) + "</x>"));
        Assert.Equal(XlsxProblemKind.XmlBeyondBounds, problem?.Kind);
        Assert.Contains("一段文字", problem!.Detail, StringComparison.Ordinal);
        Assert.True(allocated < 64L << 20, $"reading it allocated {allocated >> 20} MB");

        // '>' inside an attribute value does not end the tag: the count goes on.
        var quoted = "<x" + string.Concat(Enumerable.Repeat(" a=\">\"", 1)) + string.Concat(Enumerable.Range(0, 200_000).Select(i => $" b{i}=\">\"")) + "/>";
        Assert.Equal(XlsxProblemKind.XmlBeyondBounds, ReadMeta(StoredSheetWith(quoted)).Problem?.Kind);
    }

    [Fact]
    public void A_long_but_ordinary_text_and_a_comment_are_read()
    {
        var (problem, _) = ReadMeta(StoredSheetWith("<!-- \" ' > < -->" + "<x>" + new string('字', 30_000) + "</x>"));
        Assert.Null(problem);
    }
}
