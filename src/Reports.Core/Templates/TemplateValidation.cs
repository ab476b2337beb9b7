using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reports.Templates;

/// <summary>
/// A cell's validation as a clerk meets it: blank allowed, a Chinese prompt on entering the cell, and a stop with
/// the same words when a typed value breaks the rule.
/// </summary>
internal static class TemplateValidation
{
    public static DataValidation Of(string range, DataValidationValues type, DataValidationOperatorValues? comparison, string formula, string? formula2,
        string title, string prompt, string error)
    {
        var validation = new DataValidation
        {
            Type = type,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Stop,
            ErrorTitle = "输入有误",
            Error = error,
            PromptTitle = title,
            Prompt = prompt,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        };
        if (comparison is { } op)
        {
            validation.Operator = op;
        }
        validation.Append(new Formula1(formula));
        if (formula2 is not null)
        {
            validation.Append(new Formula2(formula2));
        }
        return validation;
    }
}
