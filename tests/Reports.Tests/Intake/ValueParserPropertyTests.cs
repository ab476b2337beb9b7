using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Intake.Xlsx;

namespace Reports.Tests.Intake;

/// <summary>
/// Whatever a clerk types into a numeric cell, or a file stores there, the parser never throws and never returns a
/// number outside <see cref="NumberBounds"/> (nor a negative one); a number it refuses comes with an error.
/// </summary>
public sealed class ValueParserPropertyTests
{
    private static readonly FieldDefinition[] Fields =
    [
        new("emp_total", "务工总人数", "人", FieldKind.Count, true, null, false, null),
        new("loan_amount", "贷款金额", "万元", FieldKind.Amount, true, null, false, null),
        new("match_rate", "资金匹配率", "%", FieldKind.Rate, true, null, false, null),
    ];

    /// <summary>Pieces numbers are typed with, so that generated strings are often almost numbers.</summary>
    private static readonly string[] Pieces =
    [
        "0", "1", "7", "9", "00000000", "99999999", "79228162514264337593543950335", ".", ",", "，", "．", "%", "％", "-", "+", "－",
        " ", "\u3000", "１", "９", "人", "万元", "万", "约", "左右", "E", "e+30", "1e-300", "0.000000", "0000000000000001", "~", "至", "\t",
    ];

    private static readonly Gen<string> Typed = Gen.Frequency(
        (1, ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null)),
        (3, Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts))));

    private static readonly Gen<XlsxCellValue> Cell = Gen.Frequency(
        (3, Typed.Select(text => new XlsxCellValue(XlsxCellKind.Text, text, null))),
        (1, ArbMap.Default.ArbFor<double>().Generator.Select(d => new XlsxCellValue(XlsxCellKind.Number, d.ToString("R", CultureInfo.InvariantCulture), null))),
        (1, Typed.Select(text => new XlsxCellValue(XlsxCellKind.Number, text, null))),
        (1, ArbMap.Default.ArbFor<double>().Generator.Select(d => new XlsxCellValue(XlsxCellKind.Number, d.ToString("R", CultureInfo.InvariantCulture), null) { IsDate = true })));

    [Property(MaxTest = 2000)]
    public Property Anything_in_a_numeric_cell_parses_within_the_bounds_or_not_at_all() =>
        Prop.ForAll(Gen.Zip(Cell, Gen.Elements(Fields)).ToArbitrary(), pair =>
        {
            var (cell, field) = pair;
            var diagnostics = new List<Diagnostic>();
            var parsed = ValueParser.Parse(new FieldCell(field, "填报", "D5", cell), "x.xlsx", diagnostics);

            Assert.Null(parsed.Text);
            if (parsed.Number is { } number)
            {
                Assert.True(NumberBounds.IsWithin(number), $"{cell.Raw} → {number}");
                Assert.True(number >= 0);
                Assert.DoesNotContain(diagnostics, d => d.IsError);
            }
            else if (!string.IsNullOrWhiteSpace(cell.Raw))
            {
                Assert.Contains(diagnostics, d => d.IsError);
            }
        });

    [Property(MaxTest = 500)]
    public Property A_typed_number_within_the_bounds_reads_as_itself() =>
        Prop.ForAll(Gen.Zip(Gen.Choose(0, 999_999_999), Gen.Choose(0, 6)).ToArbitrary(), pair =>
        {
            var number = pair.Item1 / (decimal)Math.Pow(10, pair.Item2);
            var text = number.ToString(CultureInfo.InvariantCulture);
            var diagnostics = new List<Diagnostic>();
            var parsed = ValueParser.Parse(new FieldCell(Fields[2], "填报", "D5", new XlsxCellValue(XlsxCellKind.Text, text, null)), "x.xlsx", diagnostics);
            Assert.Equal(number, parsed.Number);
        });
}
