using System.Buffers.Binary;
using System.IO.Compression;
using UrbanSensing.Analytics.Heat.Spatial;

namespace UrbanSensing.Analytics.Heat.Tests.Spatial;

public sealed class GridPngTests
{
    // Two rows of two cells over Lille; row 0 is the southern one. South-west is cooler than the centre by 1 K,
    // south-east equal to it, north-west 2 K warmer (the grid's largest distance: full red), north-east without a value.
    private static readonly GridSpecification Specification = new(50.60, 3.00, 50.64, 3.10, 2, 2);

    private static readonly string[] OptionNames = ["CellPixels", "Centre", "Span"];

    private static readonly InterpolatedGrid Grid = new(
        Specification,
        [
            new GridCell(0, 0, 50.60, 3.00, 50.62, 3.05, -1),
            new GridCell(0, 1, 50.60, 3.05, 50.62, 3.10, 0),
            new GridCell(1, 0, 50.62, 3.00, 50.64, 3.05, 2),
            new GridCell(1, 1, 50.62, 3.05, 50.64, 3.10, null),
        ]);

    [Fact]
    public void Write_Grid_IsAPngOfCellsTimesCellPixelsWithValidChunks()
    {
        var png = Render(Grid, [], new GridPngOptions { CellPixels = 10 });

        // PNG specification, 2nd ed., §5.2: the eight-byte signature; §11.2.2: IHDR first, 13 bytes.
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Signature);
        Assert.Equal((20, 20, (byte)8, (byte)6), (png.Width, png.Height, png.BitDepth, png.ColourType));
        Assert.Equal(["IHDR", "IDAT", "IEND"], png.Chunks.Select(chunk => chunk.Type));
        Assert.All(png.Chunks, chunk => Assert.Equal(ReferenceCrc(chunk.Type, chunk.Data), chunk.Crc));

        // Every PNG ends with the same twelve bytes: an empty IEND whose CRC is AE 42 60 82.
        Assert.Equal(0xAE426082u, png.Chunks[^1].Crc);
    }

    [Fact]
    public void Write_Values_AreColouredOnTheDivergingRampWithNorthUpAndEmptyCellsTransparent()
    {
        var png = Render(Grid, [], new GridPngOptions { CellPixels = 10 });

        // North-west (row 1, column 0) is drawn top left: +2 K, the largest distance, full red (ColorBrewer RdBu's end).
        Assert.Equal((178, 24, 43, 255), png.Pixel(5, 5));
        // South-east equals the centre: white.
        Assert.Equal((247, 247, 247, 255), png.Pixel(15, 15));
        // South-west is −1 K, half-way from white to blue (33, 102, 172): (247 + 33) / 2, (247 + 102) / 2, (247 + 172) / 2.
        Assert.Equal((140, 175, 210, 255), png.Pixel(5, 15));
        // North-east has no value.
        Assert.Equal(0, png.Pixel(15, 5).A);
    }

    [Fact]
    public void Write_GivenSpan_ClampsValuesBeyondIt()
    {
        var png = Render(Grid, [], new GridPngOptions { CellPixels = 10, Span = 1 });

        Assert.Equal((178, 24, 43, 255), png.Pixel(5, 5));
        Assert.Equal((33, 102, 172, 255), png.Pixel(5, 15));
    }

    [Fact]
    public void Write_Stations_AreBlackSquaresWhereTheyStandAndOthersAreLeftOut()
    {
        // A station at the centre of the south-east cell, and one outside the grid.
        var png = Render(Grid, [new Station("in", 50.61, 3.075, 0), new Station("out", 51, 3.075, 0)], new GridPngOptions { CellPixels = 10 });

        Assert.Equal((0, 0, 0, 255), png.Pixel(15, 15));
        Assert.Equal((255, 255, 255, 255), png.Pixel(12, 15));
        Assert.Equal((247, 247, 247, 255), png.Pixel(19, 19));
    }

    [Theory]
    [InlineData(0, 0.0, null)]
    [InlineData(65, 0.0, null)]
    [InlineData(8, double.NaN, null)]
    [InlineData(8, 0.0, 0.0)]
    public void Write_BadOptions_ThrowNamingTheOption(int cellPixels, double centre, double? span)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            GridPng.Write(Grid, [], Stream.Null, new GridPngOptions { CellPixels = cellPixels, Centre = centre, Span = span }));

        Assert.Contains(error.ParamName, OptionNames);
    }

    private static DecodedPng Render(InterpolatedGrid grid, IEnumerable<Station> stations, GridPngOptions options)
    {
        using var output = new MemoryStream();
        GridPng.Write(grid, stations, output, options);
        return DecodedPng.Parse(output.ToArray());
    }

    // CRC-32 bit by bit (PNG specification, annex D), independent of the writer's table.
    private static uint ReferenceCrc(string type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in System.Text.Encoding.ASCII.GetBytes(type).Concat(data))
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private sealed record Chunk(string Type, byte[] Data, uint Crc);

    private sealed record DecodedPng(byte[] Signature, int Width, int Height, byte BitDepth, byte ColourType, IReadOnlyList<Chunk> Chunks, byte[] Rgba)
    {
        public (int R, int G, int B, int A) Pixel(int x, int y)
        {
            var index = ((y * Width) + x) * 4;
            return (Rgba[index], Rgba[index + 1], Rgba[index + 2], Rgba[index + 3]);
        }

        public static DecodedPng Parse(byte[] png)
        {
            var chunks = new List<Chunk>();
            for (var offset = 8; offset < png.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
                var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
                var data = png.AsSpan(offset + 8, length).ToArray();
                chunks.Add(new Chunk(type, data, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length))));
                offset += 12 + length;
            }

            var header = chunks[0].Data;
            var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(new MemoryStream(chunks.Single(chunk => chunk.Type == "IDAT").Data), CompressionMode.Decompress))
            {
                zlib.CopyTo(inflated);
            }

            // Each scanline is a filter byte (0: none, the only one the writer uses) and width × 4 bytes.
            var scanlines = inflated.ToArray();
            var rgba = new byte[width * height * 4];
            for (var row = 0; row < height; row++)
            {
                Assert.Equal(0, scanlines[row * ((width * 4) + 1)]);
                Array.Copy(scanlines, (row * ((width * 4) + 1)) + 1, rgba, row * width * 4, width * 4);
            }

            return new DecodedPng(png[..8], width, height, header[8], header[9], chunks, rgba);
        }
    }
}
