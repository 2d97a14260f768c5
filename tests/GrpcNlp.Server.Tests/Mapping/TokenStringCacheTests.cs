using GrpcNlp.Core.Normalization;
using GrpcNlp.Server.Mapping;

namespace GrpcNlp.Server.Tests.Mapping;

public sealed class TokenStringCacheTests
{
    private static readonly TextNormalizer s_search = new(NormalizationOptions.Search);

    [Fact]
    public void Get_ReusesTheStringsOfARecurringSurface()
    {
        var cache = new TokenStringCache(s_search);
        string text = "الكتاب على الكتاب";

        (string first, string firstNormalized) = cache.Get(text.AsSpan(0, 6));
        (string again, string againNormalized) = cache.Get(text.AsSpan(11, 6));

        Assert.Equal("الكتاب", first);
        Assert.Same(first, again);
        Assert.Same(firstNormalized, againNormalized);
        Assert.Equal(1, cache.Count);
    }

    [Theory]
    [InlineData("Word")]
    [InlineData("أحمد")]
    [InlineData("كِتَابٌ")]
    [InlineData("ﻻ")]
    [InlineData("١٢٣")]
    public void Get_GivesTheNormalizersForm_FirstAndCachedAlike(string surface)
    {
        var cache = new TokenStringCache(s_search);
        string expected = s_search.NormalizeToString(surface);

        (string text, string normalized) = cache.Get(surface);
        (string cachedText, string cachedNormalized) = cache.Get(surface);

        Assert.Equal(surface, text);
        Assert.Equal(expected, normalized);
        Assert.Equal(surface, cachedText);
        Assert.Equal(expected, cachedNormalized);
        if (expected == surface)
        {
            Assert.Same(text, normalized);
        }
    }

    [Fact]
    public void Get_DoesNotCacheLongTokens()
    {
        var cache = new TokenStringCache(s_search);
        string url = "https://example.org/" + new string('a', TokenStringCache.MaxTokenLength);

        (string first, _) = cache.Get(url);
        (string second, _) = cache.Get(url);

        Assert.Equal(url, second);
        Assert.NotSame(first, second);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Get_StaysBounded_OnAnOpenVocabulary()
    {
        var cache = new TokenStringCache(s_search);
        for (int i = 0; i < (3 * TokenStringCache.MaxEntries) + 7; i++)
        {
            string word = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(word, cache.Get(word).Text);
            Assert.InRange(cache.Count, 1, TokenStringCache.MaxEntries);
        }
    }
}
