using Reports.Cli.Settings;
using Reports.Periods;
using Reports.Pipeline;

namespace Reports.Cli.Verbs;

/// <summary>
/// <c>reports withdraw</c>: the office withdraws one version (by its hash) of a return and period (e.g. a file sent
/// in another unit's name): recorded with time, user and reason, and never counted again. The version an approval
/// froze is withdrawn only with <c>--reopen</c> (its unit reopened with the same reason), never silently.
/// </summary>
public sealed class WithdrawVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    public int Execute(string returnCode, ReportingPeriod period, string sha256Typed, string whyTyped, bool reopen = false)
    {
        var sha256 = sha256Typed.Trim().ToLowerInvariant();
        var why = whyTyped.Trim();
        if (why.Length == 0)
        {
            throw new SettingsException(text.T("--why 不能为空：请写明撤销的理由", "--why must say why the version is withdrawn"));
        }
        // Through the ledger: an approved version the freeze still holds is refused unless its unit is reopened with it.
        using var office = OfficeLedger.Open(settings, clock, text, returnCode, period, roster: null, write: true);
        if (!office.Ledger.Withdraw(sha256, why, Environment.UserName, reopen))
        {
            throw new SettingsException(text.T($"存储库中没有 {returnCode} {period} 的 SHA-256 为 {sha256} 的版本（见 intake.json 或 reports history）",
                $"the store holds no version of {returnCode} {period} with SHA-256 {sha256} (see intake.json or reports history)"));
        }
        output.WriteLine(text.T($"已撤销 {returnCode} {period} 的版本 {sha256[..Math.Min(12, sha256.Length)]}：{why}。下次汇总起该版本不再参与汇总。",
            $"withdrew version {sha256[..Math.Min(12, sha256.Length)]} of {returnCode} {period}: {why}. From the next run on it never counts."));
        return (int)ExitCode.Success;
    }
}
