using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Tests.Infrastructure;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Text;

public sealed class NormalizedTextTests
{
    private static readonly TextNormalizer s_search = new(NormalizationOptions.Search);

    [Fact]
    public void ToOriginalOfUnchangedTextShiftsPastEarlierEdits()
    {
        const string Text = "كـتـاب جميل";
        NormalizedText result = s_search.Normalize(Text);
        Assert.Equal("كتاب جميل", result.Normalized);
        TextSpan span = result.ToOriginal(new TextSpan(5, 9));
        SpanAssert.Slices(Text, span, "جميل");
    }

    [Fact]
    public void ToOriginalExpandsToWholeEdits()
    {
        const string Text = "كَتَبَ";
        NormalizedText result = s_search.Normalize(Text);
        Assert.Equal(new TextSpan(2, 4), result.ToOriginal(new TextSpan(1, 2)));
        Assert.Equal(new TextSpan(0, 6), result.ToOriginal(new TextSpan(0, 3)));
    }

    [Fact]
    public void ToOriginalLeavesADroppedLeadingCharOutside()
    {
        const string Text = "\u200Bab c";
        NormalizedText result = s_search.Normalize(Text);
        Assert.Equal("ab c", result.Normalized);
        SpanAssert.Slices(Text, result.ToOriginal(new TextSpan(0, 2)), "ab");
    }

    [Fact]
    public void ToOriginalIncludesAFormatCharAttachedToTheLastLetter()
    {
        const string Text = "ab\u200B c";
        NormalizedText result = s_search.Normalize(Text);
        Assert.Equal("ab c", result.Normalized);
        SpanAssert.Slices(Text, result.ToOriginal(new TextSpan(0, 2)), "ab\u200B");
    }

    [Fact]
    public void EmptySpanMapsToInsertionPoint()
    {
        NormalizedText result = s_search.Normalize("AB  cd");
        Assert.Equal(new TextSpan(4, 4), result.ToOriginal(new TextSpan(3, 3)));
    }

    [Fact]
    public void ToNormalizedContractsToWholeEdits()
    {
        const string Text = "x \uFDF2 y";
        NormalizedText result = s_search.Normalize(Text);
        Assert.Equal("x \u0627\u0644\u0644\u0647 y", result.Normalized);
        Assert.Equal(new TextSpan(2, 6), result.ToNormalized(new TextSpan(2, 3)));
        Assert.Equal(new TextSpan(7, 8), result.ToNormalized(new TextSpan(4, 5)));
        Assert.True(result.ToNormalized(new TextSpan(2, 2)).IsEmpty);
    }

    [Fact]
    public void ToNormalizedOfPartOfAnEditIsEmpty()
    {
        NormalizedText result = s_search.Normalize("a\u0628\u064E\u064Fc");
        Assert.Equal("a\u0628c", result.Normalized);
        Assert.True(result.ToNormalized(new TextSpan(2, 3)).IsEmpty);
        Assert.Equal(new TextSpan(1, 2), result.ToNormalized(new TextSpan(1, 4)));
    }

    [Fact]
    public void SpansOutsideTheTextAreRejected()
    {
        NormalizedText result = s_search.Normalize("ab");
        Assert.Throws<ArgumentOutOfRangeException>(() => result.ToOriginal(new TextSpan(0, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.ToNormalized(new TextSpan(2, 1)));
    }
}
