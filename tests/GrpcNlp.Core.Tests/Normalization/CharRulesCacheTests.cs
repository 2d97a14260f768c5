using GrpcNlp.Core.Normalization;

namespace GrpcNlp.Core.Tests.Normalization;

/// <summary>Rules are shared between calls for recent option sets, and never kept without bound.</summary>
public sealed class CharRulesCacheTests
{
    // Distinct option sets without a Unicode form, which are the cheapest to build.
    private static NormalizationOptions Combination(int bits) => NormalizationOptions.None with
    {
        FoldQuotes = (bits & 1) != 0,
        FoldDashes = (bits & 2) != 0,
        FoldEllipsis = (bits & 4) != 0,
        NormalizeDigits = (bits & 8) != 0,
        RemoveTatweel = (bits & 16) != 0,
        NormalizeAlefMaqsura = (bits & 32) != 0,
    };

    [Fact]
    public void ManyOptionSetsNeverGrowTheCachePastItsBound()
    {
        for (int bits = 0; bits < CharRules.MaxCachedOptionSets * 3; bits++)
        {
            NormalizationOptions options = Combination(bits);
            Assert.Equal(options, CharRules.For(options).Options);
            Assert.InRange(CharRules.CachedOptionSets, 1, CharRules.MaxCachedOptionSets);
        }
    }

    [Fact]
    public void ParallelCallersGetTheirOwnRulesAndTheBoundHolds()
    {
        Parallel.For(0, CharRules.MaxCachedOptionSets * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            NormalizationOptions options = Combination(i % (CharRules.MaxCachedOptionSets * 2));
            Assert.Equal(options, CharRules.For(options).Options);
            Assert.InRange(CharRules.CachedOptionSets, 1, CharRules.MaxCachedOptionSets);
        });
    }

    [Fact]
    public void AnOptionSetInUseStaysSharedWhileOthersComeAndGo()
    {
        NormalizationOptions inUse = Combination(63);
        CharRules first = CharRules.For(inUse);
        for (int bits = 0; bits < CharRules.MaxCachedOptionSets * 2; bits++)
        {
            _ = CharRules.For(Combination(bits));
            Assert.Same(first, CharRules.For(inUse));
        }
    }

    [Fact]
    public void AnEvictedOptionSetIsRebuiltWithTheSameRules()
    {
        NormalizationOptions options = Combination(1 | 8 | 16);
        const string text = "«أرقام» ٣٫٥ — كتـــاب…";
        string before = new TextNormalizer(options).Normalize(text).Normalized;
        for (int bits = 0; bits < CharRules.MaxCachedOptionSets * 2; bits++)
        {
            if (bits != (1 | 8 | 16))
            {
                _ = CharRules.For(Combination(bits));
            }
        }

        string after = new TextNormalizer(options).Normalize(text).Normalized;
        Assert.Equal("\"أرقام\" 3٫5 — كتاب…", before);
        Assert.Equal(before, after);
    }
}
