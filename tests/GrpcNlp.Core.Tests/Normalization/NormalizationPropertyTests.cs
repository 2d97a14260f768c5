using CsCheck;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Normalization;

public sealed class NormalizationPropertyTests
{
    // Arabic letters (incl. the folded alef, yeh and teh forms), marks, tatweel, digits of two
    // scripts, Latin with both cases and a combining accent, several kinds of whitespace, format
    // chars, a ligature and an emoji with skin tone.
    private const string Alphabet =
        "ابتثجحخدذرسشصطعغفقكلمنهويأإآٱىةءئؤ" + "\u064B\u064E\u064F\u0650\u0651\u0652\u0670\u0640" +
        "٠١٢٩0123abcXYZé" + "\u0301" + "  \t\n\r\u00A0" + "\u200B\u200C\u200D\u200F\uFEFF\u00AD" + "\uFEFB\uFDF2.,!؟";

    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String[Gen.Char[Alphabet], 0, 40],
        Gen.Select(Gen.String[Gen.Char[Alphabet], 0, 20], Gen.Int[0, 3], (s, n) => s + string.Concat(Enumerable.Repeat("\U0001F44D\U0001F3FD", n))));

    private static readonly Gen<string> s_anyText = Gen.String[Gen.Char, 0, 40];

    private static readonly NormalizationOptions[] s_profiles = [NormalizationOptions.Search, NormalizationOptions.Display];

    [Fact]
    public void StreamingWithRandomCutsEqualsUnary()
    {
        Gen.Select(s_text, Gen.Int[0, 1], Gen.Int[1, 7].Array[0, 12]).Sample((text, profile, cuts) =>
        {
            NormalizationOptions options = s_profiles[profile];
            NormalizedText unary = new TextNormalizer(options).Normalize(text);
            var streaming = new StreamingNormalizer(options);
            var normalized = new System.Text.StringBuilder();
            var edits = new List<TextEdit>();
            int originalBase = 0;
            int position = 0;
            foreach (int cut in cuts)
            {
                int length = Math.Min(cut, text.Length - position);
                Collect(streaming.Push(text.AsSpan(position, length), isFinalBlock: false));
                position += length;
            }

            Collect(streaming.Push(text.AsSpan(position), isFinalBlock: true));
            Assert.Equal(unary.Normalized, normalized.ToString());
            Assert.Equal(unary.Edits, edits);
            Assert.Equal(text.Length, originalBase);

            void Collect(NormalizedChunk chunk)
            {
                int normalizedBase = normalized.Length;
                foreach (TextEdit edit in chunk.Edits)
                {
                    edits.Add(new TextEdit(
                        new TextSpan(edit.Original.Start + originalBase, edit.Original.End + originalBase),
                        new TextSpan(edit.Normalized.Start + normalizedBase, edit.Normalized.End + normalizedBase)));
                }

                Assert.Equal(text.Substring(originalBase, chunk.Original.Length), chunk.Original);
                originalBase += chunk.Original.Length;
                normalized.Append(chunk.Normalized);
            }
        }, iter: 3000);
    }

    [Fact]
    public void StreamingCutBetweenSurrogatesAndBetweenLetterAndMarkEqualsUnary()
    {
        const string Text = "كَتَبَ \U0001F44D\U0001F3FD cafe\u0301 ";
        foreach (NormalizationOptions options in s_profiles)
        {
            string expected = new TextNormalizer(options).Normalize(Text).Normalized;
            for (int cut = 0; cut <= Text.Length; cut++)
            {
                var streaming = new StreamingNormalizer(options);
                string first = streaming.Push(Text.AsSpan(0, cut), isFinalBlock: false).Normalized;
                string second = streaming.Push(Text.AsSpan(cut), isFinalBlock: true).Normalized;
                Assert.Equal(expected, first + second);
            }
        }
    }

    [Fact]
    public void NeverThrowsOnArbitraryStringsIncludingLoneSurrogates()
    {
        NormalizationOptions[] all = [.. s_profiles, NormalizationOptions.None, NormalizationOptions.Search with { UnicodeForm = UnicodeForm.Nfc }];
        s_anyText.Sample(text =>
        {
            foreach (NormalizationOptions options in all)
            {
                var normalizer = new TextNormalizer(options);
                NormalizedText result = normalizer.Normalize(text);
                Assert.Equal(result.Normalized, normalizer.NormalizeToString(text));
                CheckEditsRebuildNormalized(result);
            }
        }, iter: 2000);
    }

    [Fact]
    public void SearchProfileIsIdempotent()
    {
        var normalizer = new TextNormalizer(NormalizationOptions.Search);
        s_text.Sample(text =>
        {
            string once = normalizer.Normalize(text).Normalized;
            Assert.Equal(once, normalizer.Normalize(once).Normalized);
        }, iter: 3000);
    }

    [Fact]
    public void ToOriginalOfTokenSpansSlicesTextThatNormalizesToTheToken()
    {
        var normalizer = new TextNormalizer(NormalizationOptions.Search);
        s_text.Sample(text =>
        {
            NormalizedText result = normalizer.Normalize(text);
            string normalized = result.Normalized;
            int start = 0;
            while (start < normalized.Length)
            {
                if (char.IsWhiteSpace(normalized[start]))
                {
                    start++;
                    continue;
                }

                int end = start;
                while (end < normalized.Length && !char.IsWhiteSpace(normalized[end]))
                {
                    end++;
                }

                TextSpan original = result.ToOriginal(new TextSpan(start, end));
                string token = normalized[start..end];
                Assert.True(token == normalizer.NormalizeToString(text.AsSpan(original.Start, original.Length)), $"text {Escape(text)} token {Escape(token)} original {original}");
                Assert.Equal(new TextSpan(start, end), result.ToNormalized(original));
                start = end;
            }
        }, iter: 3000);
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    private static void CheckEditsRebuildNormalized(NormalizedText result)
    {
        var rebuilt = new System.Text.StringBuilder();
        int position = 0;
        foreach (TextEdit edit in result.Edits)
        {
            Assert.True(edit.Original.Start >= position);
            rebuilt.Append(result.Original, position, edit.Original.Start - position);
            rebuilt.Append(result.Normalized, edit.Normalized.Start, edit.Normalized.Length);
            position = edit.Original.End;
        }

        rebuilt.Append(result.Original, position, result.Original.Length - position);
        Assert.Equal(result.Normalized, rebuilt.ToString());
    }
}
