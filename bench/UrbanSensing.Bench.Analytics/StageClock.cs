using System.Diagnostics;

namespace UrbanSensing.Bench.Analytics;

/// <summary>Times the stages of one run: each <see cref="Lap"/> closes the stage since the previous one.</summary>
internal sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Elapsed)> _laps = [];
    private TimeSpan _last;

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Laps => _laps;

    public TimeSpan Total => _last;

    public void Lap(string stage)
    {
        var now = _watch.Elapsed;
        _laps.Add((stage, now - _last));
        _last = now;
    }
}
