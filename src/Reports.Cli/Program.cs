namespace Reports.Cli;

/// <summary>The <c>reports</c> program: the command on the real console, clock, installed fonts and Ctrl-C.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, WriteSeams.Plain);

    /// <summary>The program with <paramref name="seams"/> for its writes (a crash test's host hands in its own).</summary>
    public static int Run(string[] args, WriteSeams seams)
    {
        // Ctrl-C cancels the token: what the run registered on it runs before the process ends — each file being written
        // is deleted and the period folder released — so every output already in place is the last complete one.
        using var interrupt = new CancellationTokenSource();
        var text = UiText.From(args);
        System.Console.CancelKeyPress += (_, _) =>
        {
            interrupt.Cancel();
            System.Console.Error.WriteLine(text.T("reports: 已中断。正在写的文件已删除，输出目录中的文件仍是上次完整写出的。",
                "reports: interrupted. The file being written was deleted; the output folder holds the last complete outputs."));
        };
        return new ReportsCommand(TimeProvider.System, System.Console.Out, System.Console.Error)
        {
            Interrupted = interrupt.Token,
            InstalledFonts = Pdf.Faces.BriefingFaces.SystemLookup(),
            Terminal = Console.RunConsole.PersonsTerminal(),
            Tuning = RunTuning.FromEnvironment(),
            Seams = seams,
        }.Invoke(args);
    }
}
