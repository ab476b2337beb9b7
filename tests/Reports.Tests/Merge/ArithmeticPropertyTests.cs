using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reports.Analysis;
using Reports.Definitions;
using Reports.Intake;
using Reports.Merge;
using Reports.Numbers;
using Reports.Outputs.Briefing;
using Reports.Periods;
using Reports.Rosters;
using Reports.Tests.Support;
using Reports.Versions;

namespace Reports.Tests.Merge;

/// <summary>
/// For any figures intake can accept (0, 0.000001, 10^15, anything between, over a few or many units), the merge,
/// its indicators, the analysis against a previous period and the briefing's number style never throw, and every
/// rate is the ratio of the sums. Figures a store may hold from before the bounds never throw either: that unit
/// is merged as rejected.
/// </summary>
public sealed class ArithmeticPropertyTests
{
    private static readonly ReturnDefinition Definition = Samples.Campaign;

    /// <summary>What one unit sent this period and the previous one; null where it sent nothing.</summary>
    public sealed record UnitFigures(IntakeStatus? Status, Dictionary<string, decimal> Values, Dictionary<string, decimal> Previous);

    /// <summary>A figure within the parser's bounds, with the edges (0, the smallest step, the largest figure) often.</summary>
    private static readonly Gen<decimal> Figure = Gen.Frequency(
        (2, Gen.Constant(0m)),
        (2, Gen.Constant(0.000001m)),
        (2, Gen.Constant(NumberBounds.MaxMagnitude)),
        (1, Gen.Constant(999_999_999_999_999.999999m)),
        (6, from high in Gen.Choose(0, 999_999)
            from middle in Gen.Choose(0, 999_999_999)
            from low in Gen.Choose(0, 999_999)
            from shift in Gen.Choose(0, 21)
            select decimal.Round((high * 1_000_000_000_000_000m + middle * 1_000_000m + low) / 1_000_000m / Pow10(shift), NumberBounds.MaxDecimals)));

    /// <summary>A figure a store written before the bounds may hold: any decimal at all.</summary>
    private static readonly Gen<decimal> AnyDecimal = Gen.Frequency(
        (1, Gen.Elements(decimal.MaxValue, 1e20m, 0.0000000000000000000000000001m, 79228162514264.337593543950335m)),
        (3, from low in Gen.Choose(int.MinValue, int.MaxValue)
            from middle in Gen.Choose(int.MinValue, int.MaxValue)
            from high in Gen.Choose(int.MinValue, int.MaxValue)
            from scale in Gen.Choose(0, 28)
            select new decimal(low, middle, high, false, (byte)scale)));

    private static Gen<Dictionary<string, decimal>> FiguresOf(Gen<decimal> figure) =>
        Gen.CollectToList(Definition.NumericFields, field =>
            Gen.Frequency((1, Gen.Constant<(string, decimal)?>(null)), (9, figure.Select(v => ((string, decimal)?)(field.Code, v)))))
        .Select(pairs => pairs.OfType<(string Code, decimal Value)>().ToDictionary(p => p.Code, p => p.Value, StringComparer.Ordinal));

    private static Gen<UnitFigures> UnitOf(Gen<decimal> figure) =>
        from status in Gen.Frequency(
            (8, Gen.Constant<IntakeStatus?>(IntakeStatus.Accepted)),
            (1, Gen.Constant<IntakeStatus?>(IntakeStatus.Rejected)),
            (1, Gen.Constant<IntakeStatus?>(null)))
        from values in FiguresOf(figure)
        from previous in FiguresOf(figure)
        select new UnitFigures(status, values, previous);

    /// <summary>A few units usually, now and then a great many.</summary>
    private static Arbitrary<UnitFigures[]> Roster(Gen<decimal> figure) =>
        Gen.Frequency((9, Gen.Choose(1, 40)), (1, Gen.Choose(300, 1500)))
            .SelectMany(count => Gen.ArrayOf(UnitOf(figure), count))
            .ToArbitrary();

    private static decimal Pow10(int exponent) => Enumerable.Repeat(10m, exponent).Aggregate(1m, (a, b) => a * b);

