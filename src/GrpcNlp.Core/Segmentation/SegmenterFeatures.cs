namespace GrpcNlp.Core.Segmentation;

/// <summary>
/// The features the perceptron scores a candidate analysis by: the clitic and suffix strings with
/// the stem letters next to them, the stem's own letters, and how often the stem and the word
/// without clitics occur on their own in raw Arabic text.
/// </summary>
internal static class SegmenterFeatures
{
    /// <summary>Upper bound on the features of one candidate.</summary>
    public const int MaxFeatures = 24;

    private static ReadOnlySpan<char> Article => "ال";

    public static int Extract(ReadOnlySpan<char> word, in SegmentAnalysis a, SegmenterModel model, Span<ulong> features)
    {
        int n = 0;
        ReadOnlySpan<char> proclitics = word[..a.Proclitics];
        ReadOnlySpan<char> stem = word[a.StemStart..a.StemEnd];
        ReadOnlySpan<char> suffix1 = word.Slice(a.StemEnd, a.Suffix1);
        ReadOnlySpan<char> suffix2 = word.Slice(a.StemEnd + a.Suffix1, a.Suffix2);
        ReadOnlySpan<char> enclitic = word[(word.Length - a.Enclitic)..];
        ReadOnlySpan<char> core = word[a.StemStart..(word.Length - a.Enclitic)];
        int article = (int)a.Article;
        int shape = (a.Proclitics > 0 ? 1 : 0) | (article << 1) | (a.Suffix1 > 0 ? 8 : 0) | (a.Suffix2 > 0 ? 16 : 0) | (a.Enclitic > 0 ? 32 : 0);
        char first = stem.IsEmpty ? ' ' : stem[0];
        char last = stem.IsEmpty ? ' ' : stem[^1];

        // The word without its clitics, article included, as raw text would spell it on its own.
        Span<char> buffer = stackalloc char[core.Length + 2];
        scoped ReadOnlySpan<char> bare;
        if (a.Article == ArticleForm.None)
        {
            bare = core;
        }
        else
        {
            Article.CopyTo(buffer);
            core.CopyTo(buffer[2..]);
            bare = buffer[..(core.Length + 2)];
        }

        int stemBucket = model.FrequencyBucket(stem);
        int coreBucket = model.FrequencyBucket(core);
        int bareBucket = model.FrequencyBucket(bare);
        int wordBucket = model.FrequencyBucket(word);

        features[n++] = new FeatureHash(1).Add(proclitics).Add(article).Add(suffix1).Add(suffix2).Add(enclitic).Value;
        features[n++] = new FeatureHash(2).Add(proclitics).Value;
        features[n++] = new FeatureHash(3).Add(article).Add(first).Value;
        features[n++] = new FeatureHash(4).Add(suffix1).Add(suffix2).Add(last).Value;
        features[n++] = new FeatureHash(5).Add(enclitic).Add(last).Value;
        features[n++] = new FeatureHash(6).Add(enclitic).Add(suffix1).Add(suffix2).Value;
        features[n++] = new FeatureHash(7).Add(shape).Add(stemBucket).Value;
        features[n++] = new FeatureHash(8).Add(shape).Add(coreBucket).Value;
        features[n++] = new FeatureHash(9).Add(shape).Add(bareBucket).Value;
        features[n++] = new FeatureHash(10).Add(shape).Add(wordBucket).Value;
        features[n++] = new FeatureHash(11).Add(shape).Add(Math.Clamp(bareBucket - wordBucket, -6, 6)).Value;
        features[n++] = new FeatureHash(12).Add(shape).Add(stem).Value;
        features[n++] = new FeatureHash(13).Add(shape).Add(stem[..Math.Min(2, stem.Length)]).Value;
        features[n++] = new FeatureHash(14).Add(shape).Add(stem[Math.Max(0, stem.Length - 2)..]).Value;
        features[n++] = new FeatureHash(15).Add(shape).Add(Math.Min(stem.Length, 8)).Value;
        features[n++] = new FeatureHash(16).Add(proclitics).Add(first).Value;
        features[n++] = new FeatureHash(17).Add(enclitic).Add(stem[Math.Max(0, stem.Length - 2)..]).Value;
        features[n++] = new FeatureHash(18).Add(word).Add(shape).Add(a.Proclitics).Add(a.Suffix1).Add(a.Suffix2).Add(a.Enclitic).Value;
        features[n++] = new FeatureHash(19).Add(suffix1).Add(suffix2).Add(stem[Math.Max(0, stem.Length - 2)..]).Value;
        features[n++] = new FeatureHash(20).Add(proclitics).Add(article).Add(stem[..Math.Min(2, stem.Length)]).Value;
        features[n++] = new FeatureHash(21).Add(shape).Add(stemBucket).Add(coreBucket).Value;
        features[n++] = new FeatureHash(22).Add(suffix1).Add(suffix2).Add(enclitic).Add(coreBucket).Value;
        features[n++] = new FeatureHash(23).Add(suffix1).Add(stem[Math.Max(0, stem.Length - 3)..]).Value;
        return n;
    }
}
