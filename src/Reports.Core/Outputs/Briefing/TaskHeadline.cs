using Reports.Definitions;
using Reports.Merge;

namespace Reports.Outputs.Briefing;

/// <summary>
/// The indicator a task is ranked and charted by: the first one tracked against time progress, else the first
/// completion rate, else the first rate of any kind (a ratio against last year); none for a task without rates.
/// </summary>
public static class TaskHeadline
{
    public static IndicatorDefinition? For(MergeResult merge, SectionDefinition section) =>
        section.Indicators.FirstOrDefault(i => merge.ProgressFor(i) is not null)
        ?? section.Indicators.FirstOrDefault(i => i.IsRate && i.Style == IndicatorStyle.Completion)
        ?? section.Indicators.FirstOrDefault(i => i.IsRate && i.Style != IndicatorStyle.Amount);
}
