using CsCheck;
using GrpcNlp.Core.Segmentation;

namespace GrpcNlp.Core.Tests.Segmentation;

public sealed class ArabicSegmenterTests
{
    private static readonly ArabicSegmenter s_segmenter = ArabicSegmenter.Default;

    private static string Show(string word, SegmentationScheme scheme) =>
        string.Join('+', s_segmenter.Segment(word, scheme).Select(s => s.Form(word)));

    [Theory]
    [InlineData("وبالمدرسة", "و+ب+المدرسة")]
    [InlineData("للمرة", "ل+المرة")]
    [InlineData("سيكتبونها", "س+يكتبون+ها")]
    [InlineData("وزير", "وزير")]
    [InlineData("كتاب", "كتاب")]
    [InlineData("فيلم", "فيلم")]
    [InlineData("بيتهم", "بيت+هم")]
    [InlineData("والطلاب", "و+الطلاب")]
    public void Atb_splits_clitics_and_keeps_article_and_inflection(string word, string expected) =>
        Assert.Equal(expected, Show(word, SegmentationScheme.Atb));

    [Theory]
    [InlineData("وبالمدرسة", "و+ب+ال+مدرسة")]
    [InlineData("للمرة", "ل+ال+مرة")]
    [InlineData("وزير", "وزير")]
    public void D3_also_splits_the_article(string word, string expected) =>
        Assert.Equal(expected, Show(word, SegmentationScheme.D3));

    [Theory]
    [InlineData("وبالمدرسة", "و+ب+ال+مدرس+ة")]
    [InlineData("للمرة", "ل+ال+مر+ة")]
    [InlineData("والمعلمات", "و+ال+معلم+ات")]
    public void Farasa_also_splits_inflection(string word, string expected) =>
        Assert.Equal(expected, Show(word, SegmentationScheme.Farasa));

    [Fact]
    public void Restored_article_keeps_an_exact_span()
    {
        WordSegment[] segments = s_segmenter.Segment("للمرة", SegmentationScheme.D3);
        Assert.Equal(3, segments.Length);
        Assert.Equal((0, 1, SegmentRole.Proclitic, (string?)null), (segments[0].Span.Start, segments[0].Span.End, segments[0].Role, segments[0].RestoredForm));
        Assert.Equal((1, 2, SegmentRole.Article, (string?)"ال"), (segments[1].Span.Start, segments[1].Span.End, segments[1].Role, segments[1].RestoredForm));
        Assert.Equal((2, 5, SegmentRole.Stem), (segments[2].Span.Start, segments[2].Span.End, segments[2].Role));
    }

    [Fact]
    public void Roles_follow_the_word()
    {
        WordSegment[] segments = s_segmenter.Segment("وسيكتبونها", SegmentationScheme.Atb);
        Assert.Equal([SegmentRole.Proclitic, SegmentRole.Proclitic, SegmentRole.Stem, SegmentRole.Enclitic], segments.Select(s => s.Role));
    }

    [Fact]
    public void Diacritics_stay_with_their_letter()
    {
        const string word = "وَبِالمَدْرَسَةِ";
        WordSegment[] segments = s_segmenter.Segment(word, SegmentationScheme.Atb);
        Assert.Equal(["وَ", "بِ", "المَدْرَسَةِ"], segments.Select(s => word[s.Span.Start..s.Span.End]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024")]
    [InlineData("Wikipedia")]
    [InlineData("و")]
    public void Non_arabic_and_trivial_words_stay_whole(string word)
    {
        WordSegment[] segments = s_segmenter.Segment(word, SegmentationScheme.Farasa);
        Assert.Equal(word.Length == 0 ? 0 : 1, segments.Length);
    }

    [Fact]
    public void None_scheme_leaves_the_word_whole() =>
        Assert.Equal("وبالمدرسة", Show("وبالمدرسة", SegmentationScheme.None));

    [Fact]
    public void Segments_tile_the_word_for_any_input()
    {
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةءئؤ" + "\u064E\u064F\u0650\u0651\u0652\u0640" + "1a-";
        Gen.Select(Gen.String[Gen.Char[alphabet], 0, 30], Gen.Int[0, 3]).Sample((word, schemeIndex) =>
        {
            var scheme = (SegmentationScheme)schemeIndex;
            WordSegment[] segments = s_segmenter.Segment(word, scheme);
            int position = 0;
            foreach (WordSegment segment in segments)
            {
                Assert.Equal(position, segment.Span.Start);
                Assert.True(segment.Span.End > segment.Span.Start);
                position = segment.Span.End;
            }

            Assert.Equal(word.Length, position);
            Assert.Equal(word.Length == 0 ? 0 : 1, segments.Count(s => s.Role == SegmentRole.Stem));
        }, iter: 3000);
    }
}
