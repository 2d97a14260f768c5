using GrpcNlp.Core.Tests.Infrastructure;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Text;

public sealed class OffsetConverterTests
{
    private const string Mixed = "a\u00E9\u0628\U0001F44D\U0001F3FDz";

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(2, 3, 2)]
    [InlineData(3, 5, 3)]
    [InlineData(5, 9, 4)]
    [InlineData(7, 13, 5)]
    [InlineData(8, 14, 6)]
    public void ConvertsUtf16IndexToBytesAndCodePoints(int utf16, int utf8, int codePoint)
    {
        var converter = new OffsetConverter(Mixed);
        Assert.Equal(utf8, converter.Convert(utf16, OffsetUnit.Utf8));
        Assert.Equal(codePoint, converter.Convert(utf16, OffsetUnit.CodePoint));
        Assert.Equal(utf16, converter.ToUtf16(utf8, OffsetUnit.Utf8));
        Assert.Equal(utf16, converter.ToUtf16(codePoint, OffsetUnit.CodePoint));
    }

    [Fact]
    public void DescendingQueriesGiveTheSameAnswersAsAscendingOnes()
    {
        string text = string.Concat(Enumerable.Repeat("ab\u0628\U0001F600", 800));
        var ascending = new OffsetConverter(text);
        int[] expected = Enumerable.Range(0, text.Length + 1).Select(i => ascending.Convert(i, OffsetUnit.Utf8)).ToArray();
        var descending = new OffsetConverter(text);
        for (int i = text.Length; i >= 0; i--)
        {
            Assert.Equal(expected[i], descending.Convert(i, OffsetUnit.Utf8));
        }
    }

    [Fact]
    public void LoneSurrogateCountsAsReplacementCharacter()
    {
        string text = "a\uD800b\uDC00";
        var converter = new OffsetConverter(text);
        Assert.Equal(4, converter.Convert(2, OffsetUnit.Utf8));
        Assert.Equal(2, converter.Convert(2, OffsetUnit.CodePoint));
        Assert.Equal(8, converter.Convert(4, OffsetUnit.Utf8));
        Assert.Equal(4, converter.Convert(4, OffsetUnit.CodePoint));
    }

    [Fact]
    public void OutOfRangeIndicesAreRejected()
    {
        var converter = new OffsetConverter("ab");
        Assert.Throws<ArgumentOutOfRangeException>(() => converter.Convert(3, OffsetUnit.Utf8));
        Assert.Throws<ArgumentOutOfRangeException>(() => converter.Convert(-1, OffsetUnit.CodePoint));
        Assert.Throws<ArgumentOutOfRangeException>(() => converter.ToUtf16(3, OffsetUnit.Utf8));
    }

    [Fact]
    public void SpansOverEmojiAndMarksSliceInAllUnits()
    {
        const string Text = "كَتَبَ \U0001F44D\U0001F3FD cafe\u0301";
        SpanAssert.Slices(Text, new TextSpan(0, 6), "كَتَبَ");
        SpanAssert.Slices(Text, new TextSpan(7, 11), "\U0001F44D\U0001F3FD");
        SpanAssert.Slices(Text, new TextSpan(12, 17), "cafe\u0301");
    }
}
