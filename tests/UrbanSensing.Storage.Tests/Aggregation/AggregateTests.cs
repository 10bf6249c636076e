using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.Tests.Aggregation;

public sealed class AggregateTests
{
    [Theory]
    [InlineData("mean", AggregateFunction.Mean)]
    [InlineData("min", AggregateFunction.Min)]
    [InlineData("max", AggregateFunction.Max)]
    [InlineData("sum", AggregateFunction.Sum)]
    [InlineData("count", AggregateFunction.Count)]
    [InlineData("last", AggregateFunction.Last)]
    public void Parse_NamedAggregate_ReturnsItsFunctionWrittenTheSameWay(string text, AggregateFunction function)
    {
        var aggregate = Aggregate.Parse(text);

        Assert.Equal(new Aggregate(function), aggregate);
        Assert.Equal(text, aggregate.ToString());
    }

    [Theory]
    [InlineData("p1", 1)]
    [InlineData("p5", 5)]
    [InlineData("p50", 50)]
    [InlineData("p95", 95)]
    [InlineData("p99", 99)]
    [InlineData("p99.9", 99.9)]
    [InlineData("p0.1", 0.1)]
    [InlineData("p99.99999", 99.99999)]
    public void Parse_Percentile_ReturnsThatPercentileWrittenTheSameWay(string text, double percentile)
    {
        var aggregate = Aggregate.Parse(text);

        Assert.Equal(new Aggregate(AggregateFunction.Percentile, percentile), aggregate);
        Assert.Equal(text, aggregate.ToString());
    }

    [Theory]
    [InlineData("p0")]
    [InlineData("p0.0")]
    [InlineData("p100")]
    [InlineData("p100.5")]
    [InlineData("p")]
    [InlineData("pabc")]
    [InlineData("p-5")]
    [InlineData("p+5")]
    [InlineData("p.5")]
    [InlineData("p 5")]
    [InlineData("p1e1")]
    [InlineData("p99.999999")]
    [InlineData("P95")]
    [InlineData("95")]
    [InlineData(" mean")]
    [InlineData("mean ")]
    [InlineData("Mean")]
    [InlineData("avg")]
    [InlineData("median")]
    [InlineData("")]
    public void TryParse_NotAnAggregate_ReturnsFalse(string text)
    {
        Assert.False(Aggregate.TryParse(text, out var aggregate));
        Assert.Equal(default, aggregate);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse() => Assert.False(Aggregate.TryParse(null, out _));

    [Fact]
    public void Parse_NotAnAggregate_ThrowsNamingItAndListingTheAllowedOnes()
    {
        var error = Assert.Throws<FormatException>(() => Aggregate.Parse("P95"));

        Assert.Contains("'P95'", error.Message, StringComparison.Ordinal);
        Assert.Contains(Aggregate.AllowedText, error.Message, StringComparison.Ordinal);
    }
}
