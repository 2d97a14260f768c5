using System.Buffers;

namespace GrpcNlp.Core.Text;

/// <summary>
/// Builds a normalized text from left-to-right operations over a source, recording the edits
/// that align it to the source. The output lives in a pooled buffer; dispose to return it.
/// </summary>
internal ref struct AlignedTextBuilder
{
    private readonly ReadOnlySpan<char> _source;
    private readonly List<TextEdit>? _edits;
    private char[] _buffer;
    private int _length;
    private int _consumed;

    // Where the last emitted code point starts, so that a later attached deletion can fold into it.
    private int _lastOriginalStart;
    private int _lastNormalizedStart;
    private bool _hasLast;

    public AlignedTextBuilder(ReadOnlySpan<char> source, bool trackEdits)
        : this(source, trackEdits ? new List<TextEdit>() : null)
    {
    }

    /// <summary>
    /// A builder that records its edits into <paramref name="edits"/> (cleared first), so that a
    /// caller normalizing piece after piece reuses one list instead of growing a new one each time.
    /// </summary>
    public AlignedTextBuilder(ReadOnlySpan<char> source, List<TextEdit>? edits)
    {
        edits?.Clear();
        _source = source;
        _edits = edits;
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, source.Length + 16));
        _length = 0;
        _consumed = 0;
        _lastOriginalStart = 0;
        _lastNormalizedStart = 0;
        _hasLast = false;
    }

    public readonly int Consumed => _consumed;

    public readonly ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public readonly IReadOnlyList<TextEdit> Edits => (IReadOnlyList<TextEdit>?)_edits ?? [];

    /// <summary>Copies the next <paramref name="count"/> source chars unchanged.</summary>
    public void Keep(int count)
    {
        if (count <= 0)
        {
            return;
        }

        ReadOnlySpan<char> run = _source.Slice(_consumed, count);
        Append(run);
        int last = count - 1;
        if (count >= 2 && char.IsLowSurrogate(run[last]) && char.IsHighSurrogate(run[last - 1]))
        {
            last--;
        }

        _lastOriginalStart = _consumed + last;
        _lastNormalizedStart = _length - (count - last);
        _hasLast = true;
        _consumed += count;
    }

    /// <summary>Copies the next source char, a BMP char that is not a surrogate, unchanged.</summary>
    public void KeepOne()
    {
        EnsureCapacity(1);
        _lastOriginalStart = _consumed;
        _lastNormalizedStart = _length;
        _hasLast = true;
        _buffer[_length++] = _source[_consumed++];
    }

    /// <summary>Replaces the next source char with the one char <paramref name="c"/>.</summary>
    public void ReplaceOne(char c)
    {
        EnsureCapacity(1);
        _buffer[_length] = c;
        AddEdit(new TextSpan(_consumed, _consumed + 1), new TextSpan(_length, _length + 1));
        _lastOriginalStart = _consumed;
        _lastNormalizedStart = _length;
        _hasLast = true;
        _length++;
        _consumed++;
    }

    /// <summary>Replaces the next <paramref name="originalLength"/> source chars with <paramref name="text"/>.</summary>
    public void Replace(int originalLength, scoped ReadOnlySpan<char> text)
    {
        int normalizedStart = _length;
        Append(text);
        AddEdit(new TextSpan(_consumed, _consumed + originalLength), new TextSpan(normalizedStart, _length));
        _lastOriginalStart = _consumed;
        _lastNormalizedStart = normalizedStart;
        _hasLast = _length > 0;
        _consumed += originalLength;
    }

    /// <summary>
    /// Deletes the next <paramref name="count"/> source chars as part of the char emitted just
    /// before (marks, tatweel): the edit covers that char too, so mapping it back includes them.
    /// Without a preceding char this is a plain <see cref="Drop"/>.
    /// </summary>
    public void DeleteAttached(int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (!_hasLast)
        {
            Drop(count);
            return;
        }

        AddEdit(
            new TextSpan(_lastOriginalStart, _consumed + count),
            new TextSpan(_lastNormalizedStart, _length));
        _consumed += count;
    }

    /// <summary>Deletes the next <paramref name="count"/> source chars on their own.</summary>
    public void Drop(int count)
    {
        if (count <= 0)
        {
            return;
        }

        AddEdit(new TextSpan(_consumed, _consumed + count), new TextSpan(_length, _length));
        _consumed += count;
    }

    public readonly NormalizedText ToNormalizedText(string original)
    {
        string normalized = Written.SequenceEqual(original.AsSpan()) ? original : new string(Written);
        return new NormalizedText(original, normalized, _edits is null ? [] : _edits.ToArray());
    }

    public void Dispose()
    {
        char[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void AddEdit(TextSpan original, TextSpan normalized)
    {
        if (_edits is null)
        {
            return;
        }

        // An attached deletion overlaps the edit of the char it belongs to and folds into it;
        // deletions in a row form one deletion. Other touching edits stay apart, so that a span
        // over one unit never expands to its neighbours (a clitic next to a folded letter).
        if (_edits.Count > 0)
        {
            TextEdit previous = _edits[^1];
            bool overlaps = previous.Original.End > original.Start;
            bool deletionsInARow = previous.Original.End == original.Start && previous.Normalized.IsEmpty && normalized.IsEmpty;
            if (overlaps || deletionsInARow)
            {
                _edits[^1] = new TextEdit(
                    new TextSpan(Math.Min(previous.Original.Start, original.Start), original.End),
                    new TextSpan(Math.Min(previous.Normalized.Start, normalized.Start), normalized.End));
                return;
            }
        }

        _edits.Add(new TextEdit(original, normalized));
    }

    private void Append(scoped ReadOnlySpan<char> text)
    {
        EnsureCapacity(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void EnsureCapacity(int more)
    {
        if (_length + more > _buffer.Length)
        {
            char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
