namespace Reports.Intake;

/// <summary>A field's value after parsing: a number, a text, or nothing (blank or unreadable).</summary>
public readonly record struct ParsedValue(decimal? Number, string? Text)
{
    public static ParsedValue Blank => default;
    public bool IsBlank => Number is null && Text is null;
}
