using System.Diagnostics;

namespace Reports.Pipeline;

/// <summary>Times the stages of one run in the order they ran.</summary>
public sealed class StageClock
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = work();
        _timings.Add(new StageTiming(stage, Stopwatch.GetElapsedTime(start)));
        return result;
    }
}
