using System.Text;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Ledger;
using Reports.Outputs.Receipts;
using Reports.Pipeline.Outputs;
using Reports.Results;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>Every version gets its own receipt, under a name of bounded length that carries its hash and no other file of the run shares.</summary>
public sealed class ReceiptNameTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Fact]
    public void An_ordinary_return_keeps_its_name_with_its_versions_hash_and_another_extension_is_kept()
    {
        Assert.Equal("回执-140403-潞州区-campaign-5plus1-2022-06-1a2b3c4d.xlsx", ReceiptNames.For("/inbox/140403-潞州区-campaign-5plus1-2022-06.xlsx", Hash));
        Assert.Equal("回执-990003-1a2b3c4d.xlsx", ReceiptNames.For("/inbox/990003.xlsx", Hash));
        Assert.Equal("回执-990003.xls-1a2b3c4d.xlsx", ReceiptNames.For("/inbox/990003.xls", Hash));
        Assert.Equal("回执-990003.xlsm-1a2b3c4d.xlsx", ReceiptNames.For("/inbox/990003.xlsm", Hash));
        // A file that could not be read has no hash; a county's self-check names no version.
        Assert.Equal("回执-990003.xlsx", ReceiptNames.For("/inbox/990003.xlsx", ""));
        Assert.Equal("自查-990003.xlsx", ReceiptNames.For("/inbox/990003.xlsx", Hash, selfCheck: true));
    }

    private const string Hash = "1a2b3c4d5e6f00112233445566778899aabbccddeeff00112233445566778899";

    [Fact]
    public void A_long_name_is_cut_on_a_character_boundary_and_kept_unique_by_a_hash()
    {
        var stem = "140403-" + string.Concat(Enumerable.Repeat("潞州区🌾", 30));
        var first = ReceiptNames.For($"/inbox/{stem}甲.xlsx", Hash);
        var second = ReceiptNames.For($"/inbox/{stem}乙.xlsx", Hash);
        Assert.NotEqual(first, second);
        foreach (var name in new[] { first, second })
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, ReceiptNames.MaxBytes);
            Assert.Equal(name, StrictUtf8.GetString(StrictUtf8.GetBytes(name))); // no broken surrogate pair
            Assert.StartsWith("回执-140403-潞州区", name, StringComparison.Ordinal);
            Assert.EndsWith("-1a2b3c4d.xlsx", name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Names_equal_but_for_case_or_folder_get_deterministic_suffixes_that_take_no_other_files_name()
    {
        (string, string)[] files = [.. new[] { "/inbox/A.xlsx", "/inbox/a.xlsx", "/inbox/140403/x.xlsx", "/inbox/140404/x.xlsx", "/inbox/a-2.xlsx", "/inbox/X.XLSX" }.Select(f => (f, ""))];
        var names = ReceiptNames.Assign(files);
        Assert.Equal(["回执-A.xlsx", "回执-a-3.xlsx", "回执-x.xlsx", "回执-x-2.xlsx", "回执-a-2.xlsx", "回执-X-3.xlsx"], names);
        Assert.Equal(names.Count, names.Select(n => n.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(names, ReceiptNames.Assign(files));
    }

    [Fact]
    public void One_folder_gets_a_receipt_per_file_even_when_names_collide()
    {
        using var temp = new TempDirectory();
        IntakeFileResult Unreadable(string path) =>
            new(path, "", null, IntakeStatus.Rejected, [DiagnosticCatalog.FileLocked.At("文件无法打开", path)], null);
        var files = Enumerable.Range(0, 12).Select(i => Unreadable($"/inbox/{140401 + i}/报表.xlsx"))
            .Append(Unreadable("/inbox/报表.XLSX")).Append(Unreadable("/inbox/报表.xls")).ToList();

        var names = ReceiptNames.Assign([.. files.Select(f => (f.File, f.Sha256))]);
        var written = ReceiptFolder.Write([.. files.Select((f, i) => new ReceiptToIssue(f.File, InboxIntake.Alone(f), names[i], IssuedBefore: false))], Samples.Campaign, temp.Path, FixedClock.Default).Files;

        Assert.Equal(files.Count, written.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(files.Count, Directory.GetFiles(temp.Path).Length);
        Assert.All(written, path => Assert.Empty(WorkbookValidation.Errors(File.ReadAllBytes(path))));
    }
}
