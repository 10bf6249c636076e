namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>A grid and its cells, row by row from the south-west corner.</summary>
public sealed record InterpolatedGrid(GridSpecification Specification, IReadOnlyList<GridCell> Cells);
