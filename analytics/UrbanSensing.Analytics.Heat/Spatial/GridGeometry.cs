namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>How a grid cell is drawn in GeoJSON.</summary>
public enum GridGeometry
{
    /// <summary>A Point at the cell's centre, where the value was estimated.</summary>
    CellCentres,

    /// <summary>The cell's rectangle as a Polygon, its ring counterclockwise as RFC 7946 asks.</summary>
    CellPolygons,
}
