using System.Globalization;

namespace UrbanSensing.Storage.Aggregation;

/// <summary>One statistic of a window: <c>mean</c>, <c>min</c>, <c>max</c>, <c>sum</c>, <c>count</c>, <c>last</c> or a percentile such as <c>p95</c> or <c>p99.9</c>.</summary>
/// <param name="Percentile">For <see cref="AggregateFunction.Percentile"/>: the percentile, above 0 and below 100.</param>
public readonly record struct Aggregate(AggregateFunction Function, double Percentile = 0)
{
    public const string AllowedText = "mean, min, max, sum, count, last, or p<percentile> with a percentile above 0 and below 100 (p50, p95, p99.9)";

    public static Aggregate Mean { get; } = new(AggregateFunction.Mean);

    public static bool TryParse(string? text, out Aggregate aggregate)
    {
        aggregate = default;
        AggregateFunction? function = text switch
        {
            "mean" => AggregateFunction.Mean,
            "min" => AggregateFunction.Min,
            "max" => AggregateFunction.Max,
            "sum" => AggregateFunction.Sum,
            "count" => AggregateFunction.Count,
            "last" => AggregateFunction.Last,
            _ => null,
        };
        if (function is { } simple)
        {
            aggregate = new Aggregate(simple);
            return true;
        }

        if (text is ['p', .. var number]
            && number.Length is > 0 and <= 8
            && char.IsAsciiDigit(number[0])
            && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percentile)
            && percentile is > 0 and < 100)
        {
            aggregate = new Aggregate(AggregateFunction.Percentile, percentile);
            return true;
        }

        return false;
    }

    /// <exception cref="FormatException">The text names no aggregate; the message lists the allowed ones.</exception>
    public static Aggregate Parse(string text) =>
        TryParse(text, out var aggregate) ? aggregate : throw new FormatException($"'{text}' is not an aggregate; use {AllowedText}");

    public override string ToString() => Function == AggregateFunction.Percentile
        ? string.Create(CultureInfo.InvariantCulture, $"p{Percentile}")
        : Function.ToString().ToLowerInvariant();
}
