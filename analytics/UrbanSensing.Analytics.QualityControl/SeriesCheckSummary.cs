using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>What the single-series checks of one quantity did in a pass.</summary>
/// <param name="SettledFrom">Start of the readings the pass decided: the range's start less the quantity's context.</param>
/// <param name="SettledTo">End, excluded, of the readings the pass decided: the range's end less the quantity's context.</param>
/// <param name="ReadingsChecked">Readings in [<paramref name="SettledFrom"/>, <paramref name="SettledTo"/>).</param>
/// <param name="Flagged">For each flag the checks own, how many of the checked readings carry it after the pass.</param>
/// <param name="UpdatesSent">Checked readings whose owned flags changed, sent to the store.</param>
/// <param name="UpdatesMatched">Of those, how many the store found (fewer only if readings went missing meanwhile).</param>
public sealed record SeriesCheckSummary(
    Quantity Quantity,
    DateTimeOffset SettledFrom,
    DateTimeOffset SettledTo,
    int ReadingsChecked,
    IReadOnlyDictionary<QualityFlags, int> Flagged,
    int UpdatesSent,
    int UpdatesMatched);
