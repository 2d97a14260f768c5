using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Normalization;

public sealed class StreamingNormalizerTests
{
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
}
