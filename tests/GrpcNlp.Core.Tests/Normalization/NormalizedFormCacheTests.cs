using GrpcNlp.Core.Normalization;

namespace GrpcNlp.Core.Tests.Normalization;

public sealed class NormalizedFormCacheTests
{
    // Tokens written for these tests: harakat, tatweel, alef and yeh variants, teh marbuta,
    // Arabic-Indic digits, Latin case, quotes and a token longer than the cache keeps.
    private static readonly string[] s_tokens =
    [
        "كَتَبَ", "الطالـــبُ", "إلى", "أحمد", "مدرسة", "١٢٣", "٣٫٥", "Hello", "WORLD", "“", "—",
        "dollar", "آسيا", "مصطفى", "ٱلْحَمْدُ", "e-mail", "😀", "x", "",
        "https://example.com/a/very/long/path/that/goes/on",
    ];

    public static TheoryData<string> Presets => ["None", "Display", "Search", "Lucene", "CamelArclean"];

    private static NormalizationOptions Preset(string name) => name switch
    {
        "None" => NormalizationOptions.None,
        "Display" => NormalizationOptions.Display,
        "Search" => NormalizationOptions.Search,
        "Lucene" => NormalizationOptions.Lucene,
        _ => NormalizationOptions.CamelArclean,
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Normalize_GivesTheNormalizersForm_OnMissesAndHits(string preset)
    {
        var normalizer = new TextNormalizer(Preset(preset));
        var cache = new NormalizedFormCache(normalizer);

        foreach (string token in s_tokens)
        {
            string expected = normalizer.NormalizeToString(token.AsSpan());
            string miss = cache.Normalize(token.AsSpan());
            string hit = cache.Normalize(token.AsSpan());

            Assert.Equal(expected, miss);
            Assert.Equal(expected, hit);
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Get_GivesTheSurfaceAndTheNormalizersForm_OnMissesAndHits(string preset)
    {
        var normalizer = new TextNormalizer(Preset(preset));
        var cache = new NormalizedFormCache(normalizer);

        foreach (string token in s_tokens)
        {
            string expected = normalizer.NormalizeToString(token.AsSpan());
            (string missText, string missForm) = cache.Get(token.AsSpan());
            (string hitText, string hitForm) = cache.Get(token.AsSpan());

            Assert.Equal(token, missText);
            Assert.Equal(token, hitText);
            Assert.Equal(expected, missForm);
            Assert.Equal(expected, hitForm);
            if (expected == token)
            {
                // An unchanged token is one string for its text and its form.
                Assert.Same(hitText, hitForm);
            }
        }
    }

    [Fact]
    public void Get_OnAHit_ReturnsTheStringsOfTheFirstOccurrence()
    {
        var cache = new NormalizedFormCache(new TextNormalizer(NormalizationOptions.Search), capacity: 8);
        const string text = "الكتاب على الكتاب";

        (string first, string firstForm) = cache.Get(text.AsSpan(0, 6));
        (string again, string againForm) = cache.Get(text.AsSpan(11, 6));

        Assert.Equal("الكتاب", first);
        Assert.Same(first, again);
        Assert.Same(firstForm, againForm);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Normalize_OnAHit_ReturnsTheKeptStringWithoutANewOne()
    {
        var cache = new NormalizedFormCache(new TextNormalizer(NormalizationOptions.Search));
        const string text = "كَتَبَ kitab كَتَبَ kitab";

        string first = cache.Normalize(text.AsSpan(0, 6));
        string second = cache.Normalize(text.AsSpan(13, 6));
        string plain = cache.Normalize(text.AsSpan(7, 5));

        Assert.Equal("كتب", first);
        Assert.Same(first, second);
        Assert.Same(plain, cache.Normalize(text.AsSpan(20, 5)));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Normalize_KeepsAtMostCapacityForms_AndStaysCorrectPastIt()
    {
        var normalizer = new TextNormalizer(NormalizationOptions.Search);
        var cache = new NormalizedFormCache(normalizer, capacity: 3);

        for (int round = 0; round < 2; round++)
        {
            foreach (string token in s_tokens)
            {
                Assert.Equal(normalizer.NormalizeToString(token.AsSpan()), cache.Normalize(token.AsSpan()));
            }
        }

        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Normalize_DoesNotKeepLongTokens()
    {
        var cache = new NormalizedFormCache(new TextNormalizer(NormalizationOptions.Search));
        string token = new('ب', NormalizedFormCache.MaxTokenLength + 1);

        Assert.Equal(token, cache.Normalize(token));
        Assert.Equal(0, cache.Count);
        Assert.Equal("ب", cache.Normalize("بَ"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Normalize_UnderParallelCalls_GivesTheSameFormsAndStaysBounded()
    {
        var normalizer = new TextNormalizer(NormalizationOptions.Search);
        const int capacity = 100;
        var cache = new NormalizedFormCache(normalizer, capacity);

        // 600 distinct tokens (a word, a diacritized word or a digit run per number), each seen
        // by many threads at once, more of them than the cache keeps.
        string[] tokens = [.. Enumerable.Range(0, 600).Select(Token)];
        string[] expected = [.. tokens.Select(t => normalizer.NormalizeToString(t.AsSpan()))];
        int mismatches = 0;
        Parallel.For(0, 16 * tokens.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int k = (i * 7919) % tokens.Length;
            if (cache.Normalize(tokens[k].AsSpan()) != expected[k])
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
        Assert.InRange(cache.Count, 1, capacity);
    }

    private static string Token(int n) => (n % 3) switch
    {
        0 => "كلمة" + new string((char)('ا' + (n % 20)), 1 + (n / 60)),
        1 => "كَلِمَة" + new string((char)('ب' + (n % 20)), 1 + (n / 60)),
        _ => n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture).Replace('0', '٠'),
    };
}
