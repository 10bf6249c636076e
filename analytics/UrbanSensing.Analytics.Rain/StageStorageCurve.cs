namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// The stage-storage relation of a basin or swale from its survey table, interpolated linearly between rows
/// (the usual practice for a surveyed table; a finer table gives a better curve, not a cleverer formula).
/// </summary>
public sealed class StageStorageCurve
{
    public StageStorageCurve(IEnumerable<StagePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        Points = [.. points];
        if (Points.Count < 2)
        {
            throw new ArgumentException("A stage-storage table has at least two rows.", nameof(points));
        }

        for (var i = 0; i < Points.Count; i++)
        {
            var (level, volume) = (Points[i].LevelM, Points[i].VolumeM3);
            if (!double.IsFinite(level) || !double.IsFinite(volume) || volume < 0)
            {
                throw new ArgumentException($"Row {i}: a level is a finite number of m and a volume a finite number of m³, zero or more.", nameof(points));
            }

            if (i > 0 && (level <= Points[i - 1].LevelM || volume <= Points[i - 1].VolumeM3))
            {
                throw new ArgumentException($"Row {i}: levels and volumes are strictly increasing from row to row (level {level} m after {Points[i - 1].LevelM} m, volume {volume} m³ after {Points[i - 1].VolumeM3} m³).", nameof(points));
            }
        }
    }

    public IReadOnlyList<StagePoint> Points { get; }

    public double MinLevelM => Points[0].LevelM;

    public double MaxLevelM => Points[^1].LevelM;

    /// <summary>The volume at a level inside the table, m³; a level outside it throws rather than extrapolating.</summary>
    public double VolumeAt(double levelM)
    {
        if (!double.IsFinite(levelM) || levelM < MinLevelM || levelM > MaxLevelM)
        {
            throw new ArgumentOutOfRangeException(nameof(levelM), levelM, $"A level is within the stage-storage table, [{MinLevelM}, {MaxLevelM}] m.");
        }

        var upper = 1;
        while (Points[upper].LevelM < levelM)
        {
            upper++;
        }

        var (low, high) = (Points[upper - 1], Points[upper]);
        return low.VolumeM3 + ((levelM - low.LevelM) / (high.LevelM - low.LevelM) * (high.VolumeM3 - low.VolumeM3));
    }
}
