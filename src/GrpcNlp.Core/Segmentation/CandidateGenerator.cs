namespace GrpcNlp.Core.Segmentation;

/// <summary>
/// Every reading of a word the ranker chooses from: up to two one-letter proclitics (a
/// conjunction و ف, then one of ب ل ك س), the article (written ال, or only its ل after the
/// preposition ل), a stem, up to two inflectional suffixes and one pronoun enclitic from the
/// model's inventories. The whole word is always the first candidate.
/// </summary>
internal static class CandidateGenerator
{
    /// <summary>Upper bound on the candidates of one word.</summary>
    public const int MaxCandidates = 96;

    private const string Conjunctions = "وف";
    private const string Particles = "بلكس";

    // The future particle س only comes before an imperfect verb, which starts with one of these.
    private const string ImperfectPrefixes = "يتنأ";

    public static int Generate(ReadOnlySpan<char> word, SegmenterModel model, Span<SegmentAnalysis> candidates)
    {
        int count = 0;
        int length = word.Length;
        candidates[count++] = SegmentAnalysis.Whole(length);

        Span<int> procliticOptions = stackalloc int[3];
        int procliticCount = 0;
        procliticOptions[procliticCount++] = 0;
        if (length > 2 && Conjunctions.Contains(word[0]))
        {
            procliticOptions[procliticCount++] = 1;
            if (length > 3 && IsParticle(word, 1))
            {
                procliticOptions[procliticCount++] = 2;
            }
        }
        else if (length > 2 && IsParticle(word, 0))
        {
            procliticOptions[procliticCount++] = 1;
        }

        foreach (int proclitics in procliticOptions[..procliticCount])
        {
            ReadOnlySpan<char> rest = word[proclitics..];
            bool future = proclitics > 0 && word[proclitics - 1] == 'س';
            AddArticleReadings(word, model, proclitics, ArticleForm.None, candidates, ref count);
            if (future)
            {
                continue;
            }

            if (rest.Length >= 4 && rest[0] == 'ا' && rest[1] == 'ل')
            {
                AddArticleReadings(word, model, proclitics, ArticleForm.Written, candidates, ref count);
            }
            else if (proclitics > 0 && word[proclitics - 1] == 'ل' && rest.Length >= 3 && rest[0] == 'ل')
            {
                AddArticleReadings(word, model, proclitics, ArticleForm.Restored, candidates, ref count);
            }
        }

        return count;
    }

    private static bool IsParticle(ReadOnlySpan<char> word, int index) =>
        Particles.Contains(word[index]) && (word[index] != 'س' || (index + 1 < word.Length && ImperfectPrefixes.Contains(word[index + 1])));

    private static void AddArticleReadings(ReadOnlySpan<char> word, SegmenterModel model, int proclitics, ArticleForm article, Span<SegmentAnalysis> candidates, ref int count)
    {
        int stemStart = proclitics + (article == ArticleForm.Written ? 2 : article == ArticleForm.Restored ? 1 : 0);
        int length = word.Length;
        if (proclitics > 0 || article != ArticleForm.None)
        {
            AddSuffixReadings(word, model, new SegmentAnalysis(length, proclitics, article, 0, 0, 0), stemStart, candidates, ref count);
        }
        else
        {
            // The whole word is already candidate 0; add only readings with something at the end.
            AddSuffixReadings(word, model, new SegmentAnalysis(length, 0, ArticleForm.None, 0, 0, 0), stemStart, candidates, ref count, skipBare: true);
        }

        // Nouns with the article take no possessive pronoun.
        if (article != ArticleForm.None)
        {
            return;
        }

        foreach (string enclitic in model.Enclitics)
        {
            if (word.EndsWith(enclitic, StringComparison.Ordinal) && length - enclitic.Length - stemStart >= 1)
            {
                AddSuffixReadings(word, model, new SegmentAnalysis(length, proclitics, article, 0, 0, enclitic.Length), stemStart, candidates, ref count);
            }
        }
    }

    private static void AddSuffixReadings(ReadOnlySpan<char> word, SegmenterModel model, SegmentAnalysis bare, int stemStart, Span<SegmentAnalysis> candidates, ref int count, bool skipBare = false)
    {
        int end = word.Length - bare.Enclitic;

        // A stem of one letter only before an enclitic and with nothing before it (به، لها).
        int minStem = bare.Enclitic > 0 && stemStart == 0 ? 1 : 2;
        if (!skipBare && end - stemStart >= minStem)
        {
            Add(bare, candidates, ref count);
        }

        ReadOnlySpan<char> beforeEnclitic = word[..end];
        foreach (string last in model.Suffixes)
        {
            if (!beforeEnclitic.EndsWith(last, StringComparison.Ordinal) || end - last.Length - stemStart < 2)
            {
                continue;
            }

            Add(bare with { Suffix1 = last.Length }, candidates, ref count);
            ReadOnlySpan<char> beforeLast = beforeEnclitic[..^last.Length];
            foreach (string first in model.Suffixes)
            {
                if (beforeLast.EndsWith(first, StringComparison.Ordinal) && end - last.Length - first.Length - stemStart >= 2)
                {
                    Add(bare with { Suffix1 = first.Length, Suffix2 = last.Length }, candidates, ref count);
                }
            }
        }
    }

    private static void Add(SegmentAnalysis analysis, Span<SegmentAnalysis> candidates, ref int count)
    {
        if (count < candidates.Length)
        {
            candidates[count++] = analysis;
        }
    }
}