    private static (Roster Roster, MergeResult Now, MergeResult Previous) MergeOf(UnitFigures[] figures)
    {
        var roster = new Roster("140400", "长治市", [.. figures.Select((_, i) => new RosterUnit((140000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"第{i}县"))]);
        IReadOnlyList<StoredVersion> Intake(Func<UnitFigures, Dictionary<string, decimal>> values) =>
        [
            .. figures.Select((f, i) => (Unit: roster.Units[i], Figures: f))
                .Where(u => u.Figures.Status is not null)
                .Select(u => StoredVersion.Unrecorded(new IntakeFileResult($"{u.Unit.Code}.xlsx", "", u.Unit.Code, u.Figures.Status!.Value, [],
                    new CountySubmission(u.Unit.Code, $"{u.Unit.Code}.xlsx", "", FixedClock.Default.GetUtcNow(), null, values(u.Figures), new Dictionary<string, string>())))),
        ];
        var now = Merger.Merge(Definition, roster, Samples.Period, Samples.Window, VersionSelector.Decide(Intake(f => f.Values)));
        var previous = Merger.Merge(Definition, roster, Samples.Period.AddMonths(-1), Samples.Window, VersionSelector.Decide(Intake(f => f.Previous)));
        return (roster, now, previous);
    }

    /// <summary>The definition of a rate, written out: Σ numerator / Σ denominator over the units that have every field of it.</summary>
    private static decimal? RatioOfSums(IndicatorDefinition indicator, IEnumerable<IReadOnlyDictionary<string, decimal>> members)
    {
        var complete = members.Where(m => indicator.Numerator.Concat(indicator.Denominator).All(m.ContainsKey)).ToList();
        if (complete.Count == 0)
        {
            return null;
        }
        var numerator = complete.Sum(m => indicator.Numerator.Sum(c => m[c]));
        if (!indicator.IsRate)
        {
            return numerator;
        }
        var denominator = complete.Sum(m => indicator.Denominator.Sum(c => m[c]));
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

    [Property(MaxTest = 150)]
    public Property Bounded_figures_merge_analyse_and_print_without_throwing_and_rates_are_ratios_of_sums() =>
        Prop.ForAll(Roster(Figure), figures =>
        {
            var (roster, now, previous) = MergeOf(figures);

            var accepted = now.Accepted.Select(u => u.Values).ToList();
            Assert.Equal(figures.Count(f => f.Status == IntakeStatus.Accepted), accepted.Count);
            foreach (var field in Definition.NumericFields)
            {
                Assert.Equal(accepted.Where(v => v.ContainsKey(field.Code)).Sum(v => v[field.Code]), now.Total.Values[field.Code]);
            }
            foreach (var indicator in Definition.Indicators)
            {
                Assert.Equal(RatioOfSums(indicator, accepted), now.Total.Indicators[indicator.Code]);
                foreach (var unit in now.Accepted)
                {
                    Assert.Equal(RatioOfSums(indicator, [unit.Values]), unit.Indicators[indicator.Code]);
                }
            }

            var analysis = MergeAnalysis.Of(now, new PeriodHistory(previous, previous, [previous, now]));
            Assert.Equal(Definition.Indicators.Count(), analysis.Ranks.Count);
            Assert.All(analysis.YearOnYear, y => _ = y.Ratio);
            Assert.All(analysis.Increments, i => _ = i.Increment);
            Print(now);
        });

    [Property(MaxTest = 100)]
    public Property Any_figures_a_store_may_hold_never_throw_and_the_unit_holding_one_out_of_bounds_is_rejected() =>
        Prop.ForAll(Roster(Gen.Frequency((3, Figure), (1, AnyDecimal))), figures =>
        {
            var (_, now, previous) = MergeOf(figures);

            Assert.All(now.Units, u => Assert.All(u.Values.Values, v => Assert.True(NumberBounds.IsWithin(v))));
            foreach (var (unit, sent) in now.Units.Zip(figures))
            {
                if (sent.Status == IntakeStatus.Accepted)
                {
                    Assert.Equal(sent.Values.Values.All(v => NumberBounds.IsWithin(v)) ? UnitStatus.Accepted : UnitStatus.Rejected, unit.Status);
                }
            }
            MergeAnalysis.Of(now, new PeriodHistory(previous, previous, [previous, now]));
            Print(now);
        });

    [Property(MaxTest = 200)]
    public Property Indicators_of_any_decimals_are_the_ratio_of_sums_or_null_never_an_exception() =>
        Prop.ForAll(Gen.ArrayOf(FiguresOf(AnyDecimal), 3).ToArbitrary(), members =>
        {
            var group = IndicatorCalculator.ForGroup(Definition, members);
            foreach (var indicator in Definition.Indicators)
            {
                Assert.Equal(RatioOfSumsOrNull(indicator, members), group[indicator.Code]);
                _ = NumberStyle.Indicator(indicator, group[indicator.Code]);
                _ = NumberStyle.Cell(indicator, group[indicator.Code]);
            }
        });

    [Fact]
    public void A_ratio_too_large_for_a_decimal_is_null_and_prints_as_a_dash()
    {
        var rate = Definition.Indicators.First(i => i.IsRate);
        var member = new Dictionary<string, decimal> { [rate.Numerator[0]] = decimal.MaxValue / 2, [rate.Denominator[0]] = 0.000001m };
        Assert.Null(IndicatorCalculator.ForUnit(Definition, member)[rate.Code]);
        Assert.Null(IndicatorCalculator.ForGroup(Definition, [member, member])[rate.Code]); // the numerator's sum overflows too
        Assert.Equal("—", NumberStyle.Percent(1e27m, 1)); // a ratio that fits, but not as a percentage
        Assert.Equal("—", NumberStyle.Cell(new FieldDefinition("r", "比率", "%", FieldKind.Rate, false, null, false, null), decimal.MaxValue));
        Assert.Equal("—", NumberStyle.Points(decimal.MaxValue));
    }

    /// <summary><see cref="RatioOfSums"/>, with sums that may themselves overflow (any decimals): null then.</summary>
    private static decimal? RatioOfSumsOrNull(IndicatorDefinition indicator, IEnumerable<IReadOnlyDictionary<string, decimal>> members)
    {
        try
        {
            return RatioOfSums(indicator, members);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Every figure and indicator as the briefing and its tables print them.</summary>
    private static void Print(MergeResult merge)
    {
        foreach (var field in Definition.NumericFields)
        {
            _ = NumberStyle.Cell(field, merge.Total.Values[field.Code]);
            foreach (var unit in merge.Units.Where(u => u.Values.ContainsKey(field.Code)))
            {
                _ = NumberStyle.Cell(field, unit.Values[field.Code]);
                _ = field.Kind == FieldKind.Amount ? NumberStyle.Amount(unit.Values[field.Code]) : NumberStyle.Count(unit.Values[field.Code], field.Unit);
            }
        }
        foreach (var indicator in Definition.Indicators)
        {
            _ = NumberStyle.Indicator(indicator, merge.Total.Indicators[indicator.Code]);
            foreach (var unit in merge.Units)
            {
                _ = NumberStyle.Cell(indicator, unit.Indicators[indicator.Code]);
            }
        }
    }
}
