using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// Cuts a level series into its falling limbs, each from a peak to the lowest level before the next rise, so that
/// <c>DrawdownAnalysis</c> (which takes one limb: the highest reading and the lowest after it) can measure each.
/// A turn counts only when the level moves back by more than <see cref="ToleranceMm"/>, so the noise of a level sensor
/// neither ends a limb nor makes one.
/// </summary>
public static class FallingLimbs
{
    /// <summary>Ultrasonic and pressure level sensors read to a few mm; a rise or fall of more than 10 mm is water.</summary>
    public const double ToleranceMm = 10;

    /// <param name="series">Levels at strictly increasing times.</param>
    /// <returns>Each limb's readings, peak to trough. A limb running at the start of the series (its peak before the range) starts at the first reading; one still falling at the end ends at the lowest reading.</returns>
    public static IReadOnlyList<IReadOnlyList<LevelReading>> Of(IReadOnlyList<LevelReading> series)
    {
        var limbs = new List<IReadOnlyList<LevelReading>>();
        if (series.Count == 0)
        {
            return limbs;
        }

        var falling = false;
        var extreme = 0;
        var peak = 0;
        for (var index = 1; index < series.Count; index++)
        {
            var level = series[index].LevelMm;
            if (!falling)
            {
                if (level >= series[extreme].LevelMm)
                {
                    extreme = index;
                }
                else if (series[extreme].LevelMm - level > ToleranceMm)
                {
                    (falling, peak, extreme) = (true, extreme, index);
                }
            }
            else if (level <= series[extreme].LevelMm)
            {
                extreme = index;
            }
            else if (level - series[extreme].LevelMm > ToleranceMm)
            {
                limbs.Add([.. series.Skip(peak).Take(extreme - peak + 1)]);
                (falling, extreme) = (false, index);
            }
        }

        if (falling)
        {
            limbs.Add([.. series.Skip(peak).Take(extreme - peak + 1)]);
        }

        return limbs;
    }
}
