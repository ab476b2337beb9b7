namespace Reports.Runs;

/// <summary>The stages of a run in order, as a progress display shows them.</summary>
public enum RunStage
{
    /// <summary>Reading and checking each file of the inbox (one progress line per file).</summary>
    Reading,
    /// <summary>Recording the files in the history store.</summary>
    Recording,
    /// <summary>Merging, computing indicators and analysis, composing the briefing.</summary>
    Merging,
    /// <summary>summary.json, intake.json and the receipts.</summary>
    WritingFiles,
    /// <summary>The consolidated workbook.</summary>
    WritingExcel,
    /// <summary>The briefing PDF.</summary>
    WritingPdf,
}
