using Reports.Pipeline;
using Reports.Runs;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>An output is complete or absent: whatever stops a write, the last good file stays and no .tmp is left.</summary>
public sealed class OutputFileTests
{
    [Fact]
    public void A_writer_that_fails_leaves_the_previous_file_and_no_temporary()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "summary.json");
        File.WriteAllText(path, "last good");

        Assert.Throws<InvalidOperationException>(() => OutputFile.Write(path, s =>
        {
            s.Write([1, 2, 3]);
            throw new InvalidOperationException("a writer's bug");
        }));

        Assert.Equal("last good", File.ReadAllText(path));
        Assert.False(File.Exists(path + OutputFile.TemporarySuffix));
    }

    [Fact]
    public void A_move_that_fails_is_an_output_exception_naming_the_file_and_leaves_no_temporary()
    {
        using var temp = new TempDirectory();
        var path = temp.Sub("summary.json"); // a folder where the file goes

        var problem = Assert.Throws<OutputException>(() => OutputFile.Write(path, [1, 2, 3]));

        Assert.Equal(path, problem.OutputPath);
        Assert.StartsWith($"无法写入 {path}：", problem.Message);
        Assert.IsAssignableFrom<IOException>(problem.InnerException);
        Assert.False(File.Exists(path + OutputFile.TemporarySuffix));
    }

    [Fact]
    public void A_folder_that_cannot_be_made_is_an_output_exception_naming_it()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "2022-06");
        File.WriteAllText(file, "");

        var problem = Assert.Throws<OutputException>(() => OutputFile.CreateFolder(Path.Combine(file, "receipts")));

        Assert.StartsWith($"无法建立文件夹 {Path.Combine(file, "receipts")}：", problem.Message);
    }

    /// <summary>
    /// Ctrl-C cancels the token: the half-written file is gone, the write stops, the last good file stays. The write
    /// pauses for an hour, so only the interruption can end it; the waits are hang guards, not speed checks.
    /// </summary>
    [Fact]
    public async Task Interruption_deletes_the_file_being_written_through_the_token()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "summary.json");
        File.WriteAllText(path, "last good");
        using var interrupt = new CancellationTokenSource();
        var writing = Task.Run(() =>
        {
            var writing = new OutputWriting(interrupt.Token) { Open = file => new PausingStream(OutputWriting.OpenFile(file), TimeSpan.FromHours(1), interrupt.Token) };
            OutputFile.Write(path, new byte[4096], writing);
        });
        Assert.True(Waiting.Until(() => File.Exists(path + OutputFile.TemporarySuffix), TimeSpan.FromSeconds(30)), "the write never began");

        interrupt.Cancel();

        // The token's callback deletes it during Cancel, and the writer's cleanup again when it wakes. Once in eight suite
        // runs under load the file was still there the instant Cancel returned (not understood yet; noted in issue 12's
        // closing note), so this waits for it to go; only the interruption can have removed it within the hour's pause.
        Assert.True(Waiting.Until(() => !File.Exists(path + OutputFile.TemporarySuffix), TimeSpan.FromSeconds(30)),
            "the file being written is deleted on interruption");
        // The pause ends with the interruption (a TimeoutException here means it did not).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("last good", File.ReadAllText(path));
    }

    /// <summary>No writer of a run forgets the run's writing (and with it Ctrl-C): every output file is opened through it.</summary>
    [Fact]
    public void Every_output_of_a_run_is_written_through_the_runs_writing()
    {
        using var temp = new TempDirectory();
        var units = Samples.Changzhi.Units.Take(2).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        foreach (var unit in units)
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        var opened = new System.Collections.Concurrent.ConcurrentBag<string>();
        var writing = new OutputWriting(CancellationToken.None) { Open = file => { opened.Add(file); return OutputWriting.OpenFile(file); } };

        var outcome = new RunPipeline(FixedClock.Default) { Writing = writing }.Execute(Samples.Options(roster, inbox, temp.Sub("out")));

        Assert.NotEmpty(outcome.OutputFiles);
        Assert.Equal(outcome.OutputFiles.Select(f => f + OutputFile.TemporarySuffix).Order(StringComparer.Ordinal), opened.Order(StringComparer.Ordinal));
    }
}
