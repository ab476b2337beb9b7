using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// The store is the office's only record: an output option pointed at it, at the roster or at a county's file in the
/// inbox, or at any existing file that is not what the option writes, is refused before any work (exit 2), and the file
/// is left as it was.
/// </summary>
public sealed class OutputTargetTests
{
    private sealed class Setup : IDisposable
    {
        public readonly TempDirectory Temp = new();
        public readonly string Inbox, Roster, Store, County;

        public Setup()
        {
            Inbox = Temp.Sub("inbox");
            var units = Samples.Changzhi.Units.Take(2).ToArray();
            County = Samples.WriteFilled(Inbox, units[0], Samples.ValuesOf(units[0].Code));
            Roster = Samples.WriteRoster(Temp.Path, units);
            Store = Path.Combine(Temp.Path, "store.db");
            // A real store: the first run makes it.
            Assert.Equal((int)ExitCode.Incomplete, Support.Cli.Invoke(Run()).Exit);
        }

        public string[] Run(params string[] more) =>
            ["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", Roster, "--inbox", Inbox, "--out", Path.Combine(Temp.Path, "out"), "--store", Store, .. more];

        public string[] Status(params string[] more) =>
            ["status", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", Roster, "--store", Store, .. more];

        public void Dispose() => Temp.Dispose();
    }

    public static TheoryData<string, string> Targets => new()
    {
        { "--timings", "store" }, { "--timings", "roster" }, { "--timings", "county" }, { "--timings", "other" },
        { "--as-submission", "store" }, { "--as-submission", "county" }, { "--as-submission", "other" },
        { "--csv", "store" }, { "--csv", "roster" }, { "--csv", "other" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void An_output_pointed_at_an_input_or_a_foreign_file_is_refused_and_the_file_is_untouched(string option, string target)
    {
        using var setup = new Setup();
        var other = Path.Combine(setup.Temp.Path, "笔记.txt");
        File.WriteAllText(other, "科室的工作笔记");
        var path = target switch { "store" => setup.Store, "roster" => setup.Roster, "county" => setup.County, _ => other };
        var before = File.ReadAllBytes(path);

        var result = Support.Cli.Invoke(option == "--csv" ? setup.Status(option, path) : setup.Run(option, path));

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Its_own_earlier_output_is_replaced()
    {
        using var setup = new Setup();
        var timings = Path.Combine(setup.Temp.Path, "timings.json");
        var csv = Path.Combine(setup.Temp.Path, "催报.csv");
        Assert.Equal((int)ExitCode.Incomplete, Support.Cli.Invoke(setup.Run("--timings", timings)).Exit);
        Assert.Equal((int)ExitCode.Incomplete, Support.Cli.Invoke(setup.Run("--timings", timings)).Exit);
        Assert.NotEqual((int)ExitCode.UsageError, Support.Cli.Invoke(setup.Status("--csv", csv)).Exit);
        Assert.NotEqual((int)ExitCode.UsageError, Support.Cli.Invoke(setup.Status("--csv", csv)).Exit);
        Assert.Contains("\"stages\"", File.ReadAllText(timings), StringComparison.Ordinal);
    }
}
