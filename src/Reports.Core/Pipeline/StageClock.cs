using System.Diagnostics;
using Reports.Runs;

namespace Reports.Pipeline;

/// <summary>Times the stages of one run in the order they ran.</summary>
public sealed class StageClock
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    private string? _current;
    private long _start;

    /// <summary>Ends the stage under way, if any, and starts timing <paramref name="stage"/>.</summary>
    public void Begin(string stage)
    {
        End();
        _current = stage;
        _start = Stopwatch.GetTimestamp();
    }

    /// <summary>Ends the stage under way, if any.</summary>
    public void End()
    {
        if (_current is not null)
        {
            _timings.Add(new StageTiming(_current, Stopwatch.GetElapsedTime(_start)));
            _current = null;
        }
    }
}
