namespace UrbanSensing.Bench.Analytics;

/// <summary>One of the computations timed against each other.</summary>
/// <param name="Run">The timed computation; it marks its stages, the last one ending the run.</param>
/// <param name="Prepare">Untimed, before each run: loads the input the run consumes.</param>
internal sealed record Contender(string Name, Func<StageClock, Task> Run, Action? Prepare = null)
{
    /// <summary>A computation that completes before it returns.</summary>
    public Contender(string name, Action<StageClock> run, Action? prepare = null)
        : this(name, clock =>
        {
            run(clock);
            return Task.CompletedTask;
        }, prepare)
    {
    }
}
