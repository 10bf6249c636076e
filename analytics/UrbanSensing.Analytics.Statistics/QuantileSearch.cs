namespace UrbanSensing.Analytics.Statistics;

/// <summary>Inverts a continuous, increasing distribution function by bisection, to the last bits of a double.</summary>
internal static class QuantileSearch
{
    public static double Invert(Func<double, double> cumulative, double probability)
    {
        var low = -1.0;
        var high = 1.0;
        while (cumulative(low) > probability)
        {
            low *= 2;
        }

        while (cumulative(high) < probability)
        {
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > 1e-15 * Math.Max(1, Math.Abs(low)); i++)
        {
            var middle = (low + high) / 2;
            if (cumulative(middle) < probability)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }
}
