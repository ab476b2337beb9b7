namespace Reports.Analysis;

/// <summary>
/// Where a value stops looking plausible. <see cref="OutlierScore"/> is the modified z-score of the value's
/// logarithm (0.6745 · (ln x − median) / MAD, over the accepted units) beyond which a value is out of line with its
/// peers; 3.5 is the threshold Iglewicz and Hoaglin recommend. With a dozen units the spread is often tight, so a
/// value must also be at least <see cref="OutlierFactor"/> times above or below the median to be flagged. <see cref="UnitSlipLow"/>–<see cref="UnitSlipHigh"/> is the ratio to the
/// peers' median at which a 万元 amount was probably typed in 元 (about 10,000×). <see cref="JumpFactor"/> is how many
/// times the previous period's figure a cumulative figure may reach before it is flagged.
/// </summary>
public sealed record QualityThresholds(decimal OutlierScore = 3.5m, decimal OutlierFactor = 3m, decimal UnitSlipLow = 2000m, decimal UnitSlipHigh = 50000m, int MinimumPeers = 5, decimal JumpFactor = 3m)
{
    public static QualityThresholds Default { get; } = new();
}
