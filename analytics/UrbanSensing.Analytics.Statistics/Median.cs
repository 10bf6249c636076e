namespace UrbanSensing.Analytics.Statistics;

public static class Median
{
    /// <summary>The median as R's median() gives it: the mean of the two middle values for an even count; NaN for none.</summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
