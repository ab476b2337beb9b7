namespace Reports.Definitions;

/// <summary>
/// The two classes of check of the national statistics direct-reporting system: a figure that cannot be right
/// (强制性: the return is sent back to be corrected) and one that is unusual but may be right (核实性: the county
/// explains it in the 情况说明 cell, field <c>verify_note</c>, and the return is accepted with the explanation).
/// </summary>
public enum CheckClass
{
    /// <summary>强制性: the return is sent back.</summary>
    MustFix,
    /// <summary>核实性: accepted when the county explains it in 情况说明; sent back otherwise.</summary>
    MustExplain,
}
