using System.Text;
using CsCheck;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Tokenization;

public sealed class StreamingTokenizerTests
{
    private static readonly string[] s_texts =
    [
        "Dr. Smith met J. Doe in the U.S. today. It rose 1.3 percent! Did it? Yes... \"Sure.\" Fine.\nNew line here",
        "كَتَبَ الطالبُ الدرسَ. هل حضرت؟ نعم! ارتفع بنسبة ٣٫٥٪ إلى ١٬٤٠٠ دولار .\nالتقى د. أحمد بالوزير. «انتهى.» ثم",
        "See https://example.com/a?b=1. Mail john@example.org, #مصر @user 👍🏽 👨‍👩‍👧 🇪🇬 1️⃣ etc. Then wait... ok",
        "see you. call me :) ok?! The talks ended. (AFP)\nقال المتحدث. (د ب أ)\nHe said ( ... ) it. Done",
        "   leading spaces and trailing   ",
        "noWhitespaceAtAllButLong.Sentence.Here",
    ];

    private static readonly Gen<string> s_pieces = Gen.OneOf<string>(
        "word", "Word", " ", "  ", "\n", ".", ",", "!", "?", "؟", "…", "...", "\"", "»", ")", "(", "'", "’", "-",
        "Dr.", "U.S.", "e.g.", "etc.", "J.", "1", "1.5", "٣٫٥", "١٬٤٠٠", "%", "٪", "كتب", "كَتَبَ", "جمـيـل", "د.", "\u064E",
        "https://ex.com/a", "www.ex.org", "a@b.com", "#وسم", "@user", "😀", "👍🏽", "👨‍👩‍👧", "🇪🇬", "1️⃣", "❤️",
        "\uD83D", "\uDE00", "\u200F", "\u200C", "don't", "O'Brien", "state-of-the-art", "中",
        "call", "(د ب أ)", "(AFP)", "( ... )", "(", "e-mail", "555-0123", "375mm", ":)", "?!", "jo...@ex.com", "b/c");

    private static readonly Gen<string> s_generatedText =
        s_pieces.Array[0, 60].Select(parts => string.Concat(parts));

    public static TheoryData<string> Texts => new(s_texts);

    [Theory]
    [MemberData(nameof(Texts))]
    public void Push_OneCharacterAtATime_EqualsUnary(string text)
    {
        var cuts = Enumerable.Range(1, Math.Max(0, text.Length - 1)).ToArray();
        AssertStreamingEqualsUnary(text, cuts);
    }

    [Theory]
    [InlineData("كَتَبَ الدرسَ. ثم خرج", 1)] // between a letter and its diacritic
    [InlineData("hi 👍🏽 there. Bye", 4)] // inside a surrogate pair
    [InlineData("hi 👍🏽 there. Bye", 5)] // between an emoji and its skin tone
    [InlineData("Dr. Smith left. Then", 3)] // between an abbreviation and its period
    [InlineData("It rose 1.3 percent. Then", 9)] // inside a decimal number
    public void Push_CutInsideAUnit_EqualsUnary(string text, int cut)
    {
        AssertStreamingEqualsUnary(text, [cut]);
    }

