using Reports.Intake;
using Reports.Outputs;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>Reading on every core gives exactly what a one-core run gives.</summary>
public sealed class ParallelIntakeTests
{
    [Fact]
    public void Intake_on_four_threads_equals_intake_on_one()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var unit in Samples.Changzhi.Units)
        {
            var values = Samples.ValuesOf(unit.Code);
            if (unit.Code == "140404")
            {
                values["emp_outside"] = "99999"; // one rejected file among them
            }
            Samples.WriteFilled(inbox, unit, values);
        }
        File.Copy(Directory.GetFiles(inbox)[0], Path.Combine(inbox, "zz-resend.xlsx")); // and a duplicate
        var context = new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period);

        byte[] Json(int threads)
        {
            var results = InboxIntake.Decided(context, inbox, threads);
            using var buffer = new MemoryStream();
            IntakeJsonWriter.Write(results, buffer);
            return buffer.ToArray();
        }

        var sequential = Json(1);
        Assert.Equal(sequential, Json(4));
        Assert.Contains("\"duplicate\"", System.Text.Encoding.UTF8.GetString(sequential));
        Assert.Contains("\"rejected\"", System.Text.Encoding.UTF8.GetString(sequential));
    }

    [Fact]
    public void Files_are_handed_on_in_file_order_with_their_bytes_and_kept_without_them()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var unit in Samples.Changzhi.Units)
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        File.Copy(Directory.GetFiles(inbox).Order(StringComparer.Ordinal).First(), Path.Combine(inbox, "zz-resend.xlsx"));
        File.WriteAllText(Path.Combine(inbox, "readme.txt"), "not a return");
        var context = new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period);
        var entries = InboxReader.List(inbox, Samples.Changzhi);

        var handed = new List<IntakeProcessor.Taken>();
        var kept = new IntakeProcessor(context, 2).ProcessEntries(entries, null, f =>
        {
            handed.Add(f);
            return f.File;
        });

        Assert.Equal(entries.Select(e => e.Path), handed.Select(f => f.File.File));
        Assert.All(handed.Where(f => f.File.Status != IntakeStatus.Ignored), f => Assert.Equal(f.File.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Bytes!))));
        Assert.Equal(IntakeStatus.Duplicate, handed.Single(f => f.File.File.EndsWith("zz-resend.xlsx", StringComparison.Ordinal)).File.Status);
        var ignored = handed.Single(f => f.File.File.EndsWith("readme.txt", StringComparison.Ordinal));
        Assert.Equal(IntakeStatus.Ignored, ignored.File.Status);
        Assert.Null(ignored.Bytes);
        // Handed on as a one-core run reads them: same statuses, same findings.
        var alone = new IntakeProcessor(context, 1).ProcessEntries(entries);
        Assert.Equal(alone.Select(f => (f.File, f.Status, f.Diagnostics.Count)), kept.Select(f => (f.File, f.Status, f.Diagnostics.Count)));
    }

    [Fact]
    public void A_failure_while_handing_on_stops_intake_and_is_thrown_as_it_was()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var unit in Samples.Changzhi.Units)
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        var context = new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period);
        var handed = 0;

        var thrown = Assert.Throws<IOException>(() => new IntakeProcessor(context, 2).ProcessEntries(InboxReader.List(inbox, Samples.Changzhi), null, f =>
            ++handed == 3 ? throw new IOException("disk full") : f.File));

        Assert.Equal("disk full", thrown.Message);
        Assert.Equal(3, handed);
    }
}
