namespace UrbanSensing.Analytics.AirQuality;

/// <summary>The statistic a band table or a guideline is defined on; <see cref="Averaging"/> computes the short-term ones.</summary>
public enum AveragingPeriod
{
    /// <summary>One hourly value.</summary>
    Hourly = 1,

    /// <summary>The mean of the hourly values of a calendar day.</summary>
    DailyMean = 2,

    /// <summary>The mean of the last 24 hourly values, updated each hour.</summary>
    RunningMean24Hours = 3,

    /// <summary>The highest hourly value of a calendar day.</summary>
    DailyMaximumHourly = 4,

    /// <summary>The highest of a day's 8-hour running means, each assigned to the day on which it ends.</summary>
    DailyMaximum8HourMean = 5,

    /// <summary>The mean over a calendar year.</summary>
    Annual = 6,

    /// <summary>The WHO ozone peak season: the mean of the daily maximum 8-hour means over the six consecutive months with the highest six-month running mean.</summary>
    PeakSeason = 7,
}