    [Fact]
    public void Push_ReleasesFinishedSentencesBeforeTheEnd()
    {
        var streaming = new StreamingTokenizer("en");

        // Sentence two stays pending until Lookahead tokens after its start are known (a byline may follow).
        TokenChunk first = streaming.Push("One sentence. Two sentence. Three four five six seven eight ", isFinalBlock: false);

        Assert.Equal("One sentence. ", first.Original); // whitespace before the next token is released too
        Assert.Equal(3, first.Tokens.Count);
        Assert.Equal(new Sentence(new(0, 13), 0, 3), Assert.Single(first.Sentences));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en")]
    [InlineData("ar")]
    public void Push_RandomChunkings_EqualUnary(string language)
    {
        Gen<string> text = Gen.OneOf(Gen.OneOf<string>(s_texts), s_generatedText);
        text.SelectMany(t => Gen.Int[0, t.Length].Array[0, 12].Select(cuts => (t, cuts)))
            .Sample(pair => AssertStreamingEqualsUnary(pair.t, pair.cuts, language), iter: 2000);
    }

    [Fact]
    public void Tokenize_GeneratedText_NeverThrowsAndKeepsInvariants()
    {
        var tokenizer = new WordTokenizer();
        var segmenter = new SentenceSegmenter();
        Gen.OneOf(s_generatedText, Gen.String, Gen.Char.Array[0, 40].Select(chars => new string(chars)))
            .Sample(text =>
            {
                IReadOnlyList<Token> tokens = tokenizer.Tokenize(text);
                TokenInvariants.AssertValid(text, tokens);
                TokenInvariants.AssertCover(tokens, segmenter.Segment(text, tokens, ""));
            }, iter: 3000);
    }

    [Fact]
    public void Push_LongStreamWithoutSentenceEnds_HoldsBackBoundedText()
    {
        var streaming = new StreamingTokenizer("en");
        int maxHeld = 0;
        int consumed = 0;
        int pushed = 0;
        for (int i = 0; i < 10_000; i++)
        {
            TokenChunk chunk = streaming.Push("word ", isFinalBlock: false);
            pushed += 5;
            consumed += chunk.Original.Length;
            maxHeld = Math.Max(maxHeld, pushed - consumed);
        }

        Assert.True(maxHeld < (SentenceSegmenter.MaxSentenceTokens + 8) * 5, $"held {maxHeld} characters");
    }

    [Fact]
    public void Push_EnglishWithModelBoundaries_EqualsUnary()
    {
        // Sentence ends without a terminator, which the English boundary model places.
        const string text = "Anna Berg 03/14/2002 10:05 AM Please send me the draft by Friday.\n\n"
            + "==================== Please read the notice below. Thanks, Sam Lee Anna Berg 03/15/2002 09:12 AM Sure thing";
        IReadOnlyList<Token> tokens = new WordTokenizer().Tokenize(text);
        IReadOnlyList<Sentence> unary = new SentenceSegmenter().Segment(text, tokens, "en");
        Assert.Contains(unary, s => text[s.Span.Start..s.Span.End] == "03/14/2002 10:05 AM");

        AssertStreamingEqualsUnary(text, [.. Enumerable.Range(1, text.Length)], "en");
        Gen.Int[0, text.Length].Array[0, 12]
            .Sample(cuts => AssertStreamingEqualsUnary(text, cuts, "en"), iter: 500);
    }

    [Fact]
    public void Push_AfterFinalBlock_Throws()
    {
        var streaming = new StreamingTokenizer("");
        streaming.Push("done.", isFinalBlock: true);
        Assert.Throws<InvalidOperationException>(() => streaming.Push("more", isFinalBlock: false));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PushPiece_PiecesJoinIntoTheUnaryTokenization(int seed)
    {
        // Written for the test: sentences, an emoji pair, a long run without whitespace that
        // spans several chunks, CR LF, Arabic with marks; cuts fall anywhere, inside pairs too.
        string[] parts = ["Dr. Smith arrived.", "كَتَبَ الطالبُ الدرس.", "👍🏽", "\r\n", " ", "  ", "a-very-long-run-without-any-space-at-all.", "Why? ", "١٢٣"];
        var random = new Random(seed);
        string text = string.Concat(Enumerable.Range(0, 300).Select(_ => parts[random.Next(parts.Length)]));
        IReadOnlyList<Token> expectedTokens = new WordTokenizer().Tokenize(text);
        IReadOnlyList<Sentence> expectedSentences = new SentenceSegmenter().Segment(text, expectedTokens, "");

        using var streaming = new StreamingTokenizer("");
        var original = new StringBuilder();
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        for (int at = 0; ;)
        {
            int length = Math.Min(text.Length - at, random.Next(0, 30));
            bool final = at + length == text.Length && random.Next(3) == 0;
            TokenPiece piece = streaming.PushPiece(text.AsSpan(at, length), final);
            at += length;
            int offset = original.Length;
            original.Append(piece.Original);
            foreach (Token token in piece.Tokens)
            {
                tokens.Add(token with { Span = Shift(token.Span, offset) });
            }

            foreach (Sentence sentence in piece.Sentences)
            {
                sentences.Add(sentence with { Span = Shift(sentence.Span, offset) });
            }

            if (final)
            {
                break;
            }
        }

        Assert.Equal(text, original.ToString());
        Assert.Equal(expectedTokens, tokens);
        Assert.Equal(expectedSentences, sentences);
    }

    [Fact]
    public void PushAfterDispose_IsRejected()
    {
        var streaming = new StreamingTokenizer("");
        streaming.Push("one two ", isFinalBlock: false);
        streaming.Dispose();
        Assert.Throws<ObjectDisposedException>(() => streaming.PushPiece("three", isFinalBlock: true));
    }

    private static void AssertStreamingEqualsUnary(string text, int[] cuts, string language = "")
    {
        IReadOnlyList<Token> expectedTokens = new WordTokenizer().Tokenize(text);
        IReadOnlyList<Sentence> expectedSentences = new SentenceSegmenter().Segment(text, expectedTokens, language);

        int[] ordered = [.. cuts.Where(c => c > 0 && c < text.Length).Distinct().Order(), text.Length];
        var streaming = new StreamingTokenizer(language);
        var original = new StringBuilder();
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        int previous = 0;
        foreach (int cut in ordered)
        {
            TokenChunk chunk = streaming.Push(text.AsSpan(previous, cut - previous), isFinalBlock: cut == text.Length);
            int offset = original.Length;
            original.Append(chunk.Original);
            foreach (Token token in chunk.Tokens)
            {
                Assert.Equal(text.Substring(offset + token.Span.Start, token.Span.Length), chunk.Original[token.Span.Start..token.Span.End]);
                tokens.Add(token with { Span = Shift(token.Span, offset) });
            }

            sentences.AddRange(chunk.Sentences.Select(s => s with { Span = Shift(s.Span, offset) }));
            previous = cut;
        }

        Assert.Equal(text, original.ToString());
        Assert.Equal(expectedTokens, tokens);
        Assert.Equal(expectedSentences, sentences);
    }

    private static TextSpan Shift(TextSpan span, int offset) => new(span.Start + offset, span.End + offset);
}
