using System.Text;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Server.Mapping;

/// <summary>
/// Turns UTF-16 indices of one piece of a stream into offsets in the caller's unit, shifted by
/// the units of the stream before the piece. Each index costs one vectorized count of the
/// stretch between it and the previous index (forwards or backwards), so indices asked in
/// text order (edits, tokens) cost about one pass over the piece, instead of a table built char
/// by char over the whole piece (<see cref="SpanMapper"/>). The counts are those
/// of <see cref="OffsetConverter"/>: a lone surrogate is U+FFFD (3 UTF-8 bytes, 1 code point)
/// and an index inside a surrogate pair means the pair's start.
/// </summary>
internal ref struct OffsetCursor
{
    private readonly ReadOnlySpan<char> _text;
    private readonly OffsetUnit _unit;
    private readonly long _base;

    // The last index converted (never inside a surrogate pair) and its offset, base included.
    private int _index;
    private long _offset;

    /// <summary>Creates a cursor over <paramref name="text"/>; offsets are shifted by <paramref name="unitBase"/>.</summary>
    public OffsetCursor(ReadOnlySpan<char> text, OffsetUnit unit, long unitBase)
    {
        _text = text;
        _unit = unit;
        _base = unitBase;
        _index = 0;
        _offset = unitBase;
    }

    /// <summary>Converts a UTF-16 index (0..Length) of the piece to a shifted offset in the target unit.</summary>
    public long Offset(int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, _text.Length);
        if (_unit == OffsetUnit.Utf16)
        {
            return _base + utf16Index;
        }

        if (utf16Index > 0 && utf16Index < _text.Length && char.IsLowSurrogate(_text[utf16Index]) && char.IsHighSurrogate(_text[utf16Index - 1]))
        {
            utf16Index--;
        }

        // Counts are additive over stretches that never split a pair: move either way.
        _offset += utf16Index >= _index
            ? Count(_text[_index..utf16Index], _unit)
            : -Count(_text[utf16Index.._index], _unit);
        _index = utf16Index;
        return _offset;
    }

    /// <summary>Writes a Core span into an existing proto span.</summary>
    public void MapInto(TextSpan span, V1.TextSpan target)
    {
        target.Begin = Offset(span.Start);
        target.End = Offset(span.End);
    }

    /// <summary>The length of <paramref name="text"/> in <paramref name="unit"/>.</summary>
    public static long Count(ReadOnlySpan<char> text, OffsetUnit unit) => unit switch
    {
        OffsetUnit.Utf8 => text.Length <= ShortStretch ? CountUtf8Short(text) : Encoding.UTF8.GetByteCount(text),
        OffsetUnit.CodePoint => CountCodePoints(text),
        _ => text.Length,
    };

    // A stream asks for two offsets per token, each over a stretch of a few chars (a word, the
    // space before the next): below this length a plain loop costs less than the vectorized
    // count's set-up, which was most of the offset work (docs/benchmarks.md).
    private const int ShortStretch = 16;

    /// <summary>UTF-8 bytes of a short stretch; one with a surrogate goes to the encoder (pairs, lone surrogates as U+FFFD).</summary>
    private static int CountUtf8Short(ReadOnlySpan<char> text)
    {
        int bytes = 0;
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                bytes++;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (char.IsSurrogate(c))
            {
                return Encoding.UTF8.GetByteCount(text);
            }
            else
            {
                bytes += 3;
            }
        }

        return bytes;
    }

    /// <summary>UTF-16 units less one per surrogate pair; a lone surrogate is one code point (U+FFFD).</summary>
    private static int CountCodePoints(ReadOnlySpan<char> text)
    {
        int count = text.Length;
        int i = text.IndexOfAnyInRange('\uD800', '\uDBFF');
        while (i >= 0)
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }

            i++;
            int next = text[i..].IndexOfAnyInRange('\uD800', '\uDBFF');
            i = next < 0 ? -1 : i + next;
        }

        return count;
    }
}
