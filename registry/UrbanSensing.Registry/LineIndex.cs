namespace UrbanSensing.Registry;

/// <summary>Turns byte offsets in a UTF-8 text into 1-based line numbers.</summary>
internal sealed class LineIndex
{
    private readonly List<long> _lineStarts = [0];

    public LineIndex(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        int newline;
        while ((newline = utf8[offset..].IndexOf((byte)'\n')) >= 0)
        {
            offset += newline + 1;
            _lineStarts.Add(offset);
        }
    }

    public int LineOf(long offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }
}
