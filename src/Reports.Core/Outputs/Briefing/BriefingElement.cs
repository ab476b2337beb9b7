namespace Reports.Outputs.Briefing;

/// <summary>
/// A piece of rendered narrative. A template writes plain lines: "# " a title, "### " a subtitle, "## " a section heading,
/// "[[table:SECTION]]" the table of a task, "[[chart:SECTION]]" its chart, "[[status]]" the submission status of every
/// unit, "[[quality]]" the data-quality signals, anything else a paragraph (blank lines separate paragraphs).
/// </summary>
public abstract record BriefingElement;

public sealed record BriefingTitle(string Text) : BriefingElement;

public sealed record BriefingSubtitle(string Text) : BriefingElement;

public sealed record BriefingHeading(string Text) : BriefingElement;

public sealed record BriefingParagraph(string Text) : BriefingElement;

public sealed record BriefingTableSlot(string SectionCode) : BriefingElement;

public sealed record BriefingChartSlot(string SectionCode) : BriefingElement;

public sealed record BriefingStatusSlot : BriefingElement;

public sealed record BriefingQualitySlot : BriefingElement;

/// <summary>A "[[…]]" line the composer does not know; rendering rejects it as a template error.</summary>
public sealed record BriefingUnknownSlot(string Text) : BriefingElement;
