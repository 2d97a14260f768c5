using GrpcNlp.Core.Segmentation;

namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Proclitics and article by the learned <see cref="ArabicSegmenter"/> (D3 scheme): unlike a fixed
/// list it keeps the first letter of "واشنطن" or "بغداد", whose stems are then the names themselves.
/// Words that are not Arabic have no proclitics.
/// </summary>
internal sealed class SegmenterStemmer(ArabicSegmenter segmenter) : IStemmer
{
    public static SegmenterStemmer Default { get; } = new(ArabicSegmenter.Default);

    // Segments are records holding a string: one buffer per thread instead of an array per word.
    [ThreadStatic]
    private static WordSegment[]? s_segments;

    public int ProcliticLength(ReadOnlySpan<char> word, string folded)
    {
        if (folded.Length < 3 || !EntityText.IsArabicLetter(folded[0]))
        {
            return 0;
        }

        WordSegment[] segments = s_segments ??= new WordSegment[ArabicSegmenter.MaxSegments];
        int count = segmenter.Segment(word, SegmentationScheme.D3, segments);
        int end = 0;
        for (int s = 0; s < count && segments[s].Role is SegmentRole.Proclitic or SegmentRole.Article; s++)
        {
            end = segments[s].Span.End;
        }

        // The split is on the written word; folding keeps one character for each one it does not drop.
        int kept = 0;
        foreach (char c in word[..end])
        {
            kept += EntityText.IsDropped(c) ? 0 : 1;
        }

        return Math.Min(kept, folded.Length - 1);
    }
}
