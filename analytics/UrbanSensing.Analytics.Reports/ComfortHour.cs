using UrbanSensing.Analytics.Comfort;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// One site's thermal comfort over one hour, from the hourly means of its devices' air temperature and relative
/// humidity. An index the hour's values are outside the domain of is null.
/// </summary>
/// <param name="Hour">The UTC instant the hour starts.</param>
/// <param name="DewPoint">Null when the humidity is 0 %: perfectly dry air has no dew point.</param>
/// <param name="Humidex">Null when the humidity is 0 %: the humidex is defined from the dew point.</param>
/// <param name="WetBulb">Null outside Stull's range, −20 to 50 °C and 5 to 99 %.</param>
public sealed record ComfortHour(
    string Site,
    DateTimeOffset Hour,
    double Temperature,
    double Humidity,
    double? DewPoint,
    HeatIndexResult HeatIndex,
    HumidexResult? Humidex,
    double? WetBulb);
