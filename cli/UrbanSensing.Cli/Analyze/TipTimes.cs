namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// Tip times rebuilt from a gauge's <c>rain-tips</c> readings, which is what <c>RainEventDetector</c> takes. A reading
/// counts the tips since the device's previous read, not a running total (the simulator's <c>SimulatedRainGauge</c>,
/// 0.2 mm a tip, empties its count at each read; the protocol's <c>rain-tips</c> is a plain count), so the n tips of a reading at t fell in (t′, t], t′ being the
/// previous reading. They are spread evenly over that interval, the k-th at t′ + k·(t − t′)/n, the last at t: with the
/// usual 10 s reads this places each tip within 10 s. The first reading of the range has no t′, and its tips are placed
/// at t.
/// </summary>
internal static class TipTimes
{
    /// <summary>
    /// The longest interval tips are spread over. A longer gap is a device that was offline and reports everything it
    /// counted meanwhile; when those tips fell is unknown, so they go into the last hour before the reading rather than
    /// into a thin drizzle stretched over the whole outage.
    /// </summary>
    public static readonly TimeSpan MaximumSpread = TimeSpan.FromHours(1);

    /// <param name="readings">One gauge's readings, ordered by time; a count is rounded to a whole number of tips and one of zero or less adds none.</param>
    public static IReadOnlyList<DateTimeOffset> Of(IReadOnlyList<RawReading> readings)
    {
        var tips = new List<DateTimeOffset>();
        for (var index = 0; index < readings.Count; index++)
        {
            var (time, count) = (readings[index].Time, (int)Math.Round(readings[index].Value));
            var spread = index == 0 ? TimeSpan.Zero : time - readings[index - 1].Time;
            if (spread > MaximumSpread)
            {
                spread = MaximumSpread;
            }

            for (var tip = 1; tip <= count; tip++)
            {
                tips.Add(time - spread + (spread * tip / count));
            }
        }

        return tips;
    }
}
