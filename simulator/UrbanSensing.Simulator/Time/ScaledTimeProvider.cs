namespace UrbanSensing.Simulator.Time;

/// <summary>
/// Simulated time that starts at a chosen instant and runs <see cref="Scale"/> times faster than an inner clock:
/// now = start + elapsed(inner) × scale, and a timer due after <c>t</c> fires after <c>t / scale</c> of inner time.
/// With a scale of 1440 a simulated day passes in a minute.
/// </summary>
/// <remarks>
/// Inner timers are never shorter than a millisecond (the resolution of system timers), so intervals below
/// 1 ms × scale stretch; the simulated clock itself stays exact.
/// </remarks>
public sealed class ScaledTimeProvider : TimeProvider
{
    private static readonly TimeSpan ShortestInnerTimer = TimeSpan.FromMilliseconds(1);

    private readonly TimeProvider _inner;
    private readonly long _innerStart;

    public ScaledTimeProvider(TimeProvider inner, DateTimeOffset start, double scale)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the time scale must be a positive number");
        }

        _inner = inner;
        _innerStart = inner.GetTimestamp();
        Start = start;
        Scale = scale;
    }

    public DateTimeOffset Start { get; }

    public double Scale { get; }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => Start + Elapsed();

    public override long GetTimestamp() => Elapsed().Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, ToInner(dueTime), ToInner(period)), this);

    internal TimeSpan ToInner(TimeSpan simulated)
    {
        if (simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero)
        {
            return simulated;
        }

        var inner = TimeSpan.FromTicks((long)Math.Ceiling(simulated.Ticks / Scale));
        return inner < ShortestInnerTimer ? ShortestInnerTimer : inner;
    }

    private TimeSpan Elapsed() => TimeSpan.FromTicks((long)(_inner.GetElapsedTime(_innerStart).Ticks * Scale));
}
