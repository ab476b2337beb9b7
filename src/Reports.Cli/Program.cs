using Reports.Cli;
using Reports.Pipeline;

// Ctrl-C: the files being written are removed on the way out; every output already in place is the last complete one.
Console.CancelKeyPress += (_, _) =>
{
    foreach (var temporary in OutputFile.Writing)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
            // Still held (Windows): the next run sweeps it.
        }
    }
    Console.Error.WriteLine("reports: 已中断。正在写的文件已删除，输出目录中的文件仍是上次完整写出的。");
};
return new ReportsCommand(TimeProvider.System, Console.Out, Console.Error).Invoke(args);
