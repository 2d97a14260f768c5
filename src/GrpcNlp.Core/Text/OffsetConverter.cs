namespace GrpcNlp.Core.Text;

/// <summary>
/// Converts UTF-16 indices of one text into UTF-8 byte or code point offsets. Built once per
/// text; cheap for indices requested in ascending order. A surrogate pair counts 2 UTF-16 units,
/// 4 UTF-8 bytes and 1 code point; a lone surrogate counts as U+FFFD (3 UTF-8 bytes), as the
/// UTF-8 encoder replaces it.
/// </summary>
public sealed class OffsetConverter
{
    /// <summary>Creates a converter over <paramref name="text"/>.</summary>
    public OffsetConverter(string text) => throw new NotImplementedException();

    /// <summary>Converts a UTF-16 index (0..Length) of the text to <paramref name="unit"/>.</summary>
    public int Convert(int utf16Index, OffsetUnit unit) => throw new NotImplementedException();

    /// <summary>Converts an offset in <paramref name="unit"/> back to a UTF-16 index.</summary>
    public int ToUtf16(int offset, OffsetUnit unit) => throw new NotImplementedException();
}
