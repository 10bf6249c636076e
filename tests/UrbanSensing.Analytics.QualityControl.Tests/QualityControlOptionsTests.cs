using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using UrbanSensing.Analytics.Quality.CrowdQc;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Analytics.QualityControl.Tests;

public sealed class QualityControlOptionsTests : IDisposable
{
    private static readonly Dictionary<string, Action<QualityControlOptions>> Breakages = new(StringComparer.Ordinal)
    {
        ["QualityControl:Series:air-temperature:MaximumStep"] = options => options.Series["air-temperature"].MaximumStep = -0.5,
        ["QualityControl:Series:air-temperature:MaximumStepGap"] = options => options.Series["air-temperature"].MaximumStepGap = TimeSpan.Zero,
        ["QualityControl:Series:air-temperature:PersistenceTolerance"] = options => options.Series["air-temperature"].PersistenceTolerance = double.NaN,
        ["QualityControl:Series:relative-humidity:MaximumPersistence"] = options => options.Series["relative-humidity"].MaximumPersistence = TimeSpan.FromSeconds(30),
        ["QualityControl:Series:temperature"] = options => options.Series["temperature"] = new SeriesCheckOptions { MaximumStep = 3 },
        ["QualityControl:CrowdQcPlus:M5MinBuddies"] = options => options.CrowdQcPlus = new CrowdQcPlusOptions { M5MinBuddies = 2 },
        ["QualityControl:CrowdQcPlus:M2LowProbability"] = options => options.CrowdQcPlus = new CrowdQcPlusOptions { M2LowProbability = 0.99 },
    };

    private readonly TemporaryFolder _folder = new();

    public static TheoryData<string> BrokenKeys => [.. Breakages.Keys];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validate_Defaults_SucceedWithTheDocumentedLimits()
    {
        var options = new QualityControlOptions();

        var result = new DataAnnotationValidateOptions<QualityControlOptions>(name: null).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal("QualityControl", QualityControlOptions.SectionName);
        Assert.Equal(["air-temperature", "relative-humidity"], options.Series.Keys.Order());
        var airTemperature = options.Series["air-temperature"];
        Assert.Equal((3.0, TimeSpan.FromMinutes(2), 0.005, TimeSpan.FromHours(1)), (airTemperature.MaximumStep, airTemperature.MaximumStepGap, airTemperature.PersistenceTolerance, airTemperature.MaximumPersistence));
        var humidity = options.Series["relative-humidity"];
        Assert.Equal((10.0, TimeSpan.FromMinutes(2), (TimeSpan?)null), (humidity.MaximumStep, humidity.MaximumStepGap, humidity.MaximumPersistence));
        Assert.True(options.CrowdQcPlus.M5KeepIsolated);
        Assert.Equal((3000.0, 5), (options.CrowdQcPlus.M5RadiusMetres, options.CrowdQcPlus.M5MinBuddies));
    }

    [Theory]
    [MemberData(nameof(BrokenKeys))]
    public void Validate_InvalidSetting_FailsNamingItsConfigurationKey(string key)
    {
        var options = new QualityControlOptions();
        Breakages[key](options);

        var result = new DataAnnotationValidateOptions<QualityControlOptions>(name: null).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"'{key}'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenKeys))]
    public async Task Constructor_InvalidSetting_ThrowsNamingItsConfigurationKey(string key)
    {
        var options = new QualityControlOptions();
        Breakages[key](options);
        await using var store = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = Path.Combine(_folder.Path, "store.duckdb") }, Token);

        var exception = Assert.Throws<ValidationException>(() => new QualityControlPass(store, new SensorRegistry([], []), options));

        Assert.StartsWith(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownQuantity_ListsTheKnownOnes()
    {
        var options = new QualityControlOptions();
        options.Series["temperature"] = new SeriesCheckOptions();

        var result = new DataAnnotationValidateOptions<QualityControlOptions>(name: null).Validate(null, options);

        Assert.Contains(Quantities.KnownNames, result.FailureMessage, StringComparison.Ordinal);
    }
}
