using System.Globalization;
using Microsoft.Extensions.Options;

namespace UrbanSensing.Ingestion.Tests;

public sealed class ValidationOptionsTests
{
    [Fact]
    public void Validate_DefaultIngestionOptions_Succeed()
    {
        var result = new DataAnnotationValidateOptions<IngestionOptions>(name: null).Validate(null, new IngestionOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(256 * 1024, new ValidationOptions().MaxPayloadBytes);
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromDays(30)), (new ValidationOptions().MaxFutureSkew, new ValidationOptions().MaxAge));
    }

    [Theory]
    [InlineData(0, "00:05:00", "30.00:00:00", "MaxPayloadBytes")]
    [InlineData(1024, "-00:00:01", "30.00:00:00", "MaxFutureSkew")]
    [InlineData(1024, "00:05:00", "00:00:00", "MaxAge")]
    public void Validate_InvalidValidationSettingInsideIngestionOptions_FailsNamingIt(int maxPayloadBytes, string maxFutureSkew, string maxAge, string setting)
    {
        var options = new IngestionOptions
        {
            Validation = new ValidationOptions
            {
                MaxPayloadBytes = maxPayloadBytes,
                MaxFutureSkew = TimeSpan.Parse(maxFutureSkew, CultureInfo.InvariantCulture),
                MaxAge = TimeSpan.Parse(maxAge, CultureInfo.InvariantCulture),
            },
        };

        var result = new DataAnnotationValidateOptions<IngestionOptions>(name: null).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"'{setting}'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Validation", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SectionName_IsTheIngestionSubsectionItIsBoundFrom()
    {
        Assert.Equal($"{IngestionOptions.SectionName}:{nameof(IngestionOptions.Validation)}", ValidationOptions.SectionName);
    }
}
