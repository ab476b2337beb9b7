using Reports.Diagnostics;

namespace Reports.Desk;

/// <summary>What the desk tells a county of one upload (the contract's verdict): its version, when it was received, its status in intake's words and every finding.</summary>
public sealed record DeskVerdict(
    string Unit,
    string Return,
    string Period,
    string Sha256,
    DateTimeOffset ReceivedAt,
    string Status,
    bool? OnTime,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public string Receipt => $"/api/v1/receipts/{Sha256}";
}
