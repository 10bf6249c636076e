using UrbanSensing.Registry;
using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator.Tests.Sites;

public sealed class UrbanClassificationTests
{
    [Theory]
    [InlineData("1", UrbanClass.Dense)]
    [InlineData("2", UrbanClass.Dense)]
    [InlineData("3", UrbanClass.Dense)]
    [InlineData("4", UrbanClass.Residential)]
    [InlineData("5", UrbanClass.Residential)]
    [InlineData("6", UrbanClass.Residential)]
    [InlineData("7", UrbanClass.Residential)]
    [InlineData("8", UrbanClass.Residential)]
    [InlineData("9", UrbanClass.Residential)]
    [InlineData("10", UrbanClass.Residential)]
    [InlineData("A", UrbanClass.Park)]
    [InlineData("B", UrbanClass.Park)]
    [InlineData("C", UrbanClass.Park)]
    [InlineData("D", UrbanClass.Park)]
    [InlineData("E", UrbanClass.Park)]
    [InlineData("F", UrbanClass.Park)]
    [InlineData("G", UrbanClass.Park)]
    public void Of_LocalClimateZone_CompactIsDenseOtherBuiltIsResidentialLandCoverIsPark(string code, UrbanClass expected)
    {
        Assert.True(LocalClimateZone.TryParse(code, out var zone));

        Assert.Equal(expected, UrbanClassification.Of(zone));
    }
}
