using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Normalization;

/// <summary>
/// Vectors for the camel-arclean profile and for CAMeL Tools' dediac_ar / normalize_* functions,
/// entry by entry from the documented behaviour of CAMeL Tools (commit be79ca9f); texts are ours.
/// </summary>
public sealed class CamelProfileTests
{
    private static readonly TextNormalizer s_arclean = new(NormalizationOptions.CamelArclean);

    /// <summary>dediac_ar: delete exactly U+064B..U+0652 and U+0670.</summary>
    private static readonly TextNormalizer s_dediac = new(NormalizationOptions.None with
    {
        RemoveDiacritics = true,
        Diacritics = DiacriticSet.TashkeelAndDaggerAlef,
    });

    [Theory]
    [InlineData("كَتَبَ الوَلَدُ الدَّرْسَ", "كتب الولد الدرس")]
    [InlineData("هٰذا كتابٌ", "هذا كتاب")]
    // Kept: tatweel, madda/hamza marks U+0653..U+0655, U+0656..U+065F, Quranic marks.
    [InlineData("قـال", "قـال")]
    [InlineData("ا\u0653 ا\u0654 ا\u0655 ب\u0656 ب\u065F", "ا\u0653 ا\u0654 ا\u0655 ب\u0656 ب\u065F")]
    [InlineData("رَبِّ\u06D6 ٱلْعَ\u06E1", "رب\u06D6 ٱلع\u06E1")]
    public void DiacriticSetOfDediacAr(string input, string expected) =>
        Assert.Equal(expected, s_dediac.Normalize(input).Normalized);

    [Theory]
    // Basic letters kept with no folding; ASCII and Latin-1 letters kept.
    [InlineData("أإآ ىة ؤئ", "أإآ ىة ؤئ")]
    [InlineData("Café déjà 42!", "Café déjà 42!")]
    // Deleted: tatweel, diacritics, U+061C, soft hyphen, degree sign, bullet, emoji, Hebrew, CJK.
    [InlineData("كَـتَبَ", "كتب")]
    [InlineData("a\u061Cb\u00ADc\u00B0d\u2022e", "abcde")]
    [InlineData("ok \U0001F44D שלום 中文", "ok   ")]
    // To a space: ZWNJ, ZWJ, LRM, RLM, no-break space, BOM, ideographic space.
    [InlineData("a\u200Cb\u200Dc\u200Ed\u200Fe", "a b c d e")]
    [InlineData("a\u00A0b\uFEFFc\u3000d", "a b c d")]
    // Punctuation, signs and digits.
    [InlineData("نعم، لا؛ ماذا؟ ٥٪", "نعم, لا; ماذا? 5%")]
    [InlineData("٣٫٥ ١٬٠٠٠ ۱۲۳", "3,5 1'000 123")]
    [InlineData("«قال» “x” ‘y’ a–b c—d", "\"قال\" \"x\" 'y' a-b c-d")]
    [InlineData("وهكذا… ٢٠‰", "وهكذا... 20%0")]
    [InlineData("\u06DD\u06DE\u06E9", "***")]
    // Extended letters to the nearest basic letter; Farsi yeh to alef maqsura.
    [InlineData("پ چ ژ ڤ گ ک", "ب ج ز ف ك ك")]
    [InlineData("ی ے ہ ھ ۃ ۆ ٱ", "ى ي ه ه ة و ا")]
    // Presentation forms and ligatures.
    [InlineData("\uFEFB \uFEF7 \uFEF5 \uFDF2", "لا لأ لآ الله")]
    [InlineData("\uFE8D\uFEEF\uFEF1\uFE93", "اىية")]
    [InlineData("\uFBFC\uFBAE\uFB8E", "يىك")]
    [InlineData("\uFC00\uFB50", "")]
    public void ArcleanMap(string input, string expected) =>
        Assert.Equal(expected, s_arclean.Normalize(input).Normalized);

    [Theory]
    [InlineData("إلى أين آخر ٱلكتاب", "الى اين اخر الكتاب")]
    public void NormalizeAlefArFoldsExactlyFourCodePoints(string input, string expected)
    {
        var normalizer = new TextNormalizer(NormalizationOptions.None with { NormalizeAlef = true });
        Assert.Equal(expected, normalizer.Normalize(input).Normalized);
        Assert.Equal("\u0672\u0673\u0675ءؤئ", normalizer.Normalize("\u0672\u0673\u0675ءؤئ").Normalized);
    }

    [Fact]
    public void ArcleanEditsMapBackToTheOriginal()
    {
        var result = s_arclean.Normalize("قال… \uFEFB");
        Assert.Equal("قال... لا", result.Normalized);
        Assert.Equal(new TextSpan(3, 4), result.ToOriginal(new TextSpan(3, 6)));
        Assert.Equal(new TextSpan(5, 6), result.ToOriginal(new TextSpan(7, 9)));
    }
}
