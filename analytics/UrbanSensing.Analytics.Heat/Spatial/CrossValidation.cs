namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>Leave-one-out errors of an interpolation: root mean square error and mean absolute error over the stations that could be estimated.</summary>
/// <param name="Unestimated">Stations with no other station within the search radius, left out of the errors.</param>
public sealed record CrossValidation(IReadOnlyList<CrossValidationResidual> Residuals, double RootMeanSquareError, double MeanAbsoluteError, IReadOnlyList<Station> Unestimated);
