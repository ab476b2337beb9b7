using Reports.Definitions;

namespace Reports.Templates;

/// <summary>
/// One row below the header of the template's 填报 sheet: a section's heading (<see cref="Field"/> null), a field
/// with its number within the section, or the submission stamp (<see cref="Section"/> and <see cref="Field"/> null).
/// </summary>
public sealed record TemplateRow(int Row, SectionDefinition? Section, FieldDefinition? Field, int Number)
{
    public bool IsStamp => Section is null && Field is null;
}
