using Reports.Results;

namespace Reports.Runs;

/// <summary>
/// What a run computed, before anything is written: the options it ran with, one result per return in order, and its clock;
/// with each return's narrative template (templates/briefing/RETURN.scriban), parsed before any file was read, which the
/// briefing renders from the result.
/// </summary>
public sealed record RunResult(RunOptions Options, IReadOnlyList<ReturnResult> Returns, TimeProvider Clock, IReadOnlyList<Scriban.Template> Narratives)
{
    /// <summary>One return keeps the plain names (summary.json); several get summary-CODE.json.</summary>
    public bool Single => Returns.Count == 1;

    /// <summary>"campaign-5plus1-2022-06", "campaign-5plus1+fund-project-matching-2022-06": the stem of the workbook's and briefing's names.</summary>
    public string Stem => $"{string.Join("+", Returns.Select(r => r.Definition.Code))}-{Options.Period}";

    /// <summary>"" for one return, "-CODE" for each of several.</summary>
    public string SuffixOf(ReturnResult result) => Single ? "" : "-" + result.Definition.Code;
}
