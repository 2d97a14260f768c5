using System.Buffers;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Segmentation;

/// <summary>
/// Splits an Arabic word into clitics, article, stem and suffixes by a learned model: every
/// reading the clitic inventories allow is generated and an averaged perceptron picks one, by
/// character n-grams of the stem, the clitic strings and how often the stem occurs on its own in
/// raw text (see docs/segmentation.md). Thread-safe.
/// </summary>
public sealed class ArabicSegmenter
{
    /// <summary>The most segments a word can have: two proclitics, article, stem, two suffixes, enclitic.</summary>
    public const int MaxSegments = 7;

    // Words are analysed once: the analysis does not depend on the scheme, and text is Zipfian.
    private const int CacheCapacity = 200_000;

    // Longer tokens are not words (runs, URLs); they stay whole.
    private const int MaxWordLength = 64;

    private static readonly Lazy<ArabicSegmenter> s_embedded = new(() => new ArabicSegmenter(SegmenterModel.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    // The Arabic letters hamza..yeh, U+0621–U+063A and U+0641–U+064A (U+0640 is tatweel).
    private static readonly SearchValues<char> s_letters = SearchValues.Create(
        "\u0621\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062A\u062B\u062C\u062D\u062E\u062F\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063A" +
        "\u0641\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u0649\u064A");

    private readonly SegmenterModel _model;
    private readonly KeptStrings<SegmentAnalysis> _cache = new(CacheCapacity, MaxWordLength);

    internal ArabicSegmenter(SegmenterModel model)
    {
        _model = model;
    }

    /// <summary>The segmenter with the model embedded in this assembly (loaded on first use).</summary>
    public static ArabicSegmenter Default => s_embedded.Value;

    /// <summary>Segments <paramref name="word"/> into a new array; see <see cref="Segment(ReadOnlySpan{char}, SegmentationScheme, Span{WordSegment})"/>.</summary>
    /// <param name="word">One word (a token), Arabic letters with optional diacritics and tatweel.</param>
    /// <param name="scheme">Which clitics and affixes to split.</param>
    public WordSegment[] Segment(ReadOnlySpan<char> word, SegmentationScheme scheme)
    {
        var segments = new WordSegment[MaxSegments];
        int count = Segment(word, scheme, segments);
        Array.Resize(ref segments, count);
        return segments;
    }

    /// <summary>
    /// Segments <paramref name="word"/>. The segments tile the word: their spans, relative to the
    /// word's start, are adjacent and cover it; a word that is empty, not Arabic or not split is
    /// one <see cref="SegmentRole.Stem"/> segment (none for an empty word).
    /// </summary>
    /// <param name="word">One word (a token), Arabic letters with optional diacritics and tatweel.</param>
    /// <param name="scheme">Which clitics and affixes to split.</param>
    /// <param name="destination">Receives the segments; at least <see cref="MaxSegments"/> long.</param>
    /// <returns>The number of segments written.</returns>
    public int Segment(ReadOnlySpan<char> word, SegmentationScheme scheme, Span<WordSegment> destination)
    {
        if (destination.Length < MaxSegments)
        {
            throw new ArgumentException($"Destination must hold at least {MaxSegments} segments.", nameof(destination));
        }

        if (word.IsEmpty)
        {
            return 0;
        }

        if (scheme == SegmentationScheme.None || word.Length > MaxWordLength)
        {
            return Whole(word.Length, destination);
        }

        if (!word.ContainsAnyExcept(s_letters))
        {
            SegmentAnalysis analysis = Analyze(word);
            return ToSegments(word, analysis, scheme, destination, default);
        }

        // Diacritics and tatweel are skipped for the analysis and the boundaries mapped back;
        // any other character (digits, Latin) leaves the word whole.
        Span<char> letters = stackalloc char[word.Length];
        Span<int> positions = stackalloc int[word.Length + 1];
        int n = 0;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (s_letters.Contains(c))
            {
                letters[n] = c;
                positions[n++] = i;
            }
            else if (!(c is >= '\u064B' and <= '\u0652' || c == '\u0640' || c == '\u0670') || n == 0)
            {
                return Whole(word.Length, destination);
            }
        }

        positions[n] = word.Length;
        ReadOnlySpan<char> bare = letters[..n];
        return ToSegments(bare, Analyze(bare), scheme, destination, positions[..(n + 1)]);
    }

    /// <summary>The best analysis of a word of Arabic letters only.</summary>
    internal SegmentAnalysis Analyze(ReadOnlySpan<char> letters)
    {
        if (_cache.TryGet(letters, out _, out SegmentAnalysis cached))
        {
            return cached;
        }

        SegmentAnalysis best = Rank(letters, _model);
        _cache.TryKeep(letters.ToString(), best);
        return best;
    }

    /// <summary>The highest-scoring candidate; the whole word wins ties.</summary>
    internal static SegmentAnalysis Rank(ReadOnlySpan<char> letters, SegmenterModel model)
    {
        Span<SegmentAnalysis> candidates = stackalloc SegmentAnalysis[CandidateGenerator.MaxCandidates];
        int count = CandidateGenerator.Generate(letters, model, candidates);
        if (count == 1)
        {
            return candidates[0];
        }

        Span<ulong> features = stackalloc ulong[SegmenterFeatures.MaxFeatures];
        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int i = 0; i < count; i++)
        {
            int n = SegmenterFeatures.Extract(letters, candidates[i], model, features);
            float score = model.Score(features[..n]);
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return candidates[best];
    }

    private static int Whole(int length, Span<WordSegment> destination)
    {
        destination[0] = new WordSegment(new TextSpan(0, length), SegmentRole.Stem, null);
        return 1;
    }

    /// <summary>
    /// The segments of <paramref name="a"/> under <paramref name="scheme"/>; boundaries are letter
    /// indices, mapped through <paramref name="positions"/> to the word when diacritics were skipped.
    /// </summary>
    private static int ToSegments(ReadOnlySpan<char> letters, SegmentAnalysis a, SegmentationScheme scheme, Span<WordSegment> destination, ReadOnlySpan<int> positions)
    {
        int count = 0;
        for (int i = 0; i < a.Proclitics; i++)
        {
            destination[count++] = Make(i, i + 1, SegmentRole.Proclitic, null, positions);
        }

        int stemFrom = a.Proclitics;
        int coreEnd = a.Length - a.Enclitic;
        bool splitArticle = scheme is SegmentationScheme.D3 or SegmentationScheme.Farasa;
        string? stemForm = null;
        if (a.Article != ArticleForm.None)
        {
            if (splitArticle)
            {
                destination[count++] = Make(a.Proclitics, a.StemStart, SegmentRole.Article, a.Article == ArticleForm.Restored ? "ال" : null, positions);
                stemFrom = a.StemStart;
            }
            else if (a.Article == ArticleForm.Restored)
            {
                // The ATB stem keeps the article, so it carries the letter the surface dropped.
                stemForm = string.Concat("ال", letters[a.StemStart..coreEnd]);
            }
        }

        if (scheme == SegmentationScheme.Farasa)
        {
            destination[count++] = Make(stemFrom, a.StemEnd, SegmentRole.Stem, stemForm, positions);
            if (a.Suffix1 > 0)
            {
                destination[count++] = Make(a.StemEnd, a.StemEnd + a.Suffix1, SegmentRole.Suffix, null, positions);
            }

            if (a.Suffix2 > 0)
            {
                destination[count++] = Make(a.StemEnd + a.Suffix1, coreEnd, SegmentRole.Suffix, null, positions);
            }
        }
        else
        {
            destination[count++] = Make(stemFrom, coreEnd, SegmentRole.Stem, stemForm, positions);
        }

        if (a.Enclitic > 0)
        {
            destination[count++] = Make(coreEnd, a.Length, SegmentRole.Enclitic, null, positions);
        }

        return count;
    }

    private static WordSegment Make(int start, int end, SegmentRole role, string? restored, ReadOnlySpan<int> positions)
    {
        if (positions.IsEmpty)
        {
            return new WordSegment(new TextSpan(start, end), role, restored);
        }

        // A boundary sits before the letter it precedes, so diacritics stay with the letter before them.
        return new WordSegment(new TextSpan(start == 0 ? 0 : positions[start], positions[end]), role, restored);
    }
}
