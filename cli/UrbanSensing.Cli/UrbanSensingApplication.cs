using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.QualityControl;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Analytics.Streaming;
using UrbanSensing.Api;
using UrbanSensing.Ingestion;
using UrbanSensing.Ingestion.Mqtt;
using UrbanSensing.Registry;
using UrbanSensing.Simulator;
using UrbanSensing.Storage;
using OpenTelemetry.Metrics;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Storage.InfluxDb;
using UrbanSensing.Storage.Spill;

namespace UrbanSensing.Cli;

/// <summary>
/// The composition root of <c>urbansensing run</c>: embedded broker, simulated fleet, ingestion, DuckDB store and
/// HTTP API in one process. Configuration comes from appsettings.json, URBANSENSING_* environment variables and
/// command-line overrides, in that order.
/// </summary>
public static class UrbanSensingApplication
{
    public const string EnvironmentPrefix = "URBANSENSING_";

    /// <summary>Every meter of the platform, exported in Prometheus text format at <c>/metrics</c>.</summary>
    private const string MeterNames = "UrbanSensing.*";

    // .NET's own runtime meter: garbage collection, heap sizes, working set, thread pool, JIT.
    private const string RuntimeMeterName = "System.Runtime";

    public static async Task<WebApplication> BuildAsync(
        IReadOnlyDictionary<string, string?> overrides,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        var configuration = builder.Configuration;
        var apiOptions = BindAndValidate<ApiOptions>(configuration, ApiOptions.SectionName);
        var storeOptions = BindAndValidate<DuckDbStoreOptions>(configuration, DuckDbStoreOptions.SectionName);
        var brokerOptions = BindAndValidate<EmbeddedBrokerOptions>(configuration, EmbeddedBrokerOptions.SectionName);
        var fleetOptions = BindAndValidate<FleetOptions>(configuration, FleetOptions.SectionName);

        var storageOptions = BindAndValidate<StorageOptions>(configuration, StorageOptions.SectionName);
        var registryOptions = BindAndValidate<RegistryOptions>(configuration, RegistryOptions.SectionName);
        var registry = await RegistryLoader.LoadAsync(
            RegistryOptions.Resolve(registryOptions.SitesPath),
            RegistryOptions.Resolve(registryOptions.DevicesPath),
            cancellationToken).ConfigureAwait(false);
        var store = await DuckDbStore.OpenAsync(storeOptions, cancellationToken).ConfigureAwait(false);
        var services = builder.Services;
        services.AddSingleton(registry);
        services.AddSingleton<RegistryCalibration>();
        services.AddSingleton(store);
        if (storageOptions.Readings == ReadingStoreKind.InfluxDb)
        {
            var influxOptions = BindAndValidate<InfluxDbStoreOptions>(configuration, InfluxDbStoreOptions.SectionName);
            influxOptions.ApplyConventionalEnvironment(Environment.GetEnvironmentVariable);
            var spillOptions = BindAndValidate<SpillOptions>(configuration, SpillOptions.SectionName);
            services.AddSingleton(new InfluxDbStore(influxOptions, RegistryTags(registry)));
            services.AddSingleton(provider => new SpillingReadingStore(
                provider.GetRequiredService<InfluxDbStore>(),
                spillOptions,
                provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
                TimeProvider.System,
                provider.GetRequiredService<ILogger<SpillingReadingStore>>()));
            services.AddSingleton<IReadingStore>(provider => provider.GetRequiredService<SpillingReadingStore>());
            services.AddHostedService<SpillService>();
        }
        else
        {
            services.AddSingleton<IReadingStore>(store);
        }

        services.AddSingleton<IDeadLetterStore>(store);
        services.AddSingleton<IDeviceDirectory>(store);
        services.AddSingleton<IAnalyticsEventStore>(store);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new RunSummary(apiOptions, storeOptions, brokerOptions, fleetOptions));
        AddValidatedOptions<IngestionOptions>(services, configuration, IngestionOptions.SectionName);
        AddValidatedOptions<MqttIngestionOptions>(services, configuration, MqttIngestionOptions.SectionName);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<IngestionOptions>>().Value);
        services.AddMetrics();
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<IngestionStatistics>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        // Hosted services start in this order and stop in reverse: the fleet stops first, the broker last.
        if (brokerOptions.Enabled)
        {
            services.AddSingleton(brokerOptions);
            services.AddSingleton<EmbeddedMqttBroker>();
            services.AddHostedService<BrokerService>();
        }

        var analyticsOptions = BindAndValidate<ContinuousAnalyticsOptions>(configuration, ContinuousAnalyticsOptions.SectionName);
        var sharedSubscription = !string.IsNullOrEmpty(configuration[$"{MqttIngestionOptions.SectionName}:{nameof(MqttIngestionOptions.SharedSubscriptionGroup)}"]);
        if (analyticsOptions.Enabled ?? !sharedSubscription)
        {
            AddContinuousAnalytics(services, analyticsOptions, registry);
        }

        // Quality control reads the store, not the stream, so every instance may run it: its passes are idempotent.
        AddValidatedOptions<QualityControlOptions>(services, configuration, QualityControlOptions.SectionName);
        services.AddSingleton(provider => new QualityControlPass(
            provider.GetRequiredService<IReadingStore>(),
            registry,
            provider.GetRequiredService<IOptions<QualityControlOptions>>().Value));
        services.AddHostedService<QualityControlService>();

        services.AddSingleton<IngestionService>();
        services.AddHostedService(provider => provider.GetRequiredService<IngestionService>());
        services.AddSingleton<IDeadLetterResubmitter>(provider => provider.GetRequiredService<IngestionService>());
        if (fleetOptions.DeviceCount > 0)
        {
            services.AddSingleton(fleetOptions);
            services.AddSingleton<FleetService>();
            services.AddHostedService(provider => provider.GetRequiredService<FleetService>());
        }

        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [ApiEndpoints.ReadinessTag])
            .AddCheck<IngestionHealthCheck>("ingestion", tags: [ApiEndpoints.ReadinessTag]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(MeterNames, RuntimeMeterName).AddPrometheusExporter());
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);

        var app = builder.Build();
        app.Urls.Add(apiOptions.Url);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapUrbanSensingApi();
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint();
        app.Lifetime.ApplicationStopped.Register(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return app;
    }

    /// <summary>The analytics on the stream of stored readings; a bad department, zone or basins file fails the start, naming the key.</summary>
    private static void AddContinuousAnalytics(IServiceCollection services, ContinuousAnalyticsOptions options, SensorRegistry registry)
    {
        var section = ContinuousAnalyticsOptions.SectionName;
        if (!DepartmentThresholds.TryGet(options.Department, out var thresholds))
        {
            throw new OptionsValidationException(section, typeof(ContinuousAnalyticsOptions), [$"{section}:Department: no heat-wave thresholds for department '{options.Department}'; known: {string.Join(", ", DepartmentThresholds.All.Select(known => known.Department))}"]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var timeZone) || !AnalysisTimeZones.HasWholeHourOffsets(timeZone))
        {
            throw new OptionsValidationException(section, typeof(ContinuousAnalyticsOptions), [$"{section}:TimeZone: '{options.TimeZone}' is not an IANA time zone with whole-hour offsets, such as Europe/Paris"]);
        }

        IReadOnlyList<WatchedBasin> basins = [];
        if (!string.IsNullOrWhiteSpace(options.BasinsFile))
        {
            try
            {
                basins = [.. BasinsFile.Read(new FileInfo(RegistryOptions.Resolve(options.BasinsFile))).Select(basin => new WatchedBasin(basin.Id, basin.Device, basin.Sensor, basin.Storage))];
            }
            catch (InvalidDataException invalid)
            {
                throw new OptionsValidationException(section, typeof(ContinuousAnalyticsOptions), [$"{section}:BasinsFile: {invalid.Message}"]);
            }
        }

        services.AddSingleton<AnalyticsMetrics>();
        services.AddSingleton(provider => new ContinuousAnalytics(
            provider.GetRequiredService<IReadingStore>(),
            provider.GetRequiredService<IAnalyticsEventStore>(),
            registry,
            thresholds,
            timeZone,
            basins,
            options.Lateness,
            provider.GetRequiredService<AnalyticsMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ContinuousAnalytics>>()));
    }

    /// <summary>The site, district and local climate zone tags InfluxDB points of a device carry.</summary>
    private static Func<string, DeviceTags?> RegistryTags(SensorRegistry registry) => deviceId =>
        registry.TryGetDevice(deviceId, out var device)
            ? new DeviceTags(device.Site.Id, device.Site.District, device.Site.LocalClimateZone.Code)
            : null;

    private static T BindAndValidate<T>(ConfigurationManager configuration, string sectionName)
        where T : class, new()
    {
        var options = new T();
        configuration.GetSection(sectionName).Bind(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(
                sectionName,
                typeof(T),
                results.Select(result => $"{sectionName}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}"));
        }

        return options;
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, ConfigurationManager configuration, string sectionName)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(sectionName)).ValidateDataAnnotations().ValidateOnStart();
}
