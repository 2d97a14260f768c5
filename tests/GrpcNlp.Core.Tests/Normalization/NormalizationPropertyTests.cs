using CsCheck;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Normalization;

public sealed class NormalizationPropertyTests
{
    // Arabic letters (incl. the folded alef, yeh and teh forms, hamza carriers and Persian
    // variants), marks, tatweel, digits of three scripts, Latin with both cases and a combining
    // accent, every kind of whitespace and line break, format chars, punctuation the folds touch,
    // presentation forms, ligatures, noncharacters and an emoji with skin tone.
    private const string Alphabet =
        "ابتثجحخدذرسشصطعغفقكلمنهويأإآٱىةءئؤکیہھۃے" + "\u064B\u064E\u064F\u0650\u0651\u0652\u0653\u0654\u0670\u06D6\u0640" +
        "٠١٢٩۱0123abcXYZéİ" + "\u0301" + "  \t\n\r\u00A0\u2009\u2028\u0085" + "\u200B\u200C\u200D\u200F\uFEFF\u00AD\u061C" +
        "\uFEFB\uFDF2\uFE8D\uFBFC.,!؟،؛٫“”«»–—…" + "\uFFFE\uFDD0";

    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String[Gen.Char[Alphabet], 0, 40],
        Gen.Select(Gen.String[Gen.Char[Alphabet], 0, 20], Gen.Int[0, 3], (s, n) => s + string.Concat(Enumerable.Repeat("\U0001F44D\U0001F3FD", n))));

    private static readonly Gen<string> s_anyText = Gen.String[Gen.Char, 0, 40];

    // Arbitrary code points of every plane (noncharacters such as U+1FFFE included) mixed with
    // lone surrogates.
    private static readonly Gen<string> s_anyCodePoints = Gen.Select(
        Gen.OneOf(Gen.Int[0, 0x10FFFF], Gen.Int[0xD800, 0xDFFF], Gen.Int[0x0600, 0x06FF]).Array[0, 30],
        codePoints =>
        {
            var builder = new System.Text.StringBuilder();
            foreach (int c in codePoints)
            {
                builder.Append(c is >= 0xD800 and <= 0xDFFF || c <= 0xFFFF ? ((char)c).ToString() : char.ConvertFromUtf32(c));
            }

            return builder.ToString();
        });

    // Arbitrary code points, no lone surrogates. Idempotence is stated for well-formed UTF-16:
    // a lone high surrogate, a deleted code point and a lone low surrogate become a valid pair
    // after the deletion, and a second pass then normalizes that new code point.
    private static readonly Gen<string> s_wellFormed = Gen.Select(
        Gen.OneOf(Gen.Int[0, 0xD7FF], Gen.Int[0xE000, 0x10FFFF], Gen.Int[0x0600, 0x06FF], Gen.Int[0x2000, 0x206F], Gen.Int[0xFB50, 0xFEFF]).Array[0, 30],
        codePoints => string.Concat(codePoints.Select(char.ConvertFromUtf32)));

    /// <summary>Every named profile and a few combinations of options that interact.</summary>
    private static readonly Dictionary<string, NormalizationOptions> s_profiles = new()
    {
        ["none"] = NormalizationOptions.None,
        ["display"] = NormalizationOptions.Display,
        ["search"] = NormalizationOptions.Search,
        ["lucene"] = NormalizationOptions.Lucene,
        ["camel-arclean"] = NormalizationOptions.CamelArclean,
        ["everything"] = NormalizationOptions.Search with { NormalizeHamzaCarriers = true, KeepJoiners = false },
        ["nfc-folds-no-collapse"] = NormalizationOptions.Search with { UnicodeForm = UnicodeForm.Nfc, CollapseWhitespace = false },
        ["arclean-nfkc-folds"] = NormalizationOptions.Search with { CharacterMap = CharacterMap.CamelArclean, CollapseWhitespace = false },
    };

    public static TheoryData<string> Profiles() => [.. s_profiles.Keys];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void IsIdempotent(string profile)
    {
        var normalizer = new TextNormalizer(s_profiles[profile]);
        Gen.OneOf(s_text, s_wellFormed).Where(text => !HasSpacingMark(normalizer, text)).Sample(text =>
        {
            string once = normalizer.Normalize(text).Normalized;
            Assert.True(once == normalizer.Normalize(once).Normalized, $"{profile}: {Escape(text)} -> {Escape(once)} -> {Escape(normalizer.Normalize(once).Normalized)}");
        }, iter: 3000);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void StreamingUnderRandomChunkingEqualsUnary(string profile)
    {
        CheckStreaming(s_profiles[profile], s_text);
        CheckStreaming(s_profiles[profile], s_anyCodePoints);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void NeverThrowsAndEditsRebuildTheOutput(string profile)
    {
        var normalizer = new TextNormalizer(s_profiles[profile]);
        Gen.OneOf(s_anyText, s_anyCodePoints).Sample(text =>
        {
            NormalizedText result = normalizer.Normalize(text);
            Assert.Equal(result.Normalized, normalizer.NormalizeToString(text));
            CheckEditsRebuildNormalized(result);
        }, iter: 2000);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void NormalizedSpansMapBackToOriginalTextThatNormalizesToThem(string profile) =>
        CheckRoundTrip(new TextNormalizer(s_profiles[profile]), Gen.OneOf(s_text, s_anyCodePoints));

    /// <summary>
    /// The one documented exception to idempotence: with whitespace collapsing, a spacing mark
    /// whose normalization is a space followed by a kept combining mark (¨ to " \u0308") is
    /// one unit, so a whitespace run before it is not collapsed with its space in the same pass.
    /// </summary>
    private static bool HasSpacingMark(TextNormalizer normalizer, string text)
    {
        if (!normalizer.Options.CollapseWhitespace)
        {
            return false;
        }

        foreach (System.Text.Rune rune in text.EnumerateRunes())
        {
            string alone = normalizer.NormalizeToString(rune.ToString());
            if (alone.Length > 0 && char.IsWhiteSpace(alone[0]) && alone.AsSpan().Trim().Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void SpacingMarkExceptionIsReal()
    {
        var search = new TextNormalizer(NormalizationOptions.Search);
        Assert.Equal("a  \u0308", search.Normalize("a \u00A8").Normalized);
        Assert.Equal("a \u0308", search.Normalize("a  \u0308").Normalized);
        Assert.Equal("a b", search.Normalize("a \uFE78 b").Normalized);
    }

    private static void CheckStreaming(NormalizationOptions options, Gen<string> texts)
    {
        Gen.Select(texts, Gen.Int[1, 7].Array[0, 12]).Sample((text, cuts) =>
        {
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
        }, iter: 1500);
    }

    [Fact]
    public void StreamingCutBetweenSurrogatesAndBetweenLetterAndMarkEqualsUnary()
    {
        const string Text = "كَتَبَ \U0001F44D\U0001F3FD cafe\u0301 \r\nقـال…";
        foreach (NormalizationOptions options in s_profiles.Values)
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

    /// <summary>
    /// The alignment round trip: a normalized span (each word, and random spans) maps back to an
    /// original span whose normalization is the normalized span widened to whole edits (a span
    /// that cuts into an edit, such as half of a ligature's expansion, covers all of it).
    /// </summary>
    private static void CheckRoundTrip(TextNormalizer normalizer, Gen<string> texts)
    {
        Gen.Select(texts, Gen.Int[0, 1000].Array[0, 6]).Sample((text, cuts) =>
        {
            NormalizedText result = normalizer.Normalize(text);
            string normalized = result.Normalized;
            var spans = new List<TextSpan>();
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

                spans.Add(new TextSpan(start, end));
                start = end;
            }

            for (int k = 0; k + 1 < cuts.Length; k += 2)
            {
                int a = cuts[k] % (normalized.Length + 1);
                int b = cuts[k + 1] % (normalized.Length + 1);
                if (a != b)
                {
                    // An empty span maps to an insertion point, which has no normalization to compare.
                    spans.Add(new TextSpan(Math.Min(a, b), Math.Max(a, b)));
                }
            }

            foreach (TextSpan span in spans)
            {
                TextSpan original = result.ToOriginal(span);
                TextSpan widened = result.ToNormalized(original);
                Assert.True(widened.Start <= span.Start && span.End <= widened.End, $"text {Escape(text)} span {span} widened {widened}");
                string expected = normalized[widened.Start..widened.End];
                string actual = normalizer.NormalizeToString(text.AsSpan(original.Start, original.Length));
                Assert.True(expected == actual, $"text {Escape(text)} span {span} original {original}: {Escape(actual)} != {Escape(expected)}");
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
