using System.Text.Json;
using Reports.Pipeline;
using Reports.Runs;

namespace Reports.Tests.Support;

/// <summary>
/// A sample merged end to end through a store, as the CLI runs, and what it wrote, each read back once: summary.json,
/// intake.json, the consolidated workbook and the briefing.
/// </summary>
public sealed class SampleRun : IDisposable
{
    private readonly Lazy<JsonDocument> _summary;
    private readonly Lazy<JsonDocument> _intake;
    private readonly Lazy<WorkbookReadBack> _workbook;
    private readonly Lazy<byte[]> _pdf;
    private readonly Lazy<PdfText> _briefing;

    public SampleRun(SampleReturn sample, RunOptions options)
    {
        Sample = sample;
        Options = options;
        Outcome = new RunPipeline(FixedClock.Default).Execute(options);
        _summary = new(() => JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(Output, "summary.json"))));
        _intake = new(() => JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(Output, "intake.json"))));
        _workbook = new(() => new WorkbookReadBack(WorkbookPath));
        _pdf = new(() => File.ReadAllBytes(PdfPath));
        _briefing = new(() => PdfText.Read(Pdf));
    }

    public SampleReturn Sample { get; }

    /// <summary>The run's options: another run with these (and another output folder and store) must write the same bytes.</summary>
    public RunOptions Options { get; }

    public RunOutcome Outcome { get; }

    /// <summary>The folder the outputs were written to.</summary>
    public string Output => Options.OutputDirectory;

    public string Store => Options.StorePath!;

    public JsonDocument Summary => _summary.Value;
    public JsonDocument Intake => _intake.Value;

    public string WorkbookPath => Outcome.OutputFiles.Single(f => System.IO.Path.GetFileName(f).StartsWith("汇总表-", StringComparison.Ordinal));
    public WorkbookReadBack Workbook => _workbook.Value;

    public string PdfPath => Outcome.OutputFiles.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal));
    public byte[] Pdf => _pdf.Value;
    public PdfText Briefing => _briefing.Value;

    public void Dispose()
    {
        if (_summary.IsValueCreated)
        {
            _summary.Value.Dispose();
        }
        if (_intake.IsValueCreated)
        {
            _intake.Value.Dispose();
        }
    }
}
