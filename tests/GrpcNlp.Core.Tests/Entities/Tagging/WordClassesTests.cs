using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class WordClassesTests
{
    // A hand-made table: two town names share a long prefix, a verb sits in another branch.
    private static WordClasses Table() => WordClasses.Read(new StringReader(
        "# comment\nقاهره\t110100\nحلب\t110101\nزار\t0010\n"));

    private static HashSet<ulong> Features(string[] words, int i, WordClasses? classes)
    {
        var sentence = new TaggerSentence(words, ProcliticStemmer.Instance);
        classes?.Match(sentence);
        Span<ulong> buffer = stackalloc ulong[FeatureExtractor.MaxFeatures];
        int count = FeatureExtractor.Extract(sentence, i, buffer);
        return [.. buffer[..count]];
    }

    [Fact]
    public void Reads_words_and_bit_strings_and_skips_comments()
    {
        WordClasses table = Table();
        Assert.Equal(3, table.Count);
        Assert.Contains(table.Entries, e => e.Key == "حلب" && e.Value == "110101");
    }

    [Fact]
    public void A_line_without_a_tab_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => WordClasses.Read(new StringReader("قاهره 1101\n")));
    }

    [Fact]
    public void Words_take_their_class_and_proclitic_forms_the_class_of_their_stem()
    {
        var sentence = new TaggerSentence(["زار", "وحلب", "أمس"], ProcliticStemmer.Instance);
        Table().Match(sentence);
        Assert.Equal(["0010", "110101", null], sentence.Classes![..3]);
    }

    [Fact]
    public void Words_of_one_class_share_features_that_unrelated_words_do_not()
    {
        WordClasses table = Table();
        HashSet<ulong> cairo = Features(["زار", "القاهرة"], 1, table);
        HashSet<ulong> aleppo = Features(["زار", "حلب"], 1, table);
        HashSet<ulong> cairoWithout = Features(["زار", "القاهرة"], 1, null);
        HashSet<ulong> aleppoWithout = Features(["زار", "حلب"], 1, null);
        Assert.True(cairo.Intersect(aleppo).Count() > cairoWithout.Intersect(aleppoWithout).Count());
    }
}
