using Reports.Intake;

namespace Reports.Cli.Verbs;

/// <summary>A version's status in the words every verb uses for it (history, explain): 通过, 退回, 已被更新版本取代 …</summary>
public static class VersionStatusText
{
    public static string Of(IntakeStatus status, UiText text) => status switch
    {
        IntakeStatus.Accepted => text.T("通过", "accepted"),
        IntakeStatus.Rejected => text.T("退回", "rejected"),
        IntakeStatus.Superseded => text.T("已被更新版本取代", "superseded"),
        IntakeStatus.Duplicate => text.T("重复报送", "duplicate"),
        IntakeStatus.Withdrawn => text.T("已撤销", "withdrawn"),
        IntakeStatus.Pending => text.T("待审（审定后收到）", "pending (received after approval)"),
        IntakeStatus.Ignored => text.T("未读取", "not read"),
        _ => status.ToString().ToLowerInvariant(),
    };
}
