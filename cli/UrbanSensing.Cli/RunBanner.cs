namespace UrbanSensing.Cli;

/// <summary>Prints what runs where once everything has started.</summary>
internal static class RunBanner
{
    public static void Print(WebApplication app)
    {
        var summary = app.Services.GetRequiredService<RunSummary>();
        var api = app.Urls.FirstOrDefault() ?? summary.Api.Url;
        var broker = summary.Broker.Enabled
            ? $"mqtt://{summary.Broker.BindAddress}:{summary.Broker.Port} (embedded MQTTnet broker)"
            : "external broker (see Ingestion:Mqtt)";
        var fleet = summary.Fleet.DeviceCount > 0
            ? $"{summary.Fleet.DeviceCount} simulated devices over Lille, seed {summary.Fleet.Seed}, time x{summary.Fleet.TimeScale}"
            : "no simulated devices";
        Console.WriteLine($"""

            UrbanSensing is running
              API        {api}/api/v1/readings   (also /api/v1/devices, /api/v1/dead-letters, /api/v1/health)
              Broker     {broker}
              Store      {Path.GetFullPath(summary.Store.Path)} (DuckDB)
              Simulator  {fleet}
            Press Ctrl+C to stop; everything accepted is stored before it exits.

            """);
    }
}
