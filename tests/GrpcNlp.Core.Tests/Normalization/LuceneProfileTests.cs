using CsCheck;
using GrpcNlp.Core.Normalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GrpcNlp.Core.Tests.Normalization;

/// <summary>
/// The lucene profile against Lucene.Net's own ArabicNormalizer as the oracle. Lucene runs it on
/// each token's char[]; its map is per char with no context, so on any string the profile's
/// whole-text output equals ArabicNormalizer run on the same chars, and split at whitespace it
/// equals the tokens of ArabicNormalizationFilter after a whitespace tokenizer.
/// </summary>
public sealed class LuceneProfileTests
{
    private static readonly TextNormalizer s_lucene = new(NormalizationOptions.Lucene);

    // Every char Lucene touches, the ones it deliberately leaves (alef wasla, dagger alef,
    // hamza marks, Quranic marks, Persian letters), Latin, digits, spaces and a surrogate pair.
    private const string Alphabet =
        "ابتثجحخدذرسشصطعغفقكلمنهوي" + "أإآٱىةءئؤ" + "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0640" +
        "\u0653\u0654\u0655\u0670\u06D6\u06E1" + "کیہ" + "٠١٩09aZé\u0301 \t\n\u200C\u200F" + "\uFEFB\uFDF2";

    private static string Oracle(string text)
    {
        char[] buffer = text.ToCharArray();
        int length = new ArabicNormalizer().Normalize(buffer, buffer.Length);
        return new string(buffer, 0, length);
    }

    [Theory]
    [InlineData("ذَهَبَ الطُّلَّابُ إِلَى الْمَدْرَسَةِ")]
    [InlineData("قـــال أحمد: آمنت بالله وإنّ الساعة آتية")]
    [InlineData("ٱلْحَمْدُ لِلَّٰهِ رَبِّ ٱلْعَٰلَمِينَ")]
    [InlineData("مكتبة الجامعة ١٢٣ كتابًا، 45 صفحة")]
    [InlineData("Lucene keeps Latin UPPER case and 3.14")]
    [InlineData("سُؤال وقِراءة ومسئول ی ک")]
    [InlineData("")]
    public void MatchesLuceneArabicNormalizerOnWrittenText(string text) =>
        Assert.Equal(Oracle(text), s_lucene.Normalize(text).Normalized);

    [Fact]
    public void MatchesLuceneArabicNormalizerOnGeneratedArabic() =>
        Gen.String[Gen.Char[Alphabet], 0, 60].Sample(
            text => Assert.Equal(Oracle(text), s_lucene.Normalize(text).Normalized),
            iter: 5000);

    [Fact]
    public void MatchesLuceneArabicNormalizerOnArbitraryChars() =>
        Gen.String[Gen.Char, 0, 40].Sample(
            text => Assert.Equal(Oracle(text), s_lucene.Normalize(text).Normalized),
            iter: 5000);

    [Fact]
    public void EqualsLuceneNormalizationFilterTokenByToken() =>
        Gen.String[Gen.Char[Alphabet], 0, 60].Sample(text =>
        {
            string[] ours = s_lucene.Normalize(text).Normalized.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(LuceneTokens(text), ours);
        }, iter: 2000);

    [Fact]
    public void NormalizeToStringOfATokenEqualsLuceneOnThatToken() =>
        Gen.String[Gen.Char[Alphabet], 1, 12].Sample(
            token => Assert.Equal(Oracle(token), s_lucene.NormalizeToString(token)),
            iter: 3000);

    private static string[] LuceneTokens(string text)
    {
        using var tokenizer = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader(text));
        using TokenStream stream = new ArabicNormalizationFilter(tokenizer);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            // A token made only of deleted chars (a lone tatweel) becomes empty in Lucene and
            // vanishes in a whitespace split of ours.
            if (term.Length > 0)
            {
                tokens.Add(term.ToString());
            }
        }

        stream.End();
        return [.. tokens];
    }
}
