namespace UrbanSensing.Bench.Analytics;

/// <summary>The runs of one contender: milliseconds of the whole run and of each stage, bytes allocated and collector pauses.</summary>
internal sealed class Timings(string name)
{
    public const string Total = "total";

    private readonly Dictionary<string, List<double>> _milliseconds = new(StringComparer.Ordinal);
    private readonly List<double> _allocatedMegabytes = [];
    private readonly List<double> _pausedMilliseconds = [];

    public string Name { get; } = name;

    public int Runs => _allocatedMegabytes.Count;

    public void Add(StageClock clock, long allocatedBytes, TimeSpan collectorPauses)
    {
        _pausedMilliseconds.Add(collectorPauses.TotalMilliseconds);
        Record(Total, clock.Total.TotalMilliseconds);
        foreach (var (stage, elapsed) in clock.Laps)
        {
            Record(stage, elapsed.TotalMilliseconds);
        }

        _allocatedMegabytes.Add(allocatedBytes / 1e6);
    }

    /// <summary>The best run's milliseconds of the stages together, or of the whole run when none are named.</summary>
    public double Best(params string[] stages) => RunsOf(stages).Min();

    /// <summary>The median run's milliseconds of the stages together, or of the whole run when none are named.</summary>
    public double Median(params string[] stages) => MedianOf(RunsOf(stages));

    public double MedianAllocatedMegabytes => MedianOf(_allocatedMegabytes);

    /// <summary>The median time the garbage collector paused the program during a run.</summary>
    public double MedianPausedMilliseconds => MedianOf(_pausedMilliseconds);

    private void Record(string stage, double milliseconds)
    {
        if (!_milliseconds.TryGetValue(stage, out var runs))
        {
            runs = [];
            _milliseconds.Add(stage, runs);
        }

        runs.Add(milliseconds);
    }

    private List<double> RunsOf(string[] stages) =>
        stages.Length == 0 ? _milliseconds[Total] : [.. Enumerable.Range(0, Runs).Select(run => stages.Sum(stage => _milliseconds[stage][run]))];

    private static double MedianOf(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
