namespace Reports.Numbers;

/// <summary>
/// Arithmetic on county figures that cannot throw: a result a decimal cannot hold, or a division by zero, is null
/// ("—"). Intake bounds every figure (<see cref="Intake.NumberBounds"/>), so sums of figures fit; a ratio of big sums
/// over a tiny denominator, or a rate shown in percent, may still not — and a store written before the bounds may
/// hold any decimal. Used wherever county data meets an operator that can overflow.
/// </summary>
/// <remarks>
/// Decimal has no non-throwing checked operators: the OverflowException of the one operation is the exact test, so
/// it is caught here, around that operation only, and nowhere else.
/// </remarks>
public static class SafeDecimal
{
    public static decimal? Add(decimal a, decimal b)
    {
        try
        {
            return a + b;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static decimal? Multiply(decimal a, decimal b)
    {
        try
        {
            return a * b;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Null for a zero denominator as for an overflow; a quotient too small to hold is 0, as decimal division gives.</summary>
    public static decimal? Divide(decimal numerator, decimal denominator)
    {
        if (denominator == 0)
        {
            return null;
        }
        try
        {
            return numerator / denominator;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The sum, or null if it would overflow; an empty sequence sums to 0.</summary>
    public static decimal? Sum(IEnumerable<decimal> values)
    {
        var total = 0m;
        try
        {
            foreach (var value in values)
            {
                total += value;
            }
        }
        catch (OverflowException)
        {
            return null;
        }
        return total;
    }
}
