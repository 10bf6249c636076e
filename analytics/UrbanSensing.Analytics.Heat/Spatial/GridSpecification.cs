namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>A regular grid in WGS84 degrees: the box from (South, West) to (North, East) cut into Rows × Columns equal cells; row 0 is the southernmost.</summary>
public sealed record GridSpecification(double South, double West, double North, double East, int Rows, int Columns)
{
    internal void Validate(string parameterName)
    {
        if (!(South is >= -90 and <= 90) || !(North is >= -90 and <= 90) || South >= North)
        {
            throw new ArgumentException($"The grid spans latitudes {South} to {North}; South must be less than North, both from -90 to 90.", parameterName);
        }

        if (!(West is >= -180 and <= 180) || !(East is >= -180 and <= 180) || West >= East)
        {
            throw new ArgumentException($"The grid spans longitudes {West} to {East}; West must be less than East, both from -180 to 180 (grids across the antimeridian are not supported).", parameterName);
        }

        if (Rows < 1 || Columns < 1)
        {
            throw new ArgumentException($"The grid has {Rows} rows and {Columns} columns; both must be at least 1.", parameterName);
        }
    }
}
