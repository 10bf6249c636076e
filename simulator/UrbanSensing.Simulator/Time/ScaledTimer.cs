namespace UrbanSensing.Simulator.Time;

/// <summary>An inner-clock timer whose due times and periods are given in simulated time.</summary>
internal sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToInner(dueTime), clock.ToInner(period));

    public void Dispose() => inner.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
