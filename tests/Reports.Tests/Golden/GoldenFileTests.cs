using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Golden;

/// <summary>
/// The contract of the sample's summary.json and intake.json, pinned byte for byte. A deliberate change of either is
/// made by regenerating them (REPORTS_UPDATE_GOLDEN=1 dotnet test --filter GoldenFileTests) and reviewing the diff.
/// </summary>
public sealed class GoldenFileTests : IClassFixture<GoldenFileTests.GoldenRun>
{
    /// <summary>The sample run whose JSON outputs are pinned, made once for both files.</summary>
    public sealed class GoldenRun : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public GoldenRun()
        {
            // A copy of the sample inbox with fixed file times: intake.json reports a file's time where it has no stamp.
            var inbox = _temp.Sub("inbox");
            foreach (var file in Directory.GetFiles(RepositoryPaths.SampleInbox))
            {
                var copy = Path.Combine(inbox, Path.GetFileName(file));
                File.Copy(file, copy);
                File.SetLastWriteTimeUtc(copy, new DateTime(2022, 7, 3, 8, 0, 0, DateTimeKind.Utc));
            }
            var options = Samples.Options(RepositoryPaths.SampleRoster, inbox, _temp.Sub("out")) with
            {
                PrefillPath = Path.Combine(RepositoryPaths.Root, "seeds", "campaign-5plus1", "2022-06-targets.csv"),
            };
            new RunPipeline(FixedClock.Default).Execute(options);
            Output = options.OutputDirectory;
        }

        public string Output { get; }

        public void Dispose() => _temp.Dispose();
    }

    private readonly GoldenRun _run;

    public GoldenFileTests(GoldenRun run) => _run = run;

    private static string GoldenFolder => Path.Combine(RepositoryPaths.Root, "tests", "Reports.Tests", "Golden");

    [Theory]
    [InlineData("summary.json")]
    [InlineData("intake.json")]
    public void The_samples_json_outputs_match_their_golden_files(string name)
    {
        var produced = File.ReadAllText(Path.Combine(_run.Output, name)).ReplaceLineEndings("\n");
        var golden = Path.Combine(GoldenFolder, $"campaign-5plus1-2022-06.{name}");
        if (Environment.GetEnvironmentVariable("REPORTS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, produced);
        }
        Assert.True(File.Exists(golden), $"{golden} is missing: run REPORTS_UPDATE_GOLDEN=1 dotnet test --filter GoldenFileTests");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), produced);
    }
}
