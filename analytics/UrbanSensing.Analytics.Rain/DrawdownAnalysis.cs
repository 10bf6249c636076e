namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// The drawdown rate of a basin or swale from its level readings after an event: the falling limb runs from the
/// highest reading to the lowest one after it, and a straight line is fitted to level against time over it by
/// least squares. A linear fit is the field practice for infiltration checks of swales and basins (falling-head
/// reading); a limb that bends strongly shows up as a low R².
/// </summary>
public static class DrawdownAnalysis
{
    public static DrawdownResult Analyse(IReadOnlyList<LevelReading> readings, double designRateMmPerHour)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (!double.IsFinite(designRateMmPerHour) || designRateMmPerHour <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(designRateMmPerHour), designRateMmPerHour, "A design drawdown rate is a finite number of mm/h above zero.");
        }

        for (var i = 0; i < readings.Count; i++)
        {
            if (!double.IsFinite(readings[i].LevelMm))
            {
                throw new ArgumentException($"Reading {i}: a level is a finite number of mm.", nameof(readings));
            }

            if (i > 0 && readings[i].Time <= readings[i - 1].Time)
            {
                throw new ArgumentException($"Reading times are strictly increasing; reading {i} ({readings[i].Time:O}) is not after reading {i - 1} ({readings[i - 1].Time:O}).", nameof(readings));
            }
        }

        var peak = 0;
        for (var i = 1; i < readings.Count; i++)
        {
            if (readings[i].LevelMm > readings[peak].LevelMm)
            {
                peak = i;
            }
        }

        var lowest = peak;
        for (var i = peak + 1; i < readings.Count; i++)
        {
            if (readings[i].LevelMm < readings[lowest].LevelMm)
            {
                lowest = i;
            }
        }

        var count = lowest - peak + 1;
        if (count < 3)
        {
            throw new ArgumentException($"A falling limb needs at least three readings from the peak to the lowest level after it; these readings give {count}.", nameof(readings));
        }

        var origin = readings[peak].Time;
        double meanX = 0, meanY = 0;
        for (var i = peak; i <= lowest; i++)
        {
            meanX += (readings[i].Time - origin).TotalHours;
            meanY += readings[i].LevelMm;
        }

        meanX /= count;
        meanY /= count;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = peak; i <= lowest; i++)
        {
            var dx = (readings[i].Time - origin).TotalHours - meanX;
            var dy = readings[i].LevelMm - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        var slope = sxy / sxx;
        var rate = -slope;
        var rSquared = sxy * sxy / (sxx * syy);
        return new DrawdownResult(rate, designRateMmPerHour, rate / designRateMmPerHour, rSquared, origin, readings[lowest].Time, count);
    }
}
