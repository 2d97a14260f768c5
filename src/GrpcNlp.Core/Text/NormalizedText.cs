namespace GrpcNlp.Core.Text;

/// <summary>
/// A normalized text together with its alignment to the original: every span of
/// <see cref="Normalized"/> maps back to a span of <see cref="Original"/>.
/// </summary>
public sealed class NormalizedText
{
    /// <summary>Creates a normalized text from its parts; edits are in text order.</summary>
    public NormalizedText(string original, string normalized, IReadOnlyList<TextEdit> edits)
    {
        Original = original;
        Normalized = normalized;
        ArgumentNullException.ThrowIfNull(edits);
        Edits = edits;
        _edits = edits as TextEdit[] ?? [.. edits];
    }

    private readonly TextEdit[] _edits;

    /// <summary>The original text.</summary>
    public string Original { get; }

    /// <summary>The normalized text.</summary>
    public string Normalized { get; }

    /// <summary>The edits that turn <see cref="Original"/> into <see cref="Normalized"/>, in order.</summary>
    public IReadOnlyList<TextEdit> Edits { get; }

    /// <summary>
    /// Maps a span of the normalized text to the original, expanding to whole edits: a span that
    /// touches part of an edit covers all of its original text. Deletions at the span's edges
    /// stay outside; an empty span maps to the insertion point. Monotonic in both ends.
    /// </summary>
    public TextSpan ToOriginal(TextSpan normalizedSpan)
    {
        CheckSpan(normalizedSpan, Normalized.Length);
        int start = MapStart(normalizedSpan.Start, fromNormalized: true);
        if (normalizedSpan.IsEmpty)
        {
            return new TextSpan(start, start);
        }

        return new TextSpan(start, MapEnd(normalizedSpan.End, fromNormalized: true));
    }

    /// <summary>
    /// Maps a span of the original text to the normalized text, contracting to whole edits: only
    /// edits entirely inside the span contribute. A span inside one edit maps to the empty span
    /// at that edit's normalized start.
    /// </summary>
    public TextSpan ToNormalized(TextSpan originalSpan)
    {
        CheckSpan(originalSpan, Original.Length);
        int start = ContractStart(originalSpan.Start);
        int end = originalSpan.IsEmpty ? start : ContractEnd(originalSpan.End);
        return end < start ? new TextSpan(end, end) : new TextSpan(start, end);
    }

    private static void CheckSpan(TextSpan span, int length)
    {
        if (span.Start < 0 || span.End < span.Start || span.End > length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, $"The span must lie within 0..{length}.");
        }
    }

    private static TextSpan Side(TextEdit edit, bool normalized) => normalized ? edit.Normalized : edit.Original;

    /// <summary>Index of the last edit whose start (on one side) is at most/below <paramref name="position"/>, or -1.</summary>
    private int LastEditStartingBefore(int position, bool normalizedSide, bool inclusive)
    {
        int lo = 0;
        int hi = _edits.Length - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int start = Side(_edits[mid], normalizedSide).Start;
            if (start < position || (inclusive && start == position))
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private int MapStart(int position, bool fromNormalized)
    {
        int index = LastEditStartingBefore(position, fromNormalized, inclusive: true);
        if (index < 0)
        {
            return position;
        }

        TextEdit edit = _edits[index];
        TextSpan from = Side(edit, fromNormalized);
        TextSpan to = Side(edit, !fromNormalized);
        return position < from.End ? to.Start : position + (to.End - from.End);
    }

    private int MapEnd(int position, bool fromNormalized)
    {
        int index = LastEditStartingBefore(position, fromNormalized, inclusive: false);
        if (index < 0)
        {
            return position;
        }

        TextEdit edit = _edits[index];
        TextSpan from = Side(edit, fromNormalized);
        TextSpan to = Side(edit, !fromNormalized);
        return position <= from.End ? to.End : position + (to.End - from.End);
    }

    private int ContractStart(int position)
    {
        int index = LastEditStartingBefore(position, normalizedSide: false, inclusive: true);
        if (index < 0)
        {
            return position;
        }

        TextEdit edit = _edits[index];
        if (position == edit.Original.Start)
        {
            return edit.Normalized.Start;
        }

        return position < edit.Original.End ? edit.Normalized.End : position + (edit.Normalized.End - edit.Original.End);
    }

    private int ContractEnd(int position)
    {
        int index = LastEditStartingBefore(position, normalizedSide: false, inclusive: false);
        if (index < 0)
        {
            return position;
        }

        TextEdit edit = _edits[index];
        return position < edit.Original.End ? edit.Normalized.Start : position + (edit.Normalized.End - edit.Original.End);
    }
}
