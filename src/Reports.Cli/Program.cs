using Reports.Cli;

// Ctrl-C cancels the token: what the run registered on it runs before the process ends — each file being written is
// deleted and the period folder released — so every output already in place is the last complete one.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, _) =>
{
    interrupt.Cancel();
    Console.Error.WriteLine("reports: 已中断。正在写的文件已删除，输出目录中的文件仍是上次完整写出的。");
};
return new ReportsCommand(TimeProvider.System, Console.Out, Console.Error) { Interrupted = interrupt.Token, InstalledFonts = Reports.Pdf.Faces.BriefingFaces.SystemLookup(), Terminal = Reports.Cli.Console.RunConsole.PersonsTerminal() }.Invoke(args);
