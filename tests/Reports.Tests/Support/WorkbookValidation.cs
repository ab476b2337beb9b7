using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Reports.Tests.Support;

/// <summary>What Excel would complain about when opening a workbook, per the Open XML SDK's schema validator.</summary>
public static class WorkbookValidation
{
    public static IReadOnlyList<string> Errors(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        return new OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }
}
