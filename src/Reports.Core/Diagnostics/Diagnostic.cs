using System.Text;

namespace Reports.Diagnostics;

/// <summary>
/// One finding: a stable code, a Chinese message for the clerk, and where it is — a county file's sheet, cell and
/// field, and the roster unit it concerns. Intake's findings and the analysis's data-quality signals (DQ…) are both
/// diagnostics. Data problems are always diagnostics, never exceptions.
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    string? Sheet = null,
    string? Cell = null,
    string? Field = null)
{
    /// <summary>The roster unit the finding concerns, when known (a data-quality signal always names one).</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// The county's explanation (情况说明, field verify_note) of the must-explain finding this is: the finding stays a
    /// warning, on record with what the county said. Null for every other finding.
    /// </summary>
    public string? Explanation { get; init; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>MSBuild-like one-line form, its level in the catalogue's words: <c>file[sheet!cell]: 错误 RPT012: message</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(File is null ? "reports" : System.IO.Path.GetFileName(File));
        if (Sheet is not null || Cell is not null)
        {
            text.Append('[');
            if (Sheet is not null)
            {
                text.Append(Sheet);
                if (Cell is not null)
                {
                    text.Append('!');
                }
            }
            text.Append(Cell);
            text.Append(']');
        }
        text.Append(": ");
        text.Append(DiagnosticCatalogDocument.SeverityName(Severity));
        text.Append(' ').Append(Code).Append(": ").Append(Message);
        if (Field is not null)
        {
            text.Append(" (").Append(Field).Append(')');
        }
        return text.ToString();
    }
}
