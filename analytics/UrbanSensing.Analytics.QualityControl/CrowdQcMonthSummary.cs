using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>What CrowdQC+ did with one UTC month of the network's air temperature in a pass.</summary>
/// <param name="Month">First instant of the month, UTC.</param>
/// <param name="StationsWithData">Registry sites with at least one hourly value in the month; 0 when the month was not read.</param>
/// <param name="IsolatedStations">Stations with fewer buddies within the m5 radius than CrowdQC+ asks for.</param>
/// <param name="SkippedBecause">Why the month was not judged (not over yet, too few stations); <see langword="null"/> when it was.</param>
/// <param name="ReadingsChecked">Air-temperature readings of registry devices in the month, each given its site-hour's flags.</param>
/// <param name="Flagged">For each CrowdQC+ flag the pass owns, how many of the checked readings carry it after the pass.</param>
/// <param name="UpdatesSent">Checked readings whose CrowdQC+ flags changed, sent to the store.</param>
/// <param name="UpdatesMatched">Of those, how many the store found.</param>
public sealed record CrowdQcMonthSummary(
    DateTimeOffset Month,
    int StationsWithData,
    IReadOnlyList<string> IsolatedStations,
    string? SkippedBecause,
    int ReadingsChecked,
    IReadOnlyDictionary<QualityFlags, int> Flagged,
    int UpdatesSent,
    int UpdatesMatched)
{
    public bool Skipped => SkippedBecause is not null;
}
