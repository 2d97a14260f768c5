using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class FeatureExtractorTests
{
    private static HashSet<ulong> Features(string[] words, int i, IStemmer? stemmer = null, NameList? names = null)
    {
        var sentence = new TaggerSentence(words, stemmer ?? ProcliticStemmer.Instance);
        names?.Match(sentence);
        Span<ulong> buffer = stackalloc ulong[FeatureExtractor.MaxFeatures];
        int count = FeatureExtractor.Extract(sentence, i, buffer);
        return [.. buffer[..count]];
    }

    private static HashSet<ulong> EdgeFeatures(string[] words, int i)
    {
        var sentence = new TaggerSentence(words, ProcliticStemmer.Instance);
        Span<ulong> buffer = stackalloc ulong[FeatureExtractor.MaxEdgeFeatures];
        int count = FeatureExtractor.ExtractEdges(sentence, i, buffer);
        return [.. buffer[..count]];
    }

    [Fact]
    public void Edge_features_depend_on_the_word_and_never_collide_with_word_features()
    {
        HashSet<ulong> bank = EdgeFeatures(["في", "البنك", "التجاري", "أمس"], 2);
        HashSet<ulong> same = EdgeFeatures(["من", "البنك", "التجاري", "اليوم"], 2);
        HashSet<ulong> other = EdgeFeatures(["في", "البنك", "المركزي", "أمس"], 2);
        Assert.Equal(bank, same);
        Assert.NotEqual(bank, other);
        Assert.True(bank.Overlaps(other));
        Assert.NotEqual(bank, EdgeFeatures(["في", "المصرف", "التجاري", "أمس"], 2));
        Assert.False(bank.Overlaps(Features(["في", "البنك", "التجاري", "أمس"], 2)));
    }

    [Fact]
    public void Same_word_in_same_context_gives_same_features()
    {
        string[] words = ["Talks", "with", "Okafor", "ended", "."];
        Assert.Equal(Features(words, 2), Features(["Talks", "with", "Okafor", "ended", "."], 2));
    }

    [Fact]
    public void Neighbours_change_the_window_features_only_in_part()
    {
        HashSet<ulong> a = Features(["Talks", "with", "Okafor", "ended", "."], 2);
        HashSet<ulong> b = Features(["Talks", "with", "Okafor", "began", "."], 2);
        Assert.NotEqual(a, b);

        // The word's own features (word, affixes, shape) stay.
        Assert.True(a.Intersect(b).Count() > a.Count / 2);
    }

    [Fact]
    public void Shape_links_unseen_capitalized_words()
    {
        HashSet<ulong> okafor = Features(["Talks", "with", "Okafor", "ended"], 2);
        HashSet<ulong> mensah = Features(["Talks", "with", "Mensah", "ended"], 2);
        HashSet<ulong> lower = Features(["Talks", "with", "mensah", "ended"], 2);
        Assert.True(okafor.Intersect(mensah).Count() > okafor.Intersect(lower).Count());
    }

    [Fact]
    public void All_capitals_sentence_drops_the_case_sensitive_word()
    {
        HashSet<ulong> normal = Features(["Talks", "With", "OKAFOR", "Ended"], 2);
        HashSet<ulong> headline = Features(["TALKS", "WITH", "OKAFOR", "ENDED"], 2);
        Assert.False(headline.IsSupersetOf(normal));
        Assert.True(headline.Count < normal.Count);
    }

    [Fact]
    public void Proclitic_variants_share_the_stem_features()
    {
        HashSet<ulong> withConjunction = Features(["زار", "والقاهرة", "أمس"], 1);
        HashSet<ulong> withPreposition = Features(["زار", "بالقاهرة", "أمس"], 1);
        HashSet<ulong> otherWord = Features(["زار", "والمدينة", "أمس"], 1);
        Assert.True(withConjunction.Intersect(withPreposition).Count() > withConjunction.Intersect(otherWord).Count());
    }

    [Fact]
    public void Feature_count_stays_within_the_bound_with_a_name_list()
    {
        var names = new NameList([("سامر حداد", 0), ("قاهره", 1)]);
        string[] words = ["قال", "سامر", "حداد", "في", "القاهرة", "إن", "الوفد", "وصل"];
        for (int i = 0; i < words.Length; i++)
        {
            int count = Features(words, i, names: names).Count;
            Assert.InRange(count, 1, FeatureExtractor.MaxFeatures);
        }
    }

    [Fact]
    public void Name_list_match_adds_features()
    {
        var names = new NameList([("سامر حداد", 0)]);
        string[] words = ["قال", "سامر", "حداد", "أمس"];
        HashSet<ulong> without = Features(words, 2);
        HashSet<ulong> with = Features(words, 2, names: names);
        Assert.True(with.IsSupersetOf(without));
        Assert.True(with.Count > without.Count);
    }
}

public class StemmerAndNameListTests
{
    [Theory]
    [InlineData("والقاهرة", "قاهره")]
    [InlineData("بالقاهرة", "قاهره")]
    [InlineData("للأمم", "امم")]
    [InlineData("القاهرة", "قاهره")]
    [InlineData("حداد", "حداد")]
    [InlineData("Cairo", "cairo")]
    public void Proclitic_stemmer_strips_conjunction_preposition_and_article(string word, string stem)
    {
        var sentence = new TaggerSentence([word], ProcliticStemmer.Instance);
        Assert.Equal(stem, sentence.Stem(0).ToString());
    }

    [Theory]
    [InlineData("والقاهرة", "قاهره")]
    [InlineData("بالقاهرة", "قاهره")]
    [InlineData("واشنطن", "واشنطن")]
    [InlineData("Cairo", "cairo")]
    public void Segmenter_stemmer_strips_only_what_the_segmenter_splits(string word, string stem)
    {
        var sentence = new TaggerSentence([word], SegmenterStemmer.Default);
        Assert.Equal(stem, sentence.Stem(0).ToString());
    }

    [Fact]
    public void Name_list_labels_the_longest_match_and_marks_word_types()
    {
        var names = new NameList([("سامر", 0), ("سامر حداد", 0), ("قاهره", 1)]);
        var sentence = new TaggerSentence(["قال", "سامر", "حداد", "في", "القاهرة", "وحداد"], ProcliticStemmer.Instance);
        names.Match(sentence);

        string[] labels = sentence.ListLabels!.Select(NerLabels.Name).ToArray();
        Assert.Equal(["O", "B-PER", "I-PER", "O", "B-LOC", "O"], labels);

        // "وحداد" (stem حداد) is no entry alone, but its stem occurs in a person entry.
        Assert.Equal([0, 1, 1, 0, 2, 1], sentence.ListWordTypes!);
    }
}
