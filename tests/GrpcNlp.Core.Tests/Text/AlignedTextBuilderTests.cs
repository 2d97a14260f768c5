using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Text;

public sealed class AlignedTextBuilderTests
{
    private static TextEdit Edit(int originalStart, int originalEnd, int normalizedStart, int normalizedEnd) =>
        new(new TextSpan(originalStart, originalEnd), new TextSpan(normalizedStart, normalizedEnd));

    [Fact]
    public void AttachedDeletionWidensTheEditToTheKeptCharBeforeIt()
    {
        const string Source = "ab\u064Ec";
        var builder = new AlignedTextBuilder(Source, trackEdits: true);
        builder.Keep(2);
        builder.DeleteAttached(1);
        builder.Keep(1);
        NormalizedText result = builder.ToNormalizedText(Source);
        builder.Dispose();
        Assert.Equal("abc", result.Normalized);
        Assert.Equal([Edit(1, 3, 1, 2)], result.Edits);
    }

    [Fact]
    public void AttachedDeletionFoldsIntoAReplacedChar()
    {
        const string Source = "\u0623\u064E";
        var builder = new AlignedTextBuilder(Source, trackEdits: true);
        builder.Replace(1, "\u0627");
        builder.DeleteAttached(1);
        NormalizedText result = builder.ToNormalizedText(Source);
        builder.Dispose();
        Assert.Equal([Edit(0, 2, 0, 1)], result.Edits);
    }

    [Fact]
    public void AttachedDeletionCoversAWholeSurrogatePair()
    {
        const string Source = "\U0001F600\u0640";
        var builder = new AlignedTextBuilder(Source, trackEdits: true);
        builder.Keep(2);
        builder.DeleteAttached(1);
        NormalizedText result = builder.ToNormalizedText(Source);
        builder.Dispose();
        Assert.Equal([Edit(0, 3, 0, 2)], result.Edits);
    }

    [Fact]
    public void AttachedDeletionAtTheStartIsADrop()
    {
        const string Source = "\u0640a";
        var builder = new AlignedTextBuilder(Source, trackEdits: true);
        builder.DeleteAttached(1);
        builder.Keep(1);
        NormalizedText result = builder.ToNormalizedText(Source);
        builder.Dispose();
        Assert.Equal([Edit(0, 1, 0, 0)], result.Edits);
    }

    [Fact]
    public void DropsInARowMergeButTouchingReplacementsStayApart()
    {
        const string Source = "xyAB";
        var builder = new AlignedTextBuilder(Source, trackEdits: true);
        builder.Drop(1);
        builder.Drop(1);
        builder.Replace(1, "a");
        builder.Replace(1, "b");
        NormalizedText result = builder.ToNormalizedText(Source);
        builder.Dispose();
        Assert.Equal("ab", result.Normalized);
        Assert.Equal([Edit(0, 2, 0, 0), Edit(2, 3, 0, 1), Edit(3, 4, 1, 2)], result.Edits);
    }

    [Fact]
    public void GrowsPastTheInitialBuffer()
    {
        string source = new('x', 10);
        var builder = new AlignedTextBuilder(source, trackEdits: false);
        for (int i = 0; i < source.Length; i++)
        {
            builder.Replace(1, new string('y', 100));
        }

        string written = new(builder.Written);
        builder.Dispose();
        Assert.Equal(new string('y', 1000), written);
    }
}
