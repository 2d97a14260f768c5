namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Finds the stem of a folded word for the tagger's features: the word without its proclitics
/// (conjunction, preposition, article). A learned segmenter can replace the default stripping.
/// </summary>
internal interface IStemmer
{
    /// <summary>Number of leading characters of <paramref name="folded"/> that are proclitics (0 when none).</summary>
    /// <param name="word">The word as written.</param>
    /// <param name="folded">The word folded by <see cref="EntityText.Fold"/>.</param>
    int ProcliticLength(ReadOnlySpan<char> word, string folded);
}

/// <summary>
/// Strips the longest Arabic proclitic sequence from a small fixed list (و ف ب ل ك, then ال), keeping a
/// stem of at least two letters. Words such as "واشنطن" lose a letter too; the feature set also keeps
/// the whole word, so the model learns when the stem is misleading.
/// </summary>
internal sealed class ProcliticStemmer : IStemmer
{
    public static readonly ProcliticStemmer Instance = new();

    public int ProcliticLength(ReadOnlySpan<char> word, string folded)
    {
        if (folded.Length < 3 || !EntityText.IsArabicLetter(folded[0]))
        {
            return 0;
        }

        int i = 0;

        // One conjunction, then one preposition.
        if (folded[i] is 'و' or 'ف' && folded.Length - i > 3)
        {
            i++;
        }

        if (folded[i] is 'ب' or 'ك' or 'ل' && folded.Length - i > 3)
        {
            // "لل" is ل + the article whose alef is dropped.
            if (folded[i] == 'ل' && folded[i + 1] == 'ل' && folded.Length - i > 4)
            {
                return i + 2;
            }

            i++;
        }

        if (folded.Length - i > 3 && folded[i] == 'ا' && folded[i + 1] == 'ل')
        {
            i += 2;
        }

        return i;
    }
}
