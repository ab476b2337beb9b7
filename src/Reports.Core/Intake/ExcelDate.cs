using System.Globalization;
using Reports.Intake.Xlsx;

namespace Reports.Intake;

/// <summary>A cell that shows a date, written as the clerk reads it: 2022-06-30, 2022-06-30 14:30, 14:30.</summary>
public static class ExcelDate
{
    /// <summary>The date a cell shows, or its stored text when that is no date Excel can show.</summary>
    public static string Show(XlsxCellValue cell)
    {
        var raw = cell.Raw?.Trim() ?? "";
        if (cell.Kind == XlsxCellKind.Number)
        {
            // Serials from 0 (1900-01-00 in Excel) to 9999-12-31; outside that Excel shows ####.
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 0 and < 2958466
                ? Show(DateTime.FromOADate(serial), withDate: serial >= 1)
                : raw;
        }
        return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var written) ? Show(written, withDate: true) : raw;
    }

    private static string Show(DateTime time, bool withDate)
    {
        var parts = new List<string>(2);
        if (withDate)
        {
            parts.Add(time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (!withDate || time.TimeOfDay != TimeSpan.Zero)
        {
            parts.Add(time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture));
        }
        return string.Join(' ', parts);
    }
}
