using Reports.Definitions;
using Reports.Intake.Xlsx;

namespace Reports.Intake;

/// <summary>A field's cell as found through its defined name, with the raw content read from it.</summary>
public sealed record FieldCell(FieldDefinition Field, string Sheet, string Cell, XlsxCellValue Raw);
