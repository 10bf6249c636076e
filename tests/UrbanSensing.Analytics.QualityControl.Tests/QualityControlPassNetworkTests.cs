using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Analytics.QualityControl.Tests;

/// <summary>The CrowdQC+ part of the pass, against a DuckDB file: a month of a network of registry sites.</summary>
public sealed class QualityControlPassNetworkTests : IDisposable
{
    private static readonly DateTimeOffset June = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset July = June.AddMonths(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    // Each site's constant departure from the network, in K: none reaches m2's upper cut-off (1.64 Qn above the
    // median) or m5's (|qt(0.05, 9)| = 1.83 Qn of its buddies), even in the hour the warm site is taken out.
    private static readonly double[] Offsets = [-0.2, -0.16, -0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.02];
    private const int WarmSite = 11;
    private static readonly DateTimeOffset WarmHour = June.AddDays(12).AddHours(12);

    private static readonly ReadingQuery Everything = new([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    private readonly TemporaryFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_SiteFiveKelvinWarmerForAnHour_FlagsItsReadingsM2OnceTheMonthIsOverAndNoOtherReading()
    {
        var sites = Enumerable.Range(0, Offsets.Length).ToArray();
        await using var store = await OpenStoreAsync();
        await store.AppendAsync(Network(sites), Token);
        var stray = Enumerable.Range(0, 24).Select(hour => new Reading("stray", "sht31", Quantities.AirTemperature, June.AddDays(12).AddHours(hour), 40, null));
        var burst = SpikeAmongExtraReadings(site: 3, June.AddDays(19).AddHours(3).AddMinutes(10));
        await store.AppendAsync([.. stray, .. burst], Token);
        var pass = new QualityControlPass(store, Registry(sites), new QualityControlOptions());

        var duringJune = await pass.RunAsync(June, June.AddDays(19), Token);
        var crowdQcFlaggedDuringJune = (await store.QueryAsync(Everything, Token).ToListAsync(Token)).Count(IsCrowdQcFlagged);
        var afterJune = await pass.RunAsync(June.AddDays(19), July.AddHours(2), Token);
        var stored = await store.QueryAsync(Everything, Token).ToListAsync(Token);
        var again = await pass.RunAsync(June.AddDays(19), July.AddHours(2), Token);

        Assert.All(duringJune.CrowdQc, month => Assert.True(month.Skipped));
        Assert.Contains("not over", Assert.Single(duringJune.CrowdQc, month => month.Month == June).SkippedBecause, StringComparison.Ordinal);
        Assert.Equal(0, crowdQcFlaggedDuringJune);
        var june = Assert.Single(afterJune.CrowdQc, month => month.Month == June);
        Assert.Null(june.SkippedBecause);
        Assert.Equal(Offsets.Length, june.StationsWithData);
        Assert.Empty(june.IsolatedStations);
        Assert.Equal((Offsets.Length * 30 * 48) + burst.Length, june.ReadingsChecked);
        Assert.Equal((2, 2, 2), (june.Flagged[QualityFlags.CrowdQcM2], june.UpdatesSent, june.UpdatesMatched));
        Assert.True(Assert.Single(afterJune.CrowdQc, month => month.Month == July).Skipped);
        var warm = stored.Where(reading => reading.DeviceId == DeviceId(WarmSite) && reading.Timestamp >= WarmHour && reading.Timestamp < WarmHour.AddHours(1)).ToList();
        Assert.Equal(2, warm.Count);
        Assert.All(warm, reading => Assert.Equal(QualityFlags.CrowdQcM2 | QualityFlags.CrowdQcInterpolated, reading.Flags));
        Assert.All(stored.Except(warm), reading => Assert.False(IsCrowdQcFlagged(reading)));
        Assert.Equal(QualityFlags.Step | QualityFlags.Spike, stored.Single(reading => reading.Timestamp == burst[1].Timestamp).Flags);
        Assert.Equal(0, Assert.Single(again.CrowdQc, month => month.Month == June).UpdatesSent);
    }

    [Fact]
    public async Task RunAsync_ReferenceSiteOutOfLineForAnHour_CountsItButFlagsNone()
    {
        var sites = Enumerable.Range(0, Offsets.Length).ToArray();
        await using var store = await OpenStoreAsync();
        await store.AppendAsync(Network(sites), Token);
        var pass = new QualityControlPass(store, Registry(sites, referenceSite: WarmSite), new QualityControlOptions());

        var summary = await pass.RunAsync(June, July.AddHours(2), Token);

        var june = Assert.Single(summary.CrowdQc, month => month.Month == June);
        Assert.Equal(Offsets.Length, june.StationsWithData);
        Assert.DoesNotContain(await store.QueryAsync(Everything, Token).ToListAsync(Token), IsCrowdQcFlagged);
    }

    [Fact]
    public async Task RunAsync_FewerSitesThanCrowdQcNeeds_SkipsTheMonthSayingWhyAndFlagsNothing()
    {
        int[] sites = [0, 3, 6, 9, WarmSite];
        await using var store = await OpenStoreAsync();
        await store.AppendAsync(Network(sites), Token);
        var pass = new QualityControlPass(store, Registry(sites), new QualityControlOptions());

        var summary = await pass.RunAsync(June, July.AddHours(2), Token);

        Assert.Equal(6, pass.MinimumStations);
        var june = Assert.Single(summary.CrowdQc, month => month.Month == June);
        Assert.Equal(5, june.StationsWithData);
        Assert.Contains("5 sites", june.SkippedBecause, StringComparison.Ordinal);
        Assert.Contains("at least 6", june.SkippedBecause, StringComparison.Ordinal);
        Assert.DoesNotContain(await store.QueryAsync(Everything, Token).ToListAsync(Token), IsCrowdQcFlagged);
    }

    /// <summary>
    /// June's air temperature every 30 minutes at each site: a common diurnal cycle (15 ± 6 °C, warmest at 15:00 UTC)
    /// plus the site's offset, and 5 K more at the warm site in the warm hour.
    /// </summary>
    private static Reading[] Network(IEnumerable<int> sites) =>
        [.. sites.SelectMany(site => Enumerable.Range(0, 30 * 48).Select(i => Temperature(site, June + (i * Interval))))];

    /// <summary>
    /// Three readings 10 s apart at a site, the middle one 20 K too warm: a spike, which the site's hourly mean leaves
    /// out; were it in, the hour would stand 4 K above the network.
    /// </summary>
    private static Reading[] SpikeAmongExtraReadings(int site, DateTimeOffset start) =>
    [
        Temperature(site, start),
        Temperature(site, start.AddSeconds(10)) with { Value = Temperature(site, start.AddSeconds(10)).Value + 20 },
        Temperature(site, start.AddSeconds(20)),
    ];

    private static Reading Temperature(int site, DateTimeOffset time)
    {
        var hours = (time - June).TotalHours;
        var value = 15 + (6 * Math.Sin(2 * Math.PI * (hours - 9) / 24)) + Offsets[site]
            + (site == WarmSite && time >= WarmHour && time < WarmHour.AddHours(1) ? 5 : 0);
        return new Reading(DeviceId(site), "sht31", Quantities.AirTemperature, time, Math.Round(value, 2), null);
    }

    /// <summary>The sites on a ring of about 900 m around Lille's centre, each with one device measuring air temperature.</summary>
    private static SensorRegistry Registry(IEnumerable<int> siteIndices, int? referenceSite = null)
    {
        var sensor = new DeviceSensor("sht31", [Quantities.AirTemperature, Quantities.RelativeHumidity], new Dictionary<Quantity, Calibration>());
        var sites = siteIndices.Select(i =>
        {
            var angle = 2 * Math.PI * i / Offsets.Length;
            return new Site($"site-{i}", $"Site {i}", "Lille-Centre", 50.63 + (0.008 * Math.Sin(angle)), 3.06 + (0.012 * Math.Cos(angle)), null, LocalClimateZone.CompactMidrise, 3.5, null, i == referenceSite);
        }).ToList();
        var devices = sites.Select(site => new Device(DeviceId(int.Parse(site.Id["site-".Length..], System.Globalization.CultureInfo.InvariantCulture)), site, June.AddMonths(-1), null, [sensor]));
        return new SensorRegistry(sites, devices);
    }

    private static string DeviceId(int site) => $"lille-{site:00}";

    private static bool IsCrowdQcFlagged(Reading reading) => (reading.Flags & QualityControlPass.CrowdQcFlags) != 0;

    private Task<DuckDbStore> OpenStoreAsync() =>
        DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = Path.Combine(_folder.Path, "store.duckdb") }, Token);
}
