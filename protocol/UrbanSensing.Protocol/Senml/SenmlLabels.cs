namespace UrbanSensing.Protocol.Senml;

/// <summary>SenML labels: JSON names and CBOR integer keys (RFC 8428 tables 2 and 4).</summary>
internal static class SenmlLabels
{
    public const string BaseName = "bn";
    public const string BaseTime = "bt";
    public const string BaseUnit = "bu";
    public const string BaseValue = "bv";
    public const string BaseSum = "bs";
    public const string BaseVersion = "bver";
    public const string Name = "n";
    public const string Unit = "u";
    public const string Value = "v";
    public const string StringValue = "vs";
    public const string BooleanValue = "vb";
    public const string DataValue = "vd";
    public const string Sum = "s";
    public const string Time = "t";
    public const string UpdateTime = "ut";

    /// <summary>UrbanSensing's extension; a string key in CBOR too, as RFC 8428 section 6 asks of extensions.</summary>
    public const string Sequence = "seq";

    /// <summary>The SenML version this implementation understands (RFC 8428 section 4.4).</summary>
    public const int SupportedVersion = 10;

    public static string? FromCborKey(int key) => key switch
    {
        -1 => BaseVersion,
        -2 => BaseName,
        -3 => BaseTime,
        -4 => BaseUnit,
        -5 => BaseValue,
        -6 => BaseSum,
        0 => Name,
        1 => Unit,
        2 => Value,
        3 => StringValue,
        4 => BooleanValue,
        5 => Sum,
        6 => Time,
        7 => UpdateTime,
        8 => DataValue,
        _ => null,
    };

    public static int? ToCborKey(string label) => label switch
    {
        BaseVersion => -1,
        BaseName => -2,
        BaseTime => -3,
        BaseUnit => -4,
        BaseValue => -5,
        BaseSum => -6,
        Name => 0,
        Unit => 1,
        Value => 2,
        StringValue => 3,
        BooleanValue => 4,
        Sum => 5,
        Time => 6,
        UpdateTime => 7,
        DataValue => 8,
        _ => null,
    };

    /// <summary>RFC 8428 section 4.2: labels ending in '_' must be understood, so an unknown one rejects the pack.</summary>
    public static bool MustBeUnderstood(string label) => label.EndsWith('_');
}
