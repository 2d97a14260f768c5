using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Tokenization;

public sealed class LlmTokenCounterTests
{
    [Theory]
    [InlineData(LlmEncoding.O200kBase)]
    [InlineData(LlmEncoding.Cl100kBase)]
    public void Count_CountsEnglishWordsAndEmptyText(LlmEncoding encoding)
    {
        Assert.Equal(2, LlmTokenCounter.Count(encoding, "hello world"));
        Assert.Equal(0, LlmTokenCounter.Count(encoding, ""));
    }

    [Fact]
    public void Count_O200kIsMoreCompactOnArabicThanCl100k()
    {
        const string arabic = "قال المتحدث باسم الحكومة إن الاجتماع انتهى دون اتفاق.";

        int o200k = LlmTokenCounter.Count(LlmEncoding.O200kBase, arabic);
        int cl100k = LlmTokenCounter.Count(LlmEncoding.Cl100kBase, arabic);

        Assert.InRange(o200k, 5, cl100k - 1);
    }

    [Fact]
    public void Count_AddsUpOverPiecesCutBeforeASpace()
    {
        // Tiktoken pre-tokenizes at word boundaries (" two" keeps its space), so a cut before a
        // space splits no token.
        int whole = LlmTokenCounter.Count(LlmEncoding.O200kBase, "one two three");
        int parts = LlmTokenCounter.Count(LlmEncoding.O200kBase, "one") + LlmTokenCounter.Count(LlmEncoding.O200kBase, " two three");
        Assert.Equal(parts, whole);
    }
}
