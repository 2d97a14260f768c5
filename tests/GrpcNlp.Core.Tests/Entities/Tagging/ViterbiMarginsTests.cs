using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class ViterbiMarginsTests
{
    private const int L = NerLabels.Count;

    [Fact]
    public void Margins_match_exhaustive_search_over_allowed_sequences()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 30; trial++)
        {
            int n = 1 + (trial % 3);
            float[] emissions = TaggerTestData.RandomScores(random, n * L);
            float[] transitions = TaggerTestData.RandomScores(random, (L + 1) * L);
            float[] edges = trial % 2 == 0 ? TaggerTestData.RandomScores(random, n * EdgeWeights.Width) : [];
            var labels = new int[n];
            var margins = new float[n];
            ViterbiMargins.Compute(emissions, transitions, edges, labels, margins);

            var decoded = new int[n];
            ViterbiDecoder.Decode(emissions, transitions, edges, decoded);
            Assert.Equal(decoded, labels);

            float[]? edgeScores = edges.Length == 0 ? null : edges;
            var allowed = TaggerTestData.AllSequences(n).Where(TaggerTestData.IsAllowed)
                .Select(s => (Labels: s, Score: TaggerTestData.Score(s, emissions, transitions, edgeScores)))
                .OrderByDescending(s => s.Score)
                .ToList();
            float best = allowed[0].Score;
            for (int i = 0; i < n; i++)
            {
                float other = allowed.Where(s => s.Labels[i] != labels[i]).Max(s => s.Score);
                Assert.Equal(best - other, margins[i], 3);
            }

            // The second-best sequence differs from the best somewhere: the smallest margin is their gap.
            Assert.Equal(best - allowed[1].Score, margins.Min(), 3);
        }
    }

    [Fact]
    public void A_clear_word_has_a_larger_margin_than_an_unclear_one()
    {
        int bPer = NerLabels.Parse("B-PER");
        var emissions = new float[2 * L];
        emissions[bPer] = 10f;
        emissions[L + NerLabels.Outside] = 1f;
        emissions[L + bPer] = 0.5f;
        var labels = new int[2];
        var margins = new float[2];
        ViterbiMargins.Compute(emissions, new float[(L + 1) * L], [], labels, margins);

        Assert.Equal([bPer, NerLabels.Outside], labels);
        Assert.Equal(10f, margins[0], 3);
        Assert.Equal(0.5f, margins[1], 3);
    }

    [Fact]
    public void Empty_sentence_has_no_margins()
    {
        ViterbiMargins.Compute([], new float[(L + 1) * L], [], [], []);
    }
}
