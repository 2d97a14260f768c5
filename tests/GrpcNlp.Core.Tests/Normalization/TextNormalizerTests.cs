using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Normalization;

public sealed class TextNormalizerTests
{
    private static readonly TextNormalizer s_search = new(NormalizationOptions.Search);
    private static readonly TextNormalizer s_display = new(NormalizationOptions.Display);

    private static TextEdit Edit(int originalStart, int originalEnd, int normalizedStart, int normalizedEnd) =>
        new(new TextSpan(originalStart, originalEnd), new TextSpan(normalizedStart, normalizedEnd));

    [Fact]
    public void TatweelIsDeletedAndAttachedToTheLetterBeforeIt()
    {
        NormalizedText result = s_display.Normalize("كـتـاب");
        Assert.Equal("كتاب", result.Normalized);
        Assert.Equal([Edit(0, 2, 0, 1), Edit(2, 4, 1, 2)], result.Edits);
    }

    [Fact]
    public void DiacriticsAreDeletedWithOneEditPerLetter()
    {
        NormalizedText result = s_search.Normalize("كَتَبَ");
        Assert.Equal("كتب", result.Normalized);
        Assert.Equal([Edit(0, 2, 0, 1), Edit(2, 4, 1, 2), Edit(4, 6, 2, 3)], result.Edits);
    }

    [Fact]
    public void DiacriticOnOneLetterLeavesOtherLettersOutsideEdits()
    {
        NormalizedText result = s_search.Normalize("كتَب");
        Assert.Equal("كتب", result.Normalized);
        Assert.Equal([Edit(1, 3, 1, 2)], result.Edits);
    }

    [Fact]
    public void LamAlefLigatureDecomposesUnderNfkc()
    {
        NormalizedText result = s_search.Normalize("\uFEFB");
        Assert.Equal("\u0644\u0627", result.Normalized);
        Assert.Equal([Edit(0, 1, 0, 2)], result.Edits);
    }

    [Fact]
    public void AllahLigatureExpandsUnderNfkcAsOneEdit()
    {
        NormalizedText result = s_search.Normalize("ب \uFDF2 ب");
        Assert.Equal("ب \u0627\u0644\u0644\u0647 ب", result.Normalized);
        Assert.Equal([Edit(2, 3, 2, 6)], result.Edits);
    }

    [Fact]
    public void CombiningAcuteComposesWithItsBaseUnderNfc()
    {
        NormalizedText result = s_display.Normalize("cafe\u0301!");
        Assert.Equal("caf\u00E9!", result.Normalized);
        Assert.Equal([Edit(3, 5, 3, 4)], result.Edits);
    }

    [Fact]
    public void EmojiWithSkinToneIsUnchanged()
    {
        const string Text = "ok \U0001F44D\U0001F3FD done";
        Assert.Empty(s_search.Normalize(Text).Edits);
        Assert.Empty(s_display.Normalize(Text).Edits);
        Assert.Equal(Text, s_search.Normalize(Text).Normalized);
    }

    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إلى", "الي")]
    [InlineData("آمنة", "امنه")]
    [InlineData("٢٠٢٤ ۱۲", "2024 12")]
    [InlineData("Hello  WORLD", "hello world")]
    [InlineData("a \t\u00A0b", "a b")]
    [InlineData("a \r\n  b", "a\nb")]
    [InlineData("\uFEFFa\u200Bb\u200Dc", "ab\u200Dc")]
    [InlineData("\uFF21\uFF22", "ab")]
    public void SearchProfileFoldsCharacters(string input, string expected) =>
        Assert.Equal(expected, s_search.Normalize(input).Normalized);

    [Fact]
    public void WhitespaceRunIsReplacedAsOneEdit()
    {
        NormalizedText result = s_search.Normalize("a \t b");
        Assert.Equal("a b", result.Normalized);
        Assert.Equal([Edit(1, 4, 1, 2)], result.Edits);
    }

    [Fact]
    public void StrayMarkAfterWhitespaceIsAbsorbedIntoTheRun()
    {
        NormalizedText result = s_search.Normalize("a \u064E\nb");
        Assert.Equal("a\nb", result.Normalized);
        Assert.Equal([Edit(1, 4, 1, 2)], result.Edits);
    }

    [Fact]
    public void FoldedDigitNextToWhitespaceRunIsASeparateEdit()
    {
        NormalizedText result = s_search.Normalize("\t\u0669");
        Assert.Equal(" 9", result.Normalized);
        Assert.Equal([Edit(0, 1, 0, 1), Edit(1, 2, 1, 2)], result.Edits);
    }

    [Fact]
    public void LeadingControlCharacterIsDropped()
    {
        NormalizedText result = s_display.Normalize("\u200Fab");
        Assert.Equal("ab", result.Normalized);
        Assert.Equal([Edit(0, 1, 0, 0)], result.Edits);
    }

    [Fact]
    public void NoneProfileChangesNothing()
    {
        NormalizedText result = new TextNormalizer(NormalizationOptions.None).Normalize("كَـتب\u200B  X");
        Assert.Equal("كَـتب\u200B  X", result.Normalized);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void LoneSurrogatesAreLeftUnchangedAndNeverThrow()
    {
        // Built in code: test-case serialization would replace lone surrogates.
        string[] texts = ["\uD800", "a\uDC00\u0301", "\uD83D", "e\u0301\uD83D", "\uDC00\uD800x", "\uFFFE\u0301"];
        foreach (string text in texts)
        {
            string normalized = s_search.Normalize(text).Normalized;
            foreach (char c in text.Where(char.IsSurrogate))
            {
                Assert.Contains(c, normalized);
            }
        }
    }

    [Theory]
    [InlineData("الكِتَابُ", "الكتاب")]
    [InlineData("HELLO", "hello")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void NormalizeToStringMatchesNormalize(string input, string expected)
    {
        Assert.Equal(expected, s_search.NormalizeToString(input));
        Assert.Equal(s_search.Normalize(input).Normalized, s_search.NormalizeToString(input));
    }

    [Fact]
    public void LettersWithKeptHarakatMatchNfcWithTatweelRemoved()
    {
        // Every order of up to two harakat (shadda before fatha is out of canonical order), after
        // a letter, a letter that composes with hamza, tatweel, a mark, or nothing.
        string[] bases = ["ب", "ا", "و", "بـ", "ـ", "\u0654", ""];
        for (int first = 0x064B; first <= 0x0654; first++)
        {
            for (int second = 0x064A; second <= 0x0654; second++)
            {
                foreach (string b in bases)
                {
                    string text = "ك" + " " + b + (char)first + (second == 0x064A ? "" : ((char)second).ToString()) + " ن";
                    NormalizedText result = s_display.Normalize(text);
                    Assert.Equal(text.Replace("ـ", "", StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormC), result.Normalized);
                    Assert.Equal(text, result.Original);
                }
            }
        }
    }
}
