namespace Reports.Outputs.Receipts;

/// <summary>Which files get a receipt (回执). A province merging tens of thousands of clean returns may want only the ones with findings.</summary>
public enum ReceiptScope
{
    /// <summary>Every file read: a full receipt with findings, a short one for a clean return.</summary>
    All,
    /// <summary>Only files with errors or warnings.</summary>
    Findings,
    /// <summary>No receipts.</summary>
    None,
}
