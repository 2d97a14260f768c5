using GrpcNlp.Core.Summarization;
using GrpcNlp.Core.Tests.Entities;

namespace GrpcNlp.Core.Tests.Summarization;

public sealed class KeyphraseExtractorTests
{
    // Made-up stories: a desalination plant (Arabic), a library (English).
    private const string Arabic =
        "افتتحت البلدية محطة تحلية المياه في المدينة الساحلية. " +
        "وتنتج محطة تحلية المياه كميات كبيرة من المياه العذبة للسكان. " +
        "وقال مدير المحطة إن محطة تحلية المياه ستخفف أزمة العطش في المدينة. " +
        "وفاز فريق كرة السلة المحلي بالبطولة بعد مباراة مثيرة.";

    private const string English =
        "The city council opened a new public library in the old market district. " +
        "The public library offers free books, study rooms and evening classes. " +
        "Residents said the public library gives the district a quiet place to study. " +
        "A local cyclist won a mountain race in a neighbouring country.";

    private static readonly KeyphraseExtractor s_extractor = new();

    private static IReadOnlyList<Keyphrase> Extract(int count, params (string Text, string Language)[] documents) =>
        s_extractor.Extract(documents.Select(d => RealAnalyzer.Analyze(d.Text, d.Language)).ToArray(), count, TestContext.Current.CancellationToken);

    [Fact]
    public void Top_phrase_is_the_repeated_subject()
    {
        Assert.Equal("public library", Extract(3, (English, "en"))[0].Text);
        Assert.Equal("محطة تحلية المياه", Extract(3, (Arabic, "ar"))[0].Text);
    }

    [Fact]
    public void Occurrences_cover_every_form_of_the_phrase_in_every_document()
    {
        string second = "The public libraries of the region will share their books.";
        IReadOnlyList<Keyphrase> phrases = Extract(5, (English, "en"), (second, "en"));
        Keyphrase library = Assert.Single(phrases, p => p.Normalized == "public library");
        Assert.Equal(4, library.Occurrences.Count);
        Assert.Equal([0, 0, 0, 1], library.Occurrences.Select(o => o.DocumentIndex));
        string[] texts = [English, second];
        Assert.Equal(
            ["public library", "public library", "public library", "public libraries"],
            library.Occurrences.Select(o => texts[o.DocumentIndex][o.Span.Start..o.Span.End]));
    }

    [Fact]
    public void Count_bounds_and_order()
    {
        IReadOnlyList<Keyphrase> phrases = Extract(4, (Arabic, "ar"));
        Assert.Equal(4, phrases.Count);
        Assert.Equal(1f, phrases[0].Score);
        Assert.True(phrases.Zip(phrases.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Empty(Extract(0, (Arabic, "ar")));
        Assert.Empty(Extract(3, (string.Empty, "ar")));
    }

    [Fact]
    public void A_phrase_inside_a_better_one_is_not_repeated()
    {
        IReadOnlyList<Keyphrase> phrases = Extract(10, (English, "en"));
        Assert.DoesNotContain(phrases, p => p.Normalized is "library" or "public");
    }

    [Fact]
    public void Negative_count_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Extract(-1, (English, "en")));
}
