namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// Tip times rebuilt from gauges' <c>rain-tips</c> readings as they arrive, in time order per gauge, which is what
/// <c>RainEventDetector</c> takes; only the tips and each gauge's last reading are kept. A reading counts the tips
/// since the device's previous read, not a running total (the simulator's <c>SimulatedRainGauge</c>, 0.2 mm a tip,
/// empties its count at each read; the protocol's <c>rain-tips</c> is a plain count), so the n tips of a reading at t
/// fell in (t′, t], t′ being the previous reading. They are spread evenly over that interval, the k-th at
/// t′ + k·(t − t′)/n, the last at t: with the usual 10 s reads this places each tip within 10 s. The first reading of
/// the range has no t′, and its tips are placed at t. Flagged readings are counted and left out.
/// </summary>
public sealed class TipTimes
{
    /// <summary>
    /// The longest interval tips are spread over. A longer gap is a device that was offline and reports everything it
    /// counted meanwhile; when those tips fell is unknown, so they go into the last hour before the reading rather than
    /// into a thin drizzle stretched over the whole outage.
    /// </summary>
    public static readonly TimeSpan MaximumSpread = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Gauge> _gauges = new(StringComparer.Ordinal);

    /// <summary>Readings that carried quality flags, left out.</summary>
    public int FlaggedReadings { get; private set; }

    /// <summary>Each gauge (device) with its unflagged readings counted and its tips in time order.</summary>
    public IEnumerable<(string Device, int Readings, IReadOnlyList<DateTimeOffset> Tips)> Gauges =>
        _gauges.Select(gauge => (gauge.Key, gauge.Value.Readings, (IReadOnlyList<DateTimeOffset>)gauge.Value.Tips));

    /// <param name="readings">Later than every reading added before for the same device, sorted by device and time; a count is rounded to a whole number of tips and one of zero or less adds none.</param>
    public void Add(IReadOnlyList<RawReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        foreach (var reading in readings)
        {
            if (reading.Flags.Length > 0)
            {
                FlaggedReadings++;
                continue;
            }

            if (!_gauges.TryGetValue(reading.Device, out var gauge))
            {
                _gauges.Add(reading.Device, gauge = new Gauge());
            }

            var count = (int)Math.Round(reading.Value);
            var spread = gauge.LastReading is { } previous ? reading.Time - previous : TimeSpan.Zero;
            if (spread > MaximumSpread)
            {
                spread = MaximumSpread;
            }

            for (var tip = 1; tip <= count; tip++)
            {
                gauge.Tips.Add(reading.Time - spread + (spread * tip / count));
            }

            gauge.LastReading = reading.Time;
            gauge.Readings++;
        }
    }

    private sealed class Gauge
    {
        public List<DateTimeOffset> Tips { get; } = [];

        public DateTimeOffset? LastReading { get; set; }

        public int Readings { get; set; }
    }
}
