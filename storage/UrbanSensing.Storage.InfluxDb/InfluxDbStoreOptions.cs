using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Storage.InfluxDb;

public sealed class InfluxDbStoreOptions : IValidatableObject
{
    public const string SectionName = "Storage:InfluxDb";

    public const string DefaultUrl = "http://127.0.0.1:8086";

    public const string DefaultBucket = "urbansensing";

    /// <summary>The server's base URL; a path prefix (a reverse proxy's) is kept.</summary>
    [Required(AllowEmptyStrings = false)]
    [Url]
    public string Url { get; set; } = DefaultUrl;

    /// <summary>Sent as <c>Authorization: Token …</c> when set; InfluxDB 1.8+ also accepts <c>username:password</c> here.</summary>
    public string? Token { get; set; }

    /// <summary>The organization of the bucket; required by the <see cref="InfluxDbWriteEndpoint.V2"/> endpoint.</summary>
    public string? Organization { get; set; }

    /// <summary>Where the <see cref="InfluxDbWriteEndpoint.V2"/> endpoint writes, and the database queries name on InfluxDB 2.x and 3.x.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Bucket { get; set; } = DefaultBucket;

    /// <summary>At most this many lines per write request; a larger batch is sent as several requests.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>Whether write bodies are gzip-compressed.</summary>
    public bool Gzip { get; set; } = true;

    [EnumDataType(typeof(InfluxDbWriteEndpoint))]
    public InfluxDbWriteEndpoint WriteEndpoint { get; set; } = InfluxDbWriteEndpoint.V2;

    /// <summary>The database the <see cref="InfluxDbWriteEndpoint.V1"/> endpoint writes to and queries read; required with it.</summary>
    public string? Database { get; set; }

    /// <summary>The retention policy of <see cref="Database"/>; its default policy when not set.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>How long one request (a write of up to <see cref="BatchSize"/> lines, or a query) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Takes <c>INFLUX_URL</c>, <c>INFLUX_TOKEN</c>, <c>INFLUX_ORG</c> and <c>INFLUX_BUCKET</c>, the variables InfluxDB's own
    /// tools read, for the settings still at their defaults; call it after binding the configuration, so a configured
    /// value always wins.
    /// </summary>
    /// <param name="getEnvironmentVariable">Looks a variable up, <see cref="Environment.GetEnvironmentVariable(string)"/> in production.</param>
    public void ApplyConventionalEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);

        if (Url == DefaultUrl && getEnvironmentVariable("INFLUX_URL") is { Length: > 0 } url)
        {
            Url = url;
        }

        if (string.IsNullOrEmpty(Token) && getEnvironmentVariable("INFLUX_TOKEN") is { Length: > 0 } token)
        {
            Token = token;
        }

        if (string.IsNullOrEmpty(Organization) && getEnvironmentVariable("INFLUX_ORG") is { Length: > 0 } organization)
        {
            Organization = organization;
        }

        if (Bucket == DefaultBucket && getEnvironmentVariable("INFLUX_BUCKET") is { Length: > 0 } bucket)
        {
            Bucket = bucket;
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WriteEndpoint == InfluxDbWriteEndpoint.V2 && string.IsNullOrEmpty(Organization))
        {
            yield return new ValidationResult(
                $"The {nameof(Organization)} field is required when {nameof(WriteEndpoint)} is {InfluxDbWriteEndpoint.V2}.",
                [nameof(Organization)]);
        }

        if (WriteEndpoint == InfluxDbWriteEndpoint.V1 && string.IsNullOrEmpty(Database))
        {
            yield return new ValidationResult(
                $"The {nameof(Database)} field is required when {nameof(WriteEndpoint)} is {InfluxDbWriteEndpoint.V1}.",
                [nameof(Database)]);
        }
    }
}
