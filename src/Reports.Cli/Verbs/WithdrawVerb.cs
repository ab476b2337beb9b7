using Reports.Cli.Settings;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Store;

namespace Reports.Cli.Verbs;

/// <summary>
/// <c>reports withdraw</c>: the office withdraws one version (by its hash) of a return and period (e.g. a file sent
/// in another unit's name): recorded with time, user and reason, and never counted again.
/// </summary>
public sealed class WithdrawVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    public int Execute(string returnCode, ReportingPeriod period, string sha256Typed, string whyTyped)
    {
        var sha256 = sha256Typed.Trim().ToLowerInvariant();
        var why = whyTyped.Trim();
        if (why.Length == 0)
        {
            throw new SettingsException(text.T("--why 不能为空：请写明撤销的理由", "--why must say why the version is withdrawn"));
        }
        if (!File.Exists(settings.Store))
        {
            throw new FileNotFoundException(text.T($"存储库不存在：{settings.Store}", $"no store at {settings.Store}"), settings.Store);
        }
        using var store = ReturnStore.Open(settings.Store, clock);
        if (!store.Withdraw(returnCode, period, sha256, why, Environment.UserName))
        {
            throw new SettingsException(text.T($"存储库中没有 {returnCode} {period} 的 SHA-256 为 {sha256} 的版本（见 intake.json 或 reports history）",
                $"the store holds no version of {returnCode} {period} with SHA-256 {sha256} (see intake.json or reports history)"));
        }
        output.WriteLine(text.T($"已撤销 {returnCode} {period} 的版本 {sha256[..Math.Min(12, sha256.Length)]}：{why}。下次汇总起该版本不再参与汇总。",
            $"withdrew version {sha256[..Math.Min(12, sha256.Length)]} of {returnCode} {period}: {why}. From the next run on it never counts."));
        return (int)ExitCode.Success;
    }
}
