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
            var results = new IntakeProcessor(context, threads).ProcessInbox(inbox);
            using var buffer = new MemoryStream();
            IntakeJsonWriter.Write(results, buffer);
            return buffer.ToArray();
        }

        var sequential = Json(1);
        Assert.Equal(sequential, Json(4));
        Assert.Contains("\"duplicate\"", System.Text.Encoding.UTF8.GetString(sequential));
        Assert.Contains("\"rejected\"", System.Text.Encoding.UTF8.GetString(sequential));
    }
}
