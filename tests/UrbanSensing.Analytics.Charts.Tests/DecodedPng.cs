using System.Buffers.Binary;
using SkiaSharp;

namespace UrbanSensing.Analytics.Charts.Tests;

/// <summary>A PNG as written, its header read by hand and its pixels decoded by SkiaSharp.</summary>
internal sealed class DecodedPng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly SKColor[] _pixels;

    private DecodedPng(int headerWidth, int headerHeight, SKBitmap bitmap)
    {
        HeaderWidth = headerWidth;
        HeaderHeight = headerHeight;
        Width = bitmap.Width;
        Height = bitmap.Height;
        _pixels = bitmap.Pixels;
    }

    /// <summary>The width the IHDR chunk gives.</summary>
    public int HeaderWidth { get; }

    /// <summary>The height the IHDR chunk gives.</summary>
    public int HeaderHeight { get; }

    public int Width { get; }

    public int Height { get; }

    public static DecodedPng Decode(byte[] png)
    {
        Assert.True(png.Length > 33, $"A PNG has at least a signature and an IHDR chunk; got {png.Length} bytes.");
        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        return new DecodedPng(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), bitmap);
    }

    public bool Matches(int x, int y, ChartColor color, int tolerance)
    {
        var pixel = _pixels[(y * Width) + x];
        return Math.Abs(pixel.Red - color.R) <= tolerance
            && Math.Abs(pixel.Green - color.G) <= tolerance
            && Math.Abs(pixel.Blue - color.B) <= tolerance;
    }

    public int Count(ChartColor color, int tolerance, int fromX = 0, int toX = int.MaxValue, int fromY = 0, int toY = int.MaxValue)
    {
        var count = 0;
        for (var y = Math.Max(fromY, 0); y <= Math.Min(toY, Height - 1); y++)
        {
            for (var x = Math.Max(fromX, 0); x <= Math.Min(toX, Width - 1); x++)
            {
                count += Matches(x, y, color, tolerance) ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>The row holding the most pixels of <paramref name="color"/>.</summary>
    public int RowWithMost(ChartColor color, int tolerance) =>
        Enumerable.Range(0, Height).MaxBy(y => Count(color, tolerance, fromY: y, toY: y));

    /// <summary>The columns of the row's pixels of <paramref name="color"/>, left to right.</summary>
    public int[] ColumnsIn(int y, ChartColor color, int tolerance) =>
        [.. Enumerable.Range(0, Width).Where(x => Matches(x, y, color, tolerance))];

    /// <summary>
    /// The first of <paramref name="sorted"/> up to a step longer than <paramref name="longestStep"/>: the data's
    /// pixels in a row, without the legend's sample further right.
    /// </summary>
    public static int[] FirstRun(int[] sorted, int longestStep)
    {
        var end = 1;
        while (end < sorted.Length && sorted[end] - sorted[end - 1] <= longestStep)
        {
            end++;
        }

        return sorted[..Math.Min(end, sorted.Length)];
    }

    /// <summary>The rows of the column's pixels of <paramref name="color"/>, top to bottom.</summary>
    public int[] RowsIn(int x, ChartColor color, int tolerance) =>
        [.. Enumerable.Range(0, Height).Where(y => Matches(x, y, color, tolerance))];
}
