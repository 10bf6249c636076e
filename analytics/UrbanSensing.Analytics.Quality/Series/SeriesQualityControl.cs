using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Quality.Series;

/// <summary>The single-series checks of one channel together: range, step and spike, persistence and clock sync.</summary>
public sealed class SeriesQualityControl
{
    private readonly RangeCheck _range;
    private readonly StepCheck _step;
    private readonly PersistenceCheck _persistence;

    public SeriesQualityControl(RangeCheck range, StepCheck step, PersistenceCheck persistence)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(persistence);
        _range = range;
        _step = step;
        _persistence = persistence;
    }

    /// <summary>The quantity's plausible range from the protocol catalogue, with the step and persistence limits given.</summary>
    public static SeriesQualityControl For(
        Quantity quantity, double maximumStep, TimeSpan maximumStepGap, double persistenceTolerance, TimeSpan maximumPersistence) =>
        new(RangeCheck.For(quantity), new StepCheck(maximumStep, maximumStepGap), new PersistenceCheck(persistenceTolerance, maximumPersistence));

    /// <summary>One result per reading, in their order, with the flags of every check that failed it.</summary>
    /// <exception cref="ArgumentException">A value is not finite, or timestamps are not strictly increasing.</exception>
    public IReadOnlyList<QcResult> Check(IReadOnlyList<SeriesReading> readings)
    {
        var range = _range.Check(readings);
        var step = _step.Check(readings);
        var persistence = _persistence.Check(readings);
        var clock = ClockSyncCheck.Check(readings);
        var results = new QcResult[readings.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new QcResult(range[i].Flags | step[i].Flags | persistence[i].Flags | clock[i].Flags);
        }

        return results;
    }
}
