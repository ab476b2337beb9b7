using Reports.Pipeline;
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
            using (OutputFile.Use(new OutputWriting(interrupt.Token, TimeSpan.FromHours(1))))
            {
                OutputFile.Write(path, new byte[4096]);
            }
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

    [Fact]
    public async Task The_writing_context_stays_with_its_own_flow()
    {
        using var temp = new TempDirectory();
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        Task other;
        using (OutputFile.Use(new OutputWriting(interrupt.Token)))
        {
            Assert.Throws<OperationCanceledException>(() => OutputFile.Write(Path.Combine(temp.Path, "a"), [1]));
            // Another flow (another in-process run) is not interrupted.
            using (ExecutionContext.SuppressFlow())
            {
                other = Task.Run(() => OutputFile.Write(Path.Combine(temp.Path, "b"), [1]));
            }
        }
        await other;
        Assert.False(File.Exists(Path.Combine(temp.Path, "a")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "b")));
        Assert.Equal([1], File.ReadAllBytes(Path.Combine(temp.Path, "b")));
    }
}
