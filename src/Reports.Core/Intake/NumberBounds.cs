using Reports.Numbers;
namespace Reports.Intake;

/// <summary>
/// The range a figure read from a return may take, typed or stored: at most 10^15 in magnitude (no return counts
/// or spends more; a double holds every whole number up to there exactly) and at most six decimal places (a
/// percentage with four decimals; a finer value is a slip or scientific notation). Within these bounds a sum over
/// any roster fits in a decimal, so only ratios and products need guarding (<see cref="SafeDecimal"/>).
/// </summary>
public static class NumberBounds
{
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;
    public const int MaxDecimals = 6;

    /// <summary>How the two bounds are told to a clerk, after “…填的是“X”，”.</summary>
    public const string TooLarge = "超出可能的范围（绝对值最大为 10^15，即 1000000000000000）";
    public const string TooManyDecimals = "小数位过多（最多 6 位小数）";

    public static bool IsWithin(decimal number) => Math.Abs(number) <= MaxMagnitude && DecimalPlaces(number) <= MaxDecimals;

    /// <summary>Decimal places that carry a digit: 1.50 has one, 2.000 none.</summary>
    public static int DecimalPlaces(decimal number)
    {
        // The 96-bit integer and scale the decimal is made of, so counting never does decimal arithmetic.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(number, bits);
        var unscaled = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (int)number.Scale;
        while (scale > 0 && unscaled % 10 == 0)
        {
            unscaled /= 10;
            scale--;
        }
        return scale;
    }
}
