namespace Reports.Outputs.Briefing;

/// <summary>
/// A piece of rendered narrative. A template writes plain lines: "# " a title, "### " a subtitle, "## " a section heading,
/// "[[table:SECTION]]" the table of a task, anything else a paragraph (blank lines separate paragraphs).
/// </summary>
public abstract record BriefingElement;

public sealed record BriefingTitle(string Text) : BriefingElement;

public sealed record BriefingSubtitle(string Text) : BriefingElement;

public sealed record BriefingHeading(string Text) : BriefingElement;

public sealed record BriefingParagraph(string Text) : BriefingElement;

public sealed record BriefingTableSlot(string SectionCode) : BriefingElement;
