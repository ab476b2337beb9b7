namespace Reports.Runs;

/// <summary>
/// An output or its folder could not be written: a broken environment (a full or read-only disk, no permission, a
/// file where a folder should be, another run holding the folder), not a bug. The message is Chinese and names the path.
/// </summary>
public sealed class OutputException(string path, string message, Exception? inner = null) : Exception(message, inner)
{
    public string OutputPath { get; } = path;

    public static OutputException Writing(string path, Exception problem) => new(path, $"无法写入 {path}：{Reason(problem)}", problem);

    public static OutputException Folder(string path, Exception problem) => new(path, $"无法建立文件夹 {path}：{Reason(problem)}", problem);

    public static OutputException Removing(string path, Exception problem) => new(path, $"无法删除 {path}：{Reason(problem)}", problem);

    public static OutputException Busy(string folder, string lockFile, TimeSpan waited) =>
        new(folder, $"另一次运行正在写 {folder}（锁文件 {lockFile}），等了 {waited.TotalSeconds:0} 秒仍未结束；请等它结束后再运行");

    /// <summary>What the system said, in words a clerk can act on. Unix gives the errno as HResult, Windows 0x8007xxxx.</summary>
    private static string Reason(Exception problem) => problem switch
    {
        UnauthorizedAccessException => "没有写入权限",
        DirectoryNotFoundException or FileNotFoundException => "所在的文件夹不存在或不能在其中建文件",
        IOException { HResult: 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027) } => "磁盘已满",
        IOException { HResult: 30 } => "磁盘是只读的",
        IOException { HResult: 17 or 20 or 21 or unchecked((int)0x800700B7) } => "路径已被同名的文件或文件夹占用",
        _ => $"磁盘已满或没有写入权限（{problem.Message}）",
    };
}
