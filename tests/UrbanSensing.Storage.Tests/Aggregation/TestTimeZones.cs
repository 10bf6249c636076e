namespace UrbanSensing.Storage.Tests.Aggregation;

/// <summary>Time zones whose offset changes in awkward ways, shared by the tests of every store's aggregation.</summary>
internal static class TestTimeZones
{
    /// <summary>2025: springs forward on 30 March at 01:00 UTC (02:00+01:00 → 03:00+02:00), falls back on 26 October at 01:00 UTC (03:00+02:00 → 02:00+01:00).</summary>
    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// Changes at local midnight: 2025-04-06 00:00-03:00 falls back to 2025-04-05 23:00-04:00, and 2025-09-07
    /// 00:00-04:00 springs forward to 01:00-03:00, so that midnight never shows.
    /// </summary>
    public static TimeZoneInfo Santiago { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

    /// <summary>Half-hour changes: 2025-04-06 02:00+11:00 falls back to 01:30+10:30, 2025-10-05 02:00+10:30 springs forward to 02:30+11:00.</summary>
    public static TimeZoneInfo LordHowe { get; } = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");

    /// <summary>Springs forward on 2025-03-04 at 02:00+01:00 and falls back on 2025-03-06 at 03:00+02:00: two changes within one week.</summary>
    public static TimeZoneInfo TwoChangesInOneWeek { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "Test/TwoChangesInOneWeek",
        TimeSpan.FromHours(1),
        "Two changes in one week",
        "Standard",
        "Summer",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2025, 1, 1),
                new DateTime(2025, 12, 31),
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 4),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 3, 0, 0), 3, 6)),
        ]);

    /// <summary>By id, with UTC.</summary>
    public static IReadOnlyDictionary<string, TimeZoneInfo> ById { get; } = new Dictionary<string, TimeZoneInfo>
    {
        [Paris.Id] = Paris,
        [Santiago.Id] = Santiago,
        [LordHowe.Id] = LordHowe,
        [TwoChangesInOneWeek.Id] = TwoChangesInOneWeek,
        [TimeZoneInfo.Utc.Id] = TimeZoneInfo.Utc,
    };
}
