namespace UrbanSensing.Analytics.Heat;

/// <summary>Which three days the biometeorological indicators of a day average.</summary>
public enum IndicatorWindow
{
    /// <summary>
    /// Day D and the two following days, D+1 and D+2: the alignment of the Système d'alerte canicule et santé, whose
    /// indicators are means of the forecasts for the coming three days, so that the alert is dated by the day a 3-day
    /// hot spell begins. The public descriptions we could check (Santé publique France's Sacs summaries, Météo-France
    /// as quoted by the press) say only "3-day running means"; the D, D+1, D+2 reading is not confirmed from them.
    /// </summary>
    DayAndTwoFollowing,

    /// <summary>Day D and the two preceding days, D−2 and D−1: a trailing mean, for looking back at observations.</summary>
    DayAndTwoPreceding,
}
