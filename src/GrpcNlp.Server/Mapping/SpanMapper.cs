using GrpcNlp.Core.Text;

namespace GrpcNlp.Server.Mapping;

/// <summary>
/// Turns Core's UTF-16 spans of one text (a document, or one piece of a stream) into proto
/// spans in the caller's offset unit, shifted by a base already counted in that unit. This is
/// the only place where offsets change unit.
/// </summary>
internal sealed class SpanMapper
{
    private readonly OffsetConverter? _converter;
    private readonly OffsetUnit _unit;
    private readonly long _base;

    /// <summary>Creates a mapper over <paramref name="text"/>; offsets are shifted by <paramref name="unitBase"/>.</summary>
    public SpanMapper(string text, OffsetUnit unit, long unitBase = 0)
    {
        _unit = unit;
        _base = unitBase;
        // UTF-16 is Core's own unit: no conversion table to build.
        _converter = unit == OffsetUnit.Utf16 || text.Length == 0 ? null : new OffsetConverter(text);
        UnitLength = Offset(text.Length) - unitBase;
    }

    /// <summary>Length of the whole text in the target unit.</summary>
    public long UnitLength { get; }

    /// <summary>Converts a UTF-16 index of the text to a shifted offset in the target unit.</summary>
    public long Offset(int utf16Index)
        => _base + (_converter is null ? utf16Index : _converter.Convert(utf16Index, _unit));

    /// <summary>Converts a Core span to a proto span.</summary>
    public V1.TextSpan Map(TextSpan span) => new() { Begin = Offset(span.Start), End = Offset(span.End) };

    /// <summary>Writes a Core span into an existing proto span.</summary>
    public void MapInto(TextSpan span, V1.TextSpan target)
    {
        target.Begin = Offset(span.Start);
        target.End = Offset(span.End);
    }
}
