using System.Buffers.Binary;
using System.IO.Compression;

namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>
/// An interpolated grid as a PNG map (W3C PNG, 2nd ed.): each cell a block of <see cref="GridPngOptions.CellPixels"/>
/// pixels, coloured on a diverging blue–white–red ramp symmetric about <see cref="GridPngOptions.Centre"/> (0 K for a
/// heat-island grid), cells without a value transparent, and each station a black square with a white rim. North is up.
/// Written with the framework's zlib only: no imaging library, nothing native.
/// </summary>
public static class GridPng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // Blue (cooler than the centre), white (the centre), red (warmer): ColorBrewer's RdBu ends, reversed.
    private static readonly (byte R, byte G, byte B) Cool = (33, 102, 172);
    private static readonly (byte R, byte G, byte B) Neutral = (247, 247, 247);
    private static readonly (byte R, byte G, byte B) Warm = (178, 24, 43);

    /// <summary>Writes the map; the colour of a value v is that of (v − centre) / span, clamped to [−1, 1].</summary>
    /// <param name="stations">Drawn as markers where they fall inside the grid; others are left out.</param>
    public static void Write(InterpolatedGrid grid, IEnumerable<Station> stations, Stream output, GridPngOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new GridPngOptions();
        options.Validate();
        var specification = grid.Specification;
        var span = options.Span ?? DefaultSpan(grid, options.Centre);
        var width = specification.Columns * options.CellPixels;
        var height = specification.Rows * options.CellPixels;
        var pixels = new byte[height * width * 4];
        foreach (var cell in grid.Cells)
        {
            if (cell.Value is not { } value)
            {
                continue;
            }

            var colour = Colour((value - options.Centre) / span);
            var top = (specification.Rows - 1 - cell.Row) * options.CellPixels;
            var left = cell.Column * options.CellPixels;
            Fill(pixels, width, left, top, options.CellPixels, options.CellPixels, colour.R, colour.G, colour.B);
        }

        foreach (var station in stations)
        {
            var x = (int)Math.Floor((station.Longitude - specification.West) / (specification.East - specification.West) * width);
            var y = (int)Math.Floor((specification.North - station.Latitude) / (specification.North - specification.South) * height);
            if (x < 0 || x >= width || y < 0 || y >= height)
            {
                continue;
            }

            Fill(pixels, width, x - 3, y - 3, 7, 7, 255, 255, 255);
            Fill(pixels, width, x - 2, y - 2, 5, 5, 0, 0, 0);
        }

        WritePng(output, width, height, pixels);
    }

    /// <summary>The largest distance of a value from the centre, so the ramp's ends are the grid's extremes (1 when all equal it).</summary>
    private static double DefaultSpan(InterpolatedGrid grid, double centre)
    {
        var span = grid.Cells.Where(cell => cell.Value is not null).Select(cell => Math.Abs(cell.Value!.Value - centre)).DefaultIfEmpty(0).Max();
        return span > 0 ? span : 1;
    }

    private static (byte R, byte G, byte B) Colour(double position)
    {
        var t = Math.Clamp(position, -1, 1);
        var (from, to, fraction) = t < 0 ? (Neutral, Cool, -t) : (Neutral, Warm, t);
        return (Mix(from.R, to.R, fraction), Mix(from.G, to.G, fraction), Mix(from.B, to.B, fraction));
    }

    private static byte Mix(byte from, byte to, double fraction) => (byte)Math.Round(from + ((to - from) * fraction), MidpointRounding.AwayFromZero);

    private static void Fill(byte[] pixels, int width, int left, int top, int columns, int rows, byte red, byte green, byte blue)
    {
        var height = pixels.Length / 4 / width;
        for (var y = Math.Max(top, 0); y < Math.Min(top + rows, height); y++)
        {
            for (var x = Math.Max(left, 0); x < Math.Min(left + columns, width); x++)
            {
                var index = ((y * width) + x) * 4;
                pixels[index] = red;
                pixels[index + 1] = green;
                pixels[index + 2] = blue;
                pixels[index + 3] = 255;
            }
        }
    }

    private static void WritePng(Stream output, int width, int height, byte[] pixels)
    {
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 6; // colour type: RGBA
        WriteChunk(output, "IHDR"u8, header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var stride = width * 4;
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(pixels, row * stride, stride);
            }
        }

        WriteChunk(output, "IDAT"u8, compressed.ToArray());
        WriteChunk(output, "IEND"u8, []);
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Of(type, data));
        output.Write(number);
    }

    /// <summary>The CRC-32 PNG chunks end with (ISO 3309, as the PNG specification's annex D computes it).</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public static uint Of(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data) => ~Update(Update(0xFFFFFFFFu, type), data);

        private static uint Update(uint crc, ReadOnlySpan<byte> bytes)
        {
            foreach (var value in bytes)
            {
                crc = Table[(crc ^ value) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
