using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reports.Templates;

/// <summary>
/// The styles part of a template: each distinct <see cref="TemplateStyle"/> gets one cell format, in the order first
/// asked for, so the same template gives the same part. Format 0 is the workbook's default: 宋体 11, locked.
/// </summary>
internal sealed class TemplateStyleSheet
{
    // Excel's built-in number formats by code; others get ids from 164 on.
    private static readonly Dictionary<string, uint> BuiltIn = new(StringComparer.Ordinal)
    {
        ["0"] = 1,
        ["0.00"] = 2,
        ["0.00%"] = 10,
        ["@"] = 49,
    };

    private readonly Dictionary<TemplateStyle, uint> _formats = [];
    private readonly List<TemplateStyle> _ordered = [];
    private readonly List<(bool Bold, double Size, string? Color)> _fonts = [];
    private readonly List<string?> _fills = [null, "gray125"];
    private readonly List<(bool All, bool Bottom)> _borders = [(false, false)];
    private readonly List<string> _customFormats = [];

    public TemplateStyleSheet()
    {
        Index(TemplateStyle.Plain);
    }

    public uint Index(TemplateStyle style)
    {
        if (!_formats.TryGetValue(style, out var index))
        {
            index = (uint)_ordered.Count;
            _formats[style] = index;
            _ordered.Add(style);
        }
        return index;
    }

    public Stylesheet Build()
    {
        var cellFormats = _ordered.Select(Format).ToList();
        var fonts = new Fonts(_fonts.Select(f => FontOf(f.Bold, f.Size, f.Color))) { Count = (uint)_fonts.Count };
        var fills = new Fills(_fills.Select(FillOf)) { Count = (uint)_fills.Count };
        var borders = new Borders(_borders.Select(b => BorderOf(b.All, b.Bottom))) { Count = (uint)_borders.Count };
        var stylesheet = new Stylesheet();
        if (_customFormats.Count > 0)
        {
            stylesheet.Append(new NumberingFormats(_customFormats.Select((code, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = code }))
            {
                Count = (uint)_customFormats.Count,
            });
        }
        stylesheet.Append(fonts, fills, borders);
        stylesheet.Append(new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 });
        stylesheet.Append(new CellFormats(cellFormats) { Count = (uint)cellFormats.Count });
        stylesheet.Append(new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        return stylesheet;
    }

    private CellFormat Format(TemplateStyle style)
    {
        var format = new CellFormat
        {
            NumberFormatId = NumberFormat(style.NumberFormat),
            FontId = Add(_fonts, (style.Bold, style.Size, style.Color)),
            FillId = Add(_fills, style.Fill),
            BorderId = Add(_borders, (style.Border, style.BottomBorder)),
            FormatId = 0,
        };
        format.ApplyNumberFormat = style.NumberFormat is not null ? true : null;
        format.ApplyFont = format.FontId.Value != 0 ? true : null;
        format.ApplyFill = format.FillId.Value != 0 ? true : null;
        format.ApplyBorder = format.BorderId.Value != 0 ? true : null;
        if (style.Center || style.Middle || style.Top || style.Wrap)
        {
            format.ApplyAlignment = true;
            var alignment = new Alignment();
            if (style.Center)
            {
                alignment.Horizontal = HorizontalAlignmentValues.Center;
            }
            if (style.Top || style.Middle)
            {
                alignment.Vertical = style.Top ? VerticalAlignmentValues.Top : VerticalAlignmentValues.Center;
            }
            if (style.Wrap)
            {
                alignment.WrapText = true;
            }
            format.Alignment = alignment;
        }
        if (style.Unlocked)
        {
            format.ApplyProtection = true;
            format.Protection = new Protection { Locked = false };
        }
        return format;
    }

    private uint NumberFormat(string? code)
    {
        if (code is null)
        {
            return 0;
        }
        if (BuiltIn.TryGetValue(code, out var id))
        {
            return id;
        }
        var at = _customFormats.IndexOf(code);
        if (at < 0)
        {
            _customFormats.Add(code);
            at = _customFormats.Count - 1;
        }
        return (uint)(164 + at);
    }

    private static uint Add<T>(List<T> list, T item)
    {
        var at = list.IndexOf(item);
        if (at < 0)
        {
            list.Add(item);
            at = list.Count - 1;
        }
        return (uint)at;
    }

    private static Font FontOf(bool bold, double size, string? color)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        font.Append(new FontSize { Val = size });
        if (color is not null)
        {
            font.Append(new Color { Rgb = color });
        }
        font.Append(new FontName { Val = TemplateStyle.Font });
        // East Asian script: Excel and WPS pick the font's CJK metrics.
        font.Append(new FontCharSet { Val = 134 });
        return font;
    }

    private static Fill FillOf(string? fill) => fill switch
    {
        null => new Fill(new PatternFill { PatternType = PatternValues.None }),
        "gray125" => new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
        _ => new Fill(new PatternFill(new ForegroundColor { Rgb = fill }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }),
    };

    private static Border BorderOf(bool all, bool bottom)
    {
        T Side<T>(bool on) where T : BorderPropertiesType, new() => on ? new T { Style = BorderStyleValues.Thin } : new T();
        return new Border(Side<LeftBorder>(all), Side<RightBorder>(all), Side<TopBorder>(all), Side<BottomBorder>(all || bottom), new DiagonalBorder());
    }
}
