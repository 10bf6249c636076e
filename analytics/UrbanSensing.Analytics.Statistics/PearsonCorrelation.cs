namespace UrbanSensing.Analytics.Statistics;

public static class PearsonCorrelation
{
    /// <summary>
    /// Pearson's r over the positions where both series have a number (R's cor with use = "pairwise.complete.obs");
    /// NaN when fewer than two such positions remain or either series is constant over them.
    /// </summary>
    public static double OfCompletePairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sumX = 0, sumY = 0;
        var count = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                sumX += x[i];
                sumY += y[i];
                count++;
            }
        }

        if (count < 2)
        {
            return double.NaN;
        }

        double meanX = sumX / count, meanY = sumY / count;
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                var dx = x[i] - meanX;
                var dy = y[i] - meanY;
                covariance += dx * dy;
                varianceX += dx * dx;
                varianceY += dy * dy;
            }
        }

        return varianceX == 0 || varianceY == 0 ? double.NaN : covariance / Math.Sqrt(varianceX * varianceY);
    }
}
