namespace UrbanSensing.Protocol.Senml;

/// <summary>
/// Collects the fields of one record while a decoder reads it, rejecting repeated labels. Fields are held here and
/// the record is made once, in <see cref="Build"/>: decoding is on ingestion's hot path.
/// </summary>
internal struct SenmlRecordBuilder(int recordIndex)
{
    private int _seenLabels;
    private string? _baseName;
    private double? _baseTime;
    private string? _baseUnit;
    private double? _baseValue;
    private double? _baseSum;
    private int? _baseVersion;
    private string? _name;
    private string? _unit;
    private double? _value;
    private string? _stringValue;
    private bool? _booleanValue;
    private ReadOnlyMemory<byte>? _dataValue;
    private double? _sum;
    private double? _time;
    private double? _updateTime;
    private long? _sequence;

    public readonly int RecordIndex => recordIndex;

    /// <param name="label">One of the <see cref="SenmlLabels"/>; decoders skip the others before calling.</param>
    public void Set(string label, SenmlFieldValue value, long bytePosition)
    {
        var bit = 1 << LabelIndex(label);
        if ((_seenLabels & bit) != 0)
        {
            throw new SenmlFormatException("the label appears twice in the record", recordIndex, label, bytePosition);
        }

        _seenLabels |= bit;
        switch (label)
        {
            case SenmlLabels.BaseName: _baseName = value.AsString(this, label, bytePosition); break;
            case SenmlLabels.BaseTime: _baseTime = value.AsNumber(this, label, bytePosition); break;
            case SenmlLabels.BaseUnit: _baseUnit = value.AsString(this, label, bytePosition); break;
            case SenmlLabels.BaseValue: _baseValue = value.AsNumber(this, label, bytePosition); break;
            case SenmlLabels.BaseSum: _baseSum = value.AsNumber(this, label, bytePosition); break;
            case SenmlLabels.BaseVersion: _baseVersion = value.AsVersion(this, label, bytePosition); break;
            case SenmlLabels.Name: _name = value.AsString(this, label, bytePosition); break;
            case SenmlLabels.Unit: _unit = value.AsString(this, label, bytePosition); break;
            case SenmlLabels.Value: _value = value.AsNumber(this, label, bytePosition); break;
            case SenmlLabels.StringValue: _stringValue = value.AsString(this, label, bytePosition); break;
            case SenmlLabels.BooleanValue: _booleanValue = value.AsBoolean(this, label, bytePosition); break;
            case SenmlLabels.DataValue: _dataValue = value.AsData(this, label, bytePosition); break;
            case SenmlLabels.Sum: _sum = value.AsNumber(this, label, bytePosition); break;
            case SenmlLabels.Time: _time = value.AsNumber(this, label, bytePosition); break;
            case SenmlLabels.UpdateTime: _updateTime = value.AsNumber(this, label, bytePosition); break;
            case SenmlLabels.Sequence: _sequence = value.AsSequence(this, label, bytePosition); break;
            default: break;
        }
    }

    public readonly SenmlRecord Build() => new()
    {
        BaseName = _baseName,
        BaseTime = _baseTime,
        BaseUnit = _baseUnit,
        BaseValue = _baseValue,
        BaseSum = _baseSum,
        BaseVersion = _baseVersion,
        Name = _name,
        Unit = _unit,
        Value = _value,
        StringValue = _stringValue,
        BooleanValue = _booleanValue,
        DataValue = _dataValue,
        Sum = _sum,
        Time = _time,
        UpdateTime = _updateTime,
        Sequence = _sequence,
    };

    public readonly SenmlFormatException Error(string reason, string label, long bytePosition) =>
        new(reason, recordIndex, label, bytePosition);

    private static int LabelIndex(string label) => label switch
    {
        SenmlLabels.BaseName => 0,
        SenmlLabels.BaseTime => 1,
        SenmlLabels.BaseUnit => 2,
        SenmlLabels.BaseValue => 3,
        SenmlLabels.BaseSum => 4,
        SenmlLabels.BaseVersion => 5,
        SenmlLabels.Name => 6,
        SenmlLabels.Unit => 7,
        SenmlLabels.Value => 8,
        SenmlLabels.StringValue => 9,
        SenmlLabels.BooleanValue => 10,
        SenmlLabels.DataValue => 11,
        SenmlLabels.Sum => 12,
        SenmlLabels.Time => 13,
        SenmlLabels.UpdateTime => 14,
        SenmlLabels.Sequence => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a SenML label this decoder reads"),
    };
}
