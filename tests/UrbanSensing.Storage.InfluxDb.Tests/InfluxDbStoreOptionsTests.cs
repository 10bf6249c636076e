using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Storage.InfluxDb.Tests;

public sealed class InfluxDbStoreOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new InfluxDbStoreOptions();

        Assert.Equal("Storage:InfluxDb", InfluxDbStoreOptions.SectionName);
        Assert.Equal("http://127.0.0.1:8086", options.Url);
        Assert.Equal("urbansensing", options.Bucket);
        Assert.Equal(5000, options.BatchSize);
        Assert.True(options.Gzip);
        Assert.Equal(InfluxDbWriteEndpoint.V2, options.WriteEndpoint);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Null(options.Token);
        Assert.Null(options.Organization);
        Assert.Null(options.Database);
        Assert.Null(options.RetentionPolicy);
    }

    [Fact]
    public void Validate_V2WithOrganization_Passes()
    {
        Assert.Empty(Errors(new InfluxDbStoreOptions { Organization = "lille" }));
    }

    [Fact]
    public void Validate_V1WithDatabase_PassesWithoutOrganization()
    {
        Assert.Empty(Errors(new InfluxDbStoreOptions { WriteEndpoint = InfluxDbWriteEndpoint.V1, Database = "urbansensing" }));
    }

    [Fact]
    public void Validate_V2WithoutOrganization_NamesOrganization()
    {
        Assert.Equal([nameof(InfluxDbStoreOptions.Organization)], Errors(new InfluxDbStoreOptions()));
    }

    [Fact]
    public void Validate_V1WithoutDatabase_NamesDatabase()
    {
        Assert.Equal([nameof(InfluxDbStoreOptions.Database)], Errors(new InfluxDbStoreOptions { WriteEndpoint = InfluxDbWriteEndpoint.V1 }));
    }

    [Theory]
    [InlineData("", 5000, 10, nameof(InfluxDbStoreOptions.Url))]
    [InlineData("not a url", 5000, 10, nameof(InfluxDbStoreOptions.Url))]
    [InlineData("http://127.0.0.1:8086", 0, 10, nameof(InfluxDbStoreOptions.BatchSize))]
    [InlineData("http://127.0.0.1:8086", 5000, 0, nameof(InfluxDbStoreOptions.Timeout))]
    public void Validate_InvalidSetting_NamesIt(string url, int batchSize, int timeoutSeconds, string expected)
    {
        var options = new InfluxDbStoreOptions
        {
            Url = url,
            BatchSize = batchSize,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            Organization = "lille",
        };

        Assert.Equal([expected], Errors(options));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsValidationExceptionNamingTheSetting()
    {
        var error = Assert.Throws<ValidationException>(() => new InfluxDbStore(new InfluxDbStoreOptions { Bucket = "" }));

        Assert.Contains(nameof(InfluxDbStoreOptions.Bucket), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyConventionalEnvironment_SettingsAtTheirDefaults_TakeTheInfluxVariables()
    {
        var options = new InfluxDbStoreOptions();

        options.ApplyConventionalEnvironment(Variables(("INFLUX_URL", "https://influx.example:8086"), ("INFLUX_TOKEN", "t0k3n"), ("INFLUX_ORG", "lille"), ("INFLUX_BUCKET", "city")));

        Assert.Equal("https://influx.example:8086", options.Url);
        Assert.Equal("t0k3n", options.Token);
        Assert.Equal("lille", options.Organization);
        Assert.Equal("city", options.Bucket);
    }

    [Fact]
    public void ApplyConventionalEnvironment_ConfiguredSettings_AreKept()
    {
        var options = new InfluxDbStoreOptions { Url = "http://10.0.0.1:8086", Token = "configured", Organization = "university", Bucket = "campus" };

        options.ApplyConventionalEnvironment(Variables(("INFLUX_URL", "https://influx.example:8086"), ("INFLUX_TOKEN", "t0k3n"), ("INFLUX_ORG", "lille"), ("INFLUX_BUCKET", "city")));

        Assert.Equal("http://10.0.0.1:8086", options.Url);
        Assert.Equal("configured", options.Token);
        Assert.Equal("university", options.Organization);
        Assert.Equal("campus", options.Bucket);
    }

    [Fact]
    public void ApplyConventionalEnvironment_VariablesUnsetOrEmpty_ChangesNothing()
    {
        var options = new InfluxDbStoreOptions();

        options.ApplyConventionalEnvironment(Variables(("INFLUX_URL", ""), ("INFLUX_ORG", "")));

        Assert.Equal(InfluxDbStoreOptions.DefaultUrl, options.Url);
        Assert.Null(options.Token);
        Assert.Null(options.Organization);
        Assert.Equal(InfluxDbStoreOptions.DefaultBucket, options.Bucket);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.Where(variable => variable.Name == name).Select(variable => variable.Value).FirstOrDefault();

    private static string[] Errors(InfluxDbStoreOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.SelectMany(result => result.MemberNames)];
    }
}
