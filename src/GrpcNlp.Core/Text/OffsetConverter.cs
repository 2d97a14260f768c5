namespace GrpcNlp.Core.Text;

/// <summary>
/// Converts UTF-16 indices of one text into UTF-8 byte or code point offsets. Built once per
/// text; cheap for indices requested in ascending order. A surrogate pair counts 2 UTF-16 units,
/// 4 UTF-8 bytes and 1 code point; a lone surrogate counts as U+FFFD (3 UTF-8 bytes), as the
/// UTF-8 encoder replaces it. An index inside a surrogate pair (or an offset inside one
/// character) rounds down to the start of that character. Not thread-safe: it keeps a cursor.
/// </summary>
public sealed class OffsetConverter
{
    // Positions recorded while scanning, so going backwards restarts near the target, not at 0.
    private const int CheckpointInterval = 1024;

    private readonly string _text;
    private readonly List<Position> _checkpoints = [new Position(0, 0, 0)];
    private Position _cursor;

    /// <summary>Creates a converter over <paramref name="text"/>.</summary>
    public OffsetConverter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>Converts a UTF-16 index (0..Length) of the text to <paramref name="unit"/>.</summary>
    public int Convert(int utf16Index, OffsetUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, _text.Length);
        if (unit == OffsetUnit.Utf16)
        {
            return utf16Index;
        }

        Position position = Seek(utf16Index, OffsetUnit.Utf16);
        return position.Get(unit);
    }

    /// <summary>Converts an offset in <paramref name="unit"/> back to a UTF-16 index.</summary>
    public int ToUtf16(int offset, OffsetUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (unit == OffsetUnit.Utf16)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _text.Length);
            return offset;
        }

        Position position = Seek(offset, unit);
        if (position.Get(unit) < offset && position.Utf16 == _text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The offset is past the end of the text.");
        }

        return position.Utf16;
    }

    /// <summary>Moves the cursor to the last character boundary whose <paramref name="unit"/> offset is at most <paramref name="target"/>.</summary>
    private Position Seek(int target, OffsetUnit unit)
    {
        if (_cursor.Get(unit) > target)
        {
            int lo = 0;
            int hi = _checkpoints.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) >>> 1;
                if (_checkpoints[mid].Get(unit) <= target)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            _cursor = _checkpoints[lo];
        }

        string text = _text;
        Position p = _cursor;
        while (p.Utf16 < text.Length)
        {
            char c = text[p.Utf16];
            int units;
            int bytes;
            if (c < 0x80)
            {
                units = 1;
                bytes = 1;
            }
            else if (c < 0x800)
            {
                units = 1;
                bytes = 2;
            }
            else if (char.IsHighSurrogate(c) && p.Utf16 + 1 < text.Length && char.IsLowSurrogate(text[p.Utf16 + 1]))
            {
                units = 2;
                bytes = 4;
            }
            else
            {
                units = 1;
                bytes = 3;
            }

            var next = new Position(p.Utf16 + units, p.Utf8 + bytes, p.CodePoint + 1);
            if (next.Get(unit) > target)
            {
                break;
            }

            p = next;
            Position last = _checkpoints[^1];
            if (p.Utf16 - last.Utf16 >= CheckpointInterval)
            {
                _checkpoints.Add(p);
            }
        }

        _cursor = p;
        return p;
    }

    private readonly record struct Position(int Utf16, int Utf8, int CodePoint)
    {
        public int Get(OffsetUnit unit) => unit switch
        {
            OffsetUnit.Utf8 => Utf8,
            OffsetUnit.CodePoint => CodePoint,
            _ => Utf16,
        };
    }
}
