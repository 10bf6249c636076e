namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>A cell of an interpolated grid, with the value estimated at its centre; <see langword="null"/> where no station lies within the search radius.</summary>
public sealed record GridCell(int Row, int Column, double South, double West, double North, double East, double? Value)
{
    public double CentreLatitude => (South + North) / 2;

    public double CentreLongitude => (West + East) / 2;
}
