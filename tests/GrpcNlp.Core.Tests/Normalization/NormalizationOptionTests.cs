using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Normalization;

/// <summary>Each option on its own, on top of the identity.</summary>
public sealed class NormalizationOptionTests
{
    private static string Normalize(NormalizationOptions options, string text) =>
        new TextNormalizer(options).Normalize(text).Normalized;

    private static readonly NormalizationOptions s_none = NormalizationOptions.None;

    [Theory]
    [InlineData("سؤال مسئول", "سوال مسيول")]
    [InlineData("أ ء إ", "أ ء إ")]
    public void NormalizeHamzaCarriers(string input, string expected) =>
        Assert.Equal(expected, Normalize(s_none with { NormalizeHamzaCarriers = true }, input));

    [Theory]
    [InlineData("کتاب یک", "كتاب يك")]
    [InlineData("ہ ھ ۃ ے ۀ", "ه ه ة ي ه")]
    [InlineData("ى ة", "ى ة")]
    public void NormalizePersianLetters(string input, string expected) =>
        Assert.Equal(expected, Normalize(s_none with { NormalizePersianLetters = true }, input));

    [Theory]
    [InlineData("نعم، لا؛ لماذا؟ ٥٪ ٣٫٥ ١٬٠٠٠ جملة۔", "نعم, لا; لماذا? ٥% ٣.٥ ١,٠٠٠ جملة.")]
    public void ArabicPunctuationToLatin(string input, string expected) =>
        Assert.Equal(expected, Normalize(s_none with { ArabicPunctuationToLatin = true }, input));

    [Theory]
    [InlineData("“Hi” ‘there’ «قال» ‹x›", "\"Hi\" 'there' \"قال\" 'x'")]
    public void FoldQuotes(string input, string expected) =>
        Assert.Equal(expected, Normalize(s_none with { FoldQuotes = true }, input));

    [Theory]
    [InlineData("1–2 a—b \u2212x \u2010", "1-2 a-b -x -")]
    public void FoldDashes(string input, string expected) =>
        Assert.Equal(expected, Normalize(s_none with { FoldDashes = true }, input));

    [Fact]
    public void FoldEllipsisExpandsToThreeStopsAsOneEdit()
    {
        NormalizedText result = new TextNormalizer(s_none with { FoldEllipsis = true }).Normalize("wait… ok");
        Assert.Equal("wait... ok", result.Normalized);
        Assert.Equal([new TextEdit(new TextSpan(4, 5), new TextSpan(4, 7))], result.Edits);
    }

    [Theory]
    [InlineData("a\u00A0b\u2009c\u3000d  e", "a b c d  e")]
    [InlineData("a\tb", "a\tb")]
    public void NormalizeSpacesKeepsRuns(string input, string expected) =>
        Assert.Equal(expected, Normalize(s_none with { NormalizeSpaces = true }, input));

    [Theory]
    [InlineData("a\r\nb\rc\u2028d\u2029e\u0085f\n\ng", "a\nb\nc\nd\ne\nf\n\ng")]
    public void NormalizeLineBreaksKeepsRuns(string input, string expected) =>
        Assert.Equal(expected, Normalize(s_none with { NormalizeLineBreaks = true }, input));

    [Fact]
    public void CrLfIsOneEdit()
    {
        NormalizedText result = new TextNormalizer(s_none with { NormalizeLineBreaks = true }).Normalize("a\r\nb");
        Assert.Equal([new TextEdit(new TextSpan(1, 3), new TextSpan(1, 2))], result.Edits);
    }

    [Fact]
    public void KeepJoinersDecidesAboutZwnjAndZwj()
    {
        const string Text = "می\u200Cخواهم \U0001F468\u200D\U0001F469 \u200F\uFEFF\u00AD\u061C.";
        NormalizationOptions remove = s_none with { RemoveControlCharacters = true };
        Assert.Equal("می\u200Cخواهم \U0001F468\u200D\U0001F469 .", Normalize(remove, Text));
        Assert.Equal("میخواهم \U0001F468\U0001F469 .", Normalize(remove with { KeepJoiners = false }, Text));
    }

    [Fact]
    public void AlefWaslaFollowsNormalizeAlefUnlessSet()
    {
        NormalizationOptions alef = s_none with { NormalizeAlef = true };
        Assert.Equal("ا ا", Normalize(alef, "ٱ أ"));
        Assert.Equal("ٱ ا", Normalize(alef with { NormalizeAlefWasla = false }, "ٱ أ"));
        Assert.Equal("ا أ", Normalize(s_none with { NormalizeAlefWasla = true }, "ٱ أ"));
    }

    [Theory]
    [InlineData(DiacriticSet.Full, "ب")]
    [InlineData(DiacriticSet.Tashkeel, "ب\u0670\u0654\u06D6")]
    [InlineData(DiacriticSet.TashkeelAndDaggerAlef, "ب\u0654\u06D6")]
    public void DiacriticSets(DiacriticSet set, string expected) =>
        Assert.Equal(expected, Normalize(s_none with { RemoveDiacritics = true, Diacritics = set }, "بَّ\u0670\u0654\u06D6"));

    [Fact]
    public void SearchProfileFoldsEverything() =>
        Assert.Equal(
            "سؤال كتاب يك, \"نعم\" - 3.5... ok",
            Normalize(NormalizationOptions.Search, "سُؤال کتاب یک، «نعم» — ٣٫٥… OK"));
}
