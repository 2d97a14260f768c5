using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class ViterbiDecoderTests
{
    private const int L = NerLabels.Count;
    private static readonly int s_bPer = NerLabels.Parse("B-PER");
    private static readonly int s_iPer = NerLabels.Parse("I-PER");
    private static readonly int s_bLoc = NerLabels.Parse("B-LOC");
    private static readonly int s_iLoc = NerLabels.Parse("I-LOC");

    [Fact]
    public void Inside_label_never_starts_a_sentence()
    {
        float[] emissions = Emissions(1, (0, s_iPer, 10f), (0, s_bPer, 1f));
        int[] labels = Decode(emissions, new float[(L + 1) * L]);
        Assert.Equal([s_bPer], labels);
    }

    [Fact]
    public void Inside_label_never_follows_outside()
    {
        float[] emissions = Emissions(2, (0, NerLabels.Outside, 10f), (1, s_iLoc, 10f), (1, NerLabels.Outside, 1f));
        int[] labels = Decode(emissions, new float[(L + 1) * L]);
        Assert.Equal([NerLabels.Outside, NerLabels.Outside], labels);
    }

    [Fact]
    public void Inside_label_continues_only_its_own_type()
    {
        // B-PER then I-LOC is the best unconstrained path; B-PER I-PER is the best allowed one.
        float[] emissions = Emissions(2, (0, s_bPer, 10f), (1, s_iLoc, 10f), (1, s_iPer, 5f));
        int[] labels = Decode(emissions, new float[(L + 1) * L]);
        Assert.Equal([s_bPer, s_iPer], labels);
    }

    [Fact]
    public void Transitions_can_outweigh_emissions()
    {
        float[] emissions = Emissions(2, (0, s_bLoc, 5f), (1, NerLabels.Outside, 2f), (1, s_iLoc, 1f));
        var transitions = new float[(L + 1) * L];
        transitions[((s_bLoc + 1) * L) + s_iLoc] = 3f;
        Assert.Equal([s_bLoc, s_iLoc], Decode(emissions, transitions));

        transitions[((s_bLoc + 1) * L) + s_iLoc] = 0.5f;
        Assert.Equal([s_bLoc, NerLabels.Outside], Decode(emissions, transitions));
    }

    [Fact]
    public void Edge_scores_change_the_best_path_only_at_their_position()
    {
        int bOrg = NerLabels.Parse("B-ORG");
        int iOrg = NerLabels.Parse("I-ORG");

        // Two words that could each start an organization; the second alone prefers O.
        float[] emissions = Emissions(3, (0, bOrg, 5f), (1, NerLabels.Outside, 2f), (1, iOrg, 1f), (2, NerLabels.Outside, 5f));
        var transitions = new float[(L + 1) * L];
        var edges = new float[3 * EdgeWeights.Width];
        int goesOn = EdgeWeights.ClassOf(bOrg, iOrg);
        Assert.Equal([bOrg, NerLabels.Outside, NerLabels.Outside], Decode(emissions, transitions, edges));

        // A score for "the name goes on" at word 1 ("the bank" + "commercial") joins the two words.
        edges[(1 * EdgeWeights.Width) + goesOn] = 3f;
        Assert.Equal([bOrg, iOrg, NerLabels.Outside], Decode(emissions, transitions, edges));

        // The same pair score at word 2 does not: edges are position-dependent transitions.
        Array.Clear(edges);
        edges[(2 * EdgeWeights.Width) + goesOn] = 3f;
        Assert.Equal([bOrg, NerLabels.Outside, NerLabels.Outside], Decode(emissions, transitions, edges));

        // Block 0 is never read: the start row scores the first word.
        Array.Clear(edges);
        edges[goesOn] = 100f;
        Assert.Equal([bOrg, NerLabels.Outside, NerLabels.Outside], Decode(emissions, transitions, edges));
    }

    [Fact]
    public void Edge_steps_are_type_blind_kinds_of_boundary()
    {
        int o = NerLabels.Outside;
        int bOrg = NerLabels.Parse("B-ORG");
        int iOrg = NerLabels.Parse("I-ORG");
        int[] kinds =
        [
            EdgeWeights.ClassOf(o, o),
            EdgeWeights.ClassOf(s_iPer, o),
            EdgeWeights.ClassOf(o, s_bLoc),
            EdgeWeights.ClassOf(s_iPer, s_bPer),
            EdgeWeights.ClassOf(bOrg, iOrg),
        ];
        Assert.Equal([0, 1, 2, 3, 4], kinds);
        Assert.Equal(EdgeWeights.ClassOf(s_bPer, o), EdgeWeights.ClassOf(bOrg, o));
        Assert.Equal(EdgeWeights.ClassOf(s_bLoc, s_iLoc), EdgeWeights.ClassOf(bOrg, iOrg));
        for (int p = 0; p < L; p++)
        {
            for (int l = 0; l < L; l++)
            {
                Assert.InRange(EdgeWeights.ClassOf(p, l), 0, EdgeWeights.Width - 1);
            }
        }
    }

    [Fact]
    public void With_edge_scores_matches_exhaustive_search_over_allowed_sequences()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 40; trial++)
        {
            int n = 1 + (trial % 3);
            float[] emissions = TaggerTestData.RandomScores(random, n * L);
            float[] transitions = TaggerTestData.RandomScores(random, (L + 1) * L);
            float[] edges = TaggerTestData.RandomScores(random, n * EdgeWeights.Width);
            int[] decoded = Decode(emissions, transitions, edges);

            Assert.True(TaggerTestData.IsAllowed(decoded));
            (float best, _) = BestAllowed(emissions, transitions, n, edges);
            Assert.Equal(best, TaggerTestData.Score(decoded, emissions, transitions, edges), 3);
        }
    }

    [Fact]
    public void Empty_sentence_decodes_to_nothing()
    {
        Assert.Empty(Decode([], new float[(L + 1) * L]));
    }

    [Fact]
    public void Matches_exhaustive_search_over_allowed_sequences()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 40; trial++)
        {
            int n = 1 + (trial % 3);
            float[] emissions = TaggerTestData.RandomScores(random, n * L);
            float[] transitions = TaggerTestData.RandomScores(random, (L + 1) * L);
            int[] decoded = Decode(emissions, transitions);

            Assert.True(TaggerTestData.IsAllowed(decoded));
            (float best, _) = BestAllowed(emissions, transitions, n);
            Assert.Equal(best, TaggerTestData.Score(decoded, emissions, transitions), 3);
        }
    }

    private static int[] Decode(float[] emissions, float[] transitions)
    {
        var labels = new int[emissions.Length / L];
        ViterbiDecoder.Decode(emissions, transitions, labels);
        return labels;
    }

    private static int[] Decode(float[] emissions, float[] transitions, float[] edges)
    {
        var labels = new int[emissions.Length / L];
        ViterbiDecoder.Decode(emissions, transitions, edges, labels);
        return labels;
    }

    private static float[] Emissions(int n, params (int Position, int Label, float Score)[] scores)
    {
        var emissions = new float[n * L];
        foreach ((int position, int label, float score) in scores)
        {
            emissions[(position * L) + label] = score;
        }

        return emissions;
    }

    private static (float Best, int[] Labels) BestAllowed(float[] emissions, float[] transitions, int n, float[]? edges = null)
    {
        float best = float.NegativeInfinity;
        int[] bestLabels = [];
        foreach (int[] labels in TaggerTestData.AllSequences(n))
        {
            if (TaggerTestData.IsAllowed(labels) && TaggerTestData.Score(labels, emissions, transitions, edges) is float score && score > best)
            {
                best = score;
                bestLabels = labels;
            }
        }

        return (best, bestLabels);
    }
}
