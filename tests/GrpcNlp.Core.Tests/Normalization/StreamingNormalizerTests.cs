using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Normalization;

public sealed class StreamingNormalizerTests
{
    // Written for the tests: marks, tatweel, CR LF, whitespace runs, an emoji, controls.
    private static readonly string[] s_pieces =
    [
        "كتب", "كَتَبَ", "الـــعربية", "إلى", "١٢٣", "word", "CAFÉ", "e\u0301", "👍", "\u200F", "\r\n", "  ", " ", "\t", ".",
    ];

    [Fact]
    public void HoldsBackTheLastLetterUntilItsMarksMayHaveArrived()
    {
        var streaming = new StreamingNormalizer(NormalizationOptions.Search);
        NormalizedChunk first = streaming.Push("كتب", isFinalBlock: false);
        Assert.Equal("كت", first.Original);
        NormalizedChunk second = streaming.Push("\u064E", isFinalBlock: true);
        Assert.Equal("ب\u064E", second.Original);
        Assert.Equal("ب", second.Normalized);
        Assert.Equal([new TextEdit(new TextSpan(0, 2), new TextSpan(0, 1))], second.Edits);
    }

    [Fact]
    public void HoldsBackATrailingHighSurrogate()
    {
        var streaming = new StreamingNormalizer(NormalizationOptions.Display);
        NormalizedChunk first = streaming.Push("ab\uD83D", isFinalBlock: false);
        Assert.Equal("a", first.Original);
        NormalizedChunk second = streaming.Push("\uDC4D", isFinalBlock: true);
        Assert.Equal("b\U0001F44D", second.Normalized);
    }

    [Fact]
    public void HoldsBackATrailingWhitespaceRunWhenCollapsing()
    {
        var streaming = new StreamingNormalizer(NormalizationOptions.Search);
        string first = streaming.Push("ab  ", isFinalBlock: false).Normalized;
        string second = streaming.Push("  \ncd", isFinalBlock: true).Normalized;
        Assert.Equal("ab\ncd", first + second);
    }

    [Fact]
    public void MemoryStaysBoundedOnLongVocalizedText()
    {
        var streaming = new StreamingNormalizer(NormalizationOptions.Search);
        int emitted = 0;
        for (int i = 0; i < 2000; i++)
        {
            emitted += streaming.Push("كَتَبَ ", isFinalBlock: false).Original.Length;
        }

        Assert.True(2000 * 7 - emitted < 16, "only the last unit is held back");
    }

    [Fact]
    public void PushAfterFinalBlockIsRejected()
    {
        var streaming = new StreamingNormalizer(NormalizationOptions.Search);
        streaming.Push("a", isFinalBlock: true);
        Assert.Throws<InvalidOperationException>(() => streaming.Push("b", isFinalBlock: false));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PushPiece_PiecesJoinIntoTheUnaryNormalization(int seed)
    {
        var random = new Random(seed);
        string text = string.Concat(Enumerable.Range(0, 400).Select(_ => s_pieces[random.Next(s_pieces.Length)]));
        var chunks = new List<string>();
        for (int at = 0; at < text.Length;)
        {
            int length = Math.Min(text.Length - at, random.Next(0, 40));
            chunks.Add(text.Substring(at, length));
            at += length;
        }

        foreach (NormalizationOptions options in new[] { NormalizationOptions.Display, NormalizationOptions.Search })
        {
            NormalizedText unary = new TextNormalizer(options).Normalize(text);
            using var streaming = new StreamingNormalizer(options);
            var original = new System.Text.StringBuilder();
            var normalized = new System.Text.StringBuilder();
            var edits = new List<TextEdit>();
            for (int i = 0; i <= chunks.Count; i++)
            {
                bool final = i == chunks.Count;
                NormalizedPiece piece = streaming.PushPiece(final ? [] : chunks[i], final);
                foreach (TextEdit edit in piece.Edits)
                {
                    edits.Add(new TextEdit(
                        new TextSpan(edit.Original.Start + original.Length, edit.Original.End + original.Length),
                        new TextSpan(edit.Normalized.Start + normalized.Length, edit.Normalized.End + normalized.Length)));
                }

                original.Append(piece.Original);
                normalized.Append(piece.Normalized);
            }

            Assert.Equal(text, original.ToString());
            Assert.Equal(unary.Normalized, normalized.ToString());
            Assert.Equal(unary.Edits, edits);
        }
    }

    [Fact]
    public void PushAfterDispose_IsRejected()
    {
        var streaming = new StreamingNormalizer(NormalizationOptions.Display);
        streaming.Push("ab", isFinalBlock: false);
        streaming.Dispose();
        Assert.Throws<ObjectDisposedException>(() => streaming.Push("c", isFinalBlock: true));
    }
}
