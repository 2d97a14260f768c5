using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tests.Text;

public sealed class KeptStringsTests
{
    [Fact]
    public void TryGet_BySpan_ReturnsTheKeptKeyAndValue()
    {
        var kept = new KeptStrings<int>(capacity: 4, maxKeyLength: 8);
        string key = "كتاب";
        kept.TryKeep(key, 7);

        const string text = "في كتاب";
        Assert.True(kept.TryGet(text.AsSpan(3), out string? keptKey, out int value));
        Assert.Same(key, keptKey);
        Assert.Equal(7, value);
        Assert.False(kept.TryGet("كتب", out _, out _));
    }

    [Fact]
    public void TryKeep_RefusesLongKeys_AndKeysPastCapacity()
    {
        var kept = new KeptStrings<string?>(capacity: 2, maxKeyLength: 3);

        kept.TryKeep("abcd", "long");
        kept.TryKeep("a", null);
        kept.TryKeep("b", "B");
        kept.TryKeep("c", "C");

        Assert.Equal(2, kept.Count);
        Assert.False(kept.TryGet("abcd", out _, out _));
        Assert.True(kept.TryGet("a", out _, out string? stopWord));
        Assert.Null(stopWord);
        Assert.True(kept.TryGet("b", out _, out _));
        Assert.False(kept.TryGet("c", out _, out _));
    }

    [Fact]
    public void TryKeep_UnderParallelCalls_NeverPassesCapacity()
    {
        const int capacity = 500;
        var kept = new KeptStrings<int>(capacity, maxKeyLength: 16);

        Parallel.For(0, 8, worker =>
        {
            for (int i = 0; i < 2_000; i++)
            {
                // Half the keys are shared between workers, so parallel misses race on the same key.
                int n = (i % 2 == 0) ? i : (worker * 10_000) + i;
                string key = "k" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                kept.TryKeep(key, n);
                Assert.InRange(kept.Count, 0, capacity);
            }
        });

        Assert.Equal(capacity, kept.Count);
    }
}
