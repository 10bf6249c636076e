namespace UrbanSensing.Cli.Tests;

/// <summary>
/// Test classes that host the application in the test process run one after another: OpenTelemetry subscribes to
/// meters by name across the whole process, so two applications alive at once would read each other's
/// <c>UrbanSensing.*</c> instruments at <c>/metrics</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessApplications
{
    public const string Name = "In-process applications";
}
