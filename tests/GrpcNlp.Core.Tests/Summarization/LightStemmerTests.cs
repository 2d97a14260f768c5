using System.Collections.Frozen;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Summarization;

namespace GrpcNlp.Core.Tests.Summarization;

public class LightStemmerTests
{
    [Theory]
    [InlineData("والمعلمون", "معلم")]
    [InlineData("وفي", null)]
    [InlineData("cities", "city")]
    public void A_kept_term_is_the_one_computed_the_first_time(string norm, string? term)
    {
        // The first call may compute and keep the term, the next ones read it back.
        Assert.Equal(term, LightStemmer.ContentTerm(norm, Lexicons.StopWords));
        Assert.Equal(term, LightStemmer.ContentTerm(norm, Lexicons.StopWords));
    }

    [Fact]
    public void Terms_under_other_stop_words_are_not_taken_from_the_shipped_ones()
    {
        Assert.Equal("مدرس", LightStemmer.ContentTerm("مدرسه", Lexicons.StopWords));
        FrozenSet<string> own = new[] { "مدرسه" }.ToFrozenSet(StringComparer.Ordinal);
        Assert.Null(LightStemmer.ContentTerm("مدرسه", own));
        Assert.Equal("مدرس", LightStemmer.ContentTerm("مدرسه", Lexicons.StopWords));
    }
}
