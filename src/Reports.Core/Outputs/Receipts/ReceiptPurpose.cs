namespace Reports.Outputs.Receipts;

/// <summary>What a receipt workbook answers: the city's reception of a file, or a county's check before sending it.</summary>
public enum ReceiptPurpose
{
    /// <summary>回执: the city received the file (run); when, its hash, and whether it was accepted.</summary>
    Reception,
    /// <summary>自查结果: `validate` on the county's own machine; nothing was sent, and the workbook says so.</summary>
    SelfCheck,
}
