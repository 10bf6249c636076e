namespace UrbanSensing.Analytics.Statistics;

internal static class Probabilities
{
    public static void RequireOpenUnit(double probability, string parameterName)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(parameterName, probability, "A probability must lie strictly between 0 and 1.");
        }
    }
}
