using UrbanSensing.Analytics.Heat;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// One urban site's heat island on one local day: the day's summary when the day is complete enough, and the
/// nocturnal maximum of the night that starts that evening.
/// </summary>
/// <param name="Hours">Hours of the local day both the site and the reference sites had.</param>
public sealed record SiteDayHeatIsland(Site Site, DateOnly Date, DailyHeatIsland? Day, NocturnalHeatIsland? Night, int Hours);
