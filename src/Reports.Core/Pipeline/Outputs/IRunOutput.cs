using Reports.Diagnostics;
using Reports.Runs;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// One output of a run, rendered from the run's result and nothing else: it never re-reads a county file, asks the
/// store, re-decides a version or recomputes the analysis. The pipeline lists them in one ordered array and prepares
/// every one before writing any (<see cref="Prepare"/>: what can fail on the office's templates fails there, so a
/// template error leaves no output behind), then writes them in order.
/// </summary>
public interface IRunOutput
{
    /// <summary>What a progress display shows while it is written.</summary>
    RunStage Stage { get; }

    /// <summary>The stopwatch stage its time counts to (<see cref="StageTiming"/>).</summary>
    string Timing { get; }

    /// <summary>Readies the output (e.g. composes and draws the briefing); returns how to write it into a folder.</summary>
    PreparedOutput Prepare(RunResult run);

    /// <summary>
    /// Written on another thread beside the others (which are written in order), when the run allows it
    /// (<see cref="RunOptions.ConcurrentOutputs"/>): for an output that needs nothing the others write.
    /// </summary>
    bool WrittenBeside => false;
}

/// <summary>An output ready to be written: writes into the folder (through the run's <see cref="OutputWriting"/>), returns the files written and what it found (e.g. glyphs no font has).</summary>
public delegate RenderedOutput PreparedOutput(string folder, OutputWriting writing);

/// <summary>The files an output wrote, and its notices.</summary>
public sealed record RenderedOutput(IReadOnlyList<string> Files, IReadOnlyList<Diagnostic>? Notices = null);
