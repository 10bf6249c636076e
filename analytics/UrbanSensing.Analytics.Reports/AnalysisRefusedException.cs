namespace UrbanSensing.Analytics.Reports;

/// <summary>An analysis that cannot be run as asked: an unknown site, or no data to measure against.</summary>
/// <param name="parameter">The request parameter at fault (<c>site</c>), or null when no parameter is: the data is.</param>
public sealed class AnalysisRefusedException(string? parameter, string message) : Exception(message)
{
    public string? Parameter { get; } = parameter;
}
