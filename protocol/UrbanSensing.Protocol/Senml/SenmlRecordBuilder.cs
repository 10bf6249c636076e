namespace UrbanSensing.Protocol.Senml;

/// <summary>Collects the fields of one record while a decoder reads it, rejecting repeated labels.</summary>
internal struct SenmlRecordBuilder(int recordIndex)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private SenmlRecord _record = new();

    public readonly int RecordIndex => recordIndex;

    public void Set(string label, SenmlFieldValue value, long bytePosition)
    {
        if (!_seen.Add(label))
        {
            throw new SenmlFormatException("the label appears twice in the record", recordIndex, label, bytePosition);
        }

        _record = label switch
        {
            SenmlLabels.BaseName => _record with { BaseName = value.AsString(this, label, bytePosition) },
            SenmlLabels.BaseTime => _record with { BaseTime = value.AsNumber(this, label, bytePosition) },
            SenmlLabels.BaseUnit => _record with { BaseUnit = value.AsString(this, label, bytePosition) },
            SenmlLabels.BaseValue => _record with { BaseValue = value.AsNumber(this, label, bytePosition) },
            SenmlLabels.BaseSum => _record with { BaseSum = value.AsNumber(this, label, bytePosition) },
            SenmlLabels.BaseVersion => _record with { BaseVersion = value.AsVersion(this, label, bytePosition) },
            SenmlLabels.Name => _record with { Name = value.AsString(this, label, bytePosition) },
            SenmlLabels.Unit => _record with { Unit = value.AsString(this, label, bytePosition) },
            SenmlLabels.Value => _record with { Value = value.AsNumber(this, label, bytePosition) },
            SenmlLabels.StringValue => _record with { StringValue = value.AsString(this, label, bytePosition) },
            SenmlLabels.BooleanValue => _record with { BooleanValue = value.AsBoolean(this, label, bytePosition) },
            SenmlLabels.DataValue => _record with { DataValue = value.AsData(this, label, bytePosition) },
            SenmlLabels.Sum => _record with { Sum = value.AsNumber(this, label, bytePosition) },
            SenmlLabels.Time => _record with { Time = value.AsNumber(this, label, bytePosition) },
            SenmlLabels.UpdateTime => _record with { UpdateTime = value.AsNumber(this, label, bytePosition) },
            SenmlLabels.Sequence => _record with { Sequence = value.AsSequence(this, label, bytePosition) },
            _ => _record,
        };
    }

    public readonly SenmlRecord Build() => _record;

    public readonly SenmlFormatException Error(string reason, string label, long bytePosition) =>
        new(reason, recordIndex, label, bytePosition);
}
