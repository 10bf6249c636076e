using System.Numerics;
using UrbanSensing.Analytics.Statistics;

namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>
/// The haversine term a = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2) from a point to every station, computed with the very
/// operations of <see cref="GreatCircle.HaversineMetres"/>, so <see cref="DistanceKilometres"/> of it is the same
/// number as <see cref="GreatCircle.DistanceKilometres"/>. On a grid, the sines of the latitude difference are the
/// same along a row and those of the longitude difference down a column: <see cref="Row"/> and
/// <see cref="Columns"/> compute them once, and a cell costs three multiplications and an addition per station
/// instead of four trigonometric functions.
/// </summary>
internal sealed class HaversineTerms
{
    private readonly double[] _phi;
    private readonly double[] _cosPhi;
    private readonly double[] _longitude;

    public HaversineTerms(IReadOnlyList<Station> stations)
    {
        _phi = [.. stations.Select(station => double.DegreesToRadians(station.Latitude))];
        _cosPhi = [.. _phi.Select(Math.Cos)];
        _longitude = [.. stations.Select(station => station.Longitude)];
        Values = [.. stations.Select(station => station.Value)];
    }

    public int Count => _phi.Length;

    /// <summary>The stations' values, in the order of the stations.</summary>
    public double[] Values { get; }

    /// <summary>The great-circle distance in kilometres of a haversine term, as <see cref="GreatCircle.DistanceKilometres"/> gives it.</summary>
    public static double DistanceKilometres(double haversine) =>
        2 * GreatCircle.MeanEarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(haversine))) / 1000;

    /// <summary>Writes the term from (<paramref name="latitude"/>, <paramref name="longitude"/>) to each station into <paramref name="terms"/>.</summary>
    public void AtPoint(double latitude, double longitude, Span<double> terms)
    {
        var phi = double.DegreesToRadians(latitude);
        var cosPhi = Math.Cos(phi);
        for (var index = 0; index < _phi.Length; index++)
        {
            var sinHalfDeltaPhi = Math.Sin((_phi[index] - phi) / 2);
            var sinHalfDeltaLambda = Math.Sin(double.DegreesToRadians(_longitude[index] - longitude) / 2);
            terms[index] = (sinHalfDeltaPhi * sinHalfDeltaPhi) + (cosPhi * _cosPhi[index] * sinHalfDeltaLambda * sinHalfDeltaLambda);
        }
    }

    /// <summary>sin(Δλ/2) from each longitude to each station, longitude after longitude.</summary>
    public double[] Columns(IReadOnlyList<double> longitudes)
    {
        var sines = new double[longitudes.Count * _phi.Length];
        for (var column = 0; column < longitudes.Count; column++)
        {
            for (var index = 0; index < _phi.Length; index++)
            {
                sines[(column * _phi.Length) + index] = Math.Sin(double.DegreesToRadians(_longitude[index] - longitudes[column]) / 2);
            }
        }

        return sines;
    }

    /// <summary>For a row at <paramref name="latitude"/>: sin²(Δφ/2) and cos φ₁ cos φ₂ to each station.</summary>
    public void Row(double latitude, Span<double> sinSquaredHalfDeltaPhi, Span<double> cosines)
    {
        var phi = double.DegreesToRadians(latitude);
        var cosPhi = Math.Cos(phi);
        for (var index = 0; index < _phi.Length; index++)
        {
            var sinHalfDeltaPhi = Math.Sin((_phi[index] - phi) / 2);
            sinSquaredHalfDeltaPhi[index] = sinHalfDeltaPhi * sinHalfDeltaPhi;
            cosines[index] = cosPhi * _cosPhi[index];
        }
    }

    /// <summary>The terms of one cell of a row: <c>sinSquaredHalfDeltaPhi + cosines × sinHalfDeltaLambda²</c>, station by station.</summary>
    public static void Cell(ReadOnlySpan<double> sinSquaredHalfDeltaPhi, ReadOnlySpan<double> cosines, ReadOnlySpan<double> sinHalfDeltaLambda, Span<double> terms)
    {
        var index = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<double>.Count;
            for (; index <= terms.Length - width; index += width)
            {
                var sines = new Vector<double>(sinHalfDeltaLambda[index..]);
                (new Vector<double>(sinSquaredHalfDeltaPhi[index..]) + (new Vector<double>(cosines[index..]) * sines * sines)).CopyTo(terms[index..]);
            }
        }

        for (; index < terms.Length; index++)
        {
            terms[index] = sinSquaredHalfDeltaPhi[index] + (cosines[index] * sinHalfDeltaLambda[index] * sinHalfDeltaLambda[index]);
        }
    }
}
