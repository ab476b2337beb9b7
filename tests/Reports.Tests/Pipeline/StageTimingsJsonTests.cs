using System.Text.Json;
using Reports.Pipeline;
using Reports.Runs;

namespace Reports.Tests.Pipeline;

public sealed class StageTimingsJsonTests
{
    [Fact]
    public void Writes_each_stage_in_milliseconds_and_their_total()
    {
        StageTiming[] timings =
        [
            new(StageTiming.Intake, TimeSpan.FromMilliseconds(812.4)),
            new(StageTiming.Pdf, TimeSpan.FromSeconds(2)),
        ];
        using var stream = new MemoryStream();
        StageTimingsJson.Write(timings, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["intake", "pdf"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal([812.4, 2000.0], stages.Select(s => s.GetProperty("ms").GetDouble()));
        Assert.Equal(2812.4, json.RootElement.GetProperty("total_ms").GetDouble(), precision: 6);
    }
}
