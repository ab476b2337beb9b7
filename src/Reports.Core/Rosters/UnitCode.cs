namespace Reports.Rosters;

/// <summary>
/// A unit's code: its GB/T 2260 administrative code (6 digits) or a longer code below it (乡镇 9, 村 12). ASCII
/// digits only, since codes become parts of file names and store keys: "../x", "a/b" or "140403 " are no codes.
/// </summary>
public static class UnitCode
{
    public static bool IsValid(string? code) => code is { Length: >= 6 and <= 12 } && code.All(char.IsAsciiDigit);

    public const string Expected = "应为 6–12 位数字（行政区划代码，如 140403）";
}
