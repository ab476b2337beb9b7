using System.Diagnostics;
using System.Text;
using Reports.Intake;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>
/// A zip made on Chinese Windows and unpacked on Linux leaves file names in GBK bytes, not UTF-8: such a file is listed,
/// opened and read like any other, and its name shown decoded from GBK (escaped where it is not GBK either).
/// </summary>
public sealed class NativeNameTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    [UnixFact]
    public void A_return_named_in_GBK_bytes_is_read_accepted_and_shown_decoded()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var unit = Samples.Changzhi.Units[0];
        var name = $"{unit.Code}-{unit.Name}-报表.xlsx";
        RenameToBytes(Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code)), Gbk.GetBytes(name));
        // What .NET itself makes of it: a name with U+FFFD that opens nothing.
        var listed = Assert.Single(Directory.GetFiles(inbox));
        Assert.Contains('\uFFFD', listed);
        Assert.False(File.Exists(listed));

        var entry = Assert.Single(InboxReader.List(inbox, Samples.Changzhi));
        Assert.Equal(Path.Combine(inbox, name), entry.Path);
        var result = Assert.Single(new IntakeProcessor(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).ProcessEntries([entry]));
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Equal(unit.Code, result.UnitCode);
        Assert.Equal(name, Path.GetFileName(result.File));
        Assert.Equal(Samples.Value(unit.Code, "emp_total"), result.Submission!.Values["emp_total"]);
    }

    [UnixFact]
    public void A_name_neither_UTF8_nor_GBK_is_read_and_shown_with_its_bytes_escaped()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var unit = Samples.Changzhi.Units[1];
        RenameToBytes(Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code)), [.. Encoding.UTF8.GetBytes($"{unit.Code}-"), 0xFF, 0x80, .. ".xlsx"u8]);

        var entry = Assert.Single(InboxReader.List(inbox, Samples.Changzhi));
        Assert.Equal($"{unit.Code}-\\xff\\x80.xlsx", Path.GetFileName(entry.Path));
        var result = Assert.Single(new IntakeProcessor(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).ProcessEntries([entry]));
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Equal(unit.Code, result.UnitCode);
    }

    [UnixFact]
    public void A_GBK_named_return_in_a_unit_folder_beside_a_UTF8_one_is_read_too()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var units = Samples.Changzhi.Units.Take(2).ToArray();
        Samples.WriteFilled(inbox, units[0], Samples.ValuesOf(units[0].Code));
        var folder = Directory.CreateDirectory(Path.Combine(inbox, units[1].Code)).FullName;
        RenameToBytes(Samples.WriteFilled(folder, units[1], Samples.ValuesOf(units[1].Code)), Gbk.GetBytes("报表.xlsx"));

        var results = new IntakeProcessor(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).ProcessEntries(InboxReader.List(inbox, Samples.Changzhi));
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(IntakeStatus.Accepted, r.Status));
        Assert.Contains(results, r => r.File == Path.Combine(folder, "报表.xlsx") && r.UnitCode == units[1].Code);
    }

    /// <summary>Renames a file to a name given as bytes, as unzip leaves it: bash's printf writes the bytes, so nothing re-encodes them.</summary>
    private static void RenameToBytes(string path, byte[] name)
    {
        var escaped = string.Concat(name.Select(b => $"\\x{b:x2}"));
        using var mv = Process.Start(new ProcessStartInfo("bash", ["-c", "mv -- \"$0\" \"$(dirname -- \"$0\")/$(printf \"$1\")\"", path, escaped]))!;
        mv.WaitForExit();
        Assert.Equal(0, mv.ExitCode);
    }
}
