namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// How sure the decoder is of each label of its best path: per word, the score of the best path less
/// the score of the best allowed path with another label at that word (max-marginals from a forward
/// and a backward max pass over the lattice <see cref="ViterbiDecoder"/> decodes). The smallest of
/// them is the margin between the best and the second-best label sequence, since the second best
/// differs from the best at some word.
/// </summary>
/// <remarks>Training-time only (self-training ranks automatically labelled sentences by it): it allocates its lattices.</remarks>
internal static class ViterbiMargins
{
    private const int L = NerLabels.Count;

    /// <summary>
    /// Writes, for each word, the best path's score less the best score of an allowed path with another
    /// label there into <paramref name="margins"/>; <paramref name="labels"/> receives the best path.
    /// Scores are as in <see cref="ViterbiDecoder.Decode(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{int})"/>.
    /// </summary>
    public static void Compute(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, ReadOnlySpan<float> edges, Span<int> labels, Span<float> margins)
    {
        int n = labels.Length;
        if (n == 0)
        {
            return;
        }

        ViterbiDecoder.Decode(emissions, transitions, edges, labels);

        // forward[i, l]: best score of a prefix ending in l at word i, its emission included;
        // backward[i, l]: best score of the rest of the sentence after word i given l there.
        var forward = new float[n * L];
        var backward = new float[n * L];
        for (int l = 0; l < L; l++)
        {
            forward[l] = NerLabels.Allowed(-1, l) ? emissions[l] + transitions[l] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            for (int l = 0; l < L; l++)
            {
                float best = float.NegativeInfinity;
                for (int p = 0; p < L; p++)
                {
                    if (NerLabels.Allowed(p, l))
                    {
                        best = Math.Max(best, forward[((i - 1) * L) + p] + Step(transitions, edges, i, p, l));
                    }
                }

                forward[(i * L) + l] = best + emissions[(i * L) + l];
            }
        }

        for (int i = n - 2; i >= 0; i--)
        {
            for (int p = 0; p < L; p++)
            {
                float best = float.NegativeInfinity;
                for (int l = 0; l < L; l++)
                {
                    if (NerLabels.Allowed(p, l))
                    {
                        best = Math.Max(best, Step(transitions, edges, i + 1, p, l) + emissions[((i + 1) * L) + l] + backward[((i + 1) * L) + l]);
                    }
                }

                backward[(i * L) + p] = best;
            }
        }

        for (int i = 0; i < n; i++)
        {
            float chosen = forward[(i * L) + labels[i]] + backward[(i * L) + labels[i]];
            float other = float.NegativeInfinity;
            for (int l = 0; l < L; l++)
            {
                if (l != labels[i])
                {
                    other = Math.Max(other, forward[(i * L) + l] + backward[(i * L) + l]);
                }
            }

            margins[i] = chosen - other;
        }
    }

    // The score of stepping from label p at word i - 1 to label l at word i, before l's emission.
    private static float Step(ReadOnlySpan<float> transitions, ReadOnlySpan<float> edges, int i, int p, int l) =>
        transitions[((p + 1) * L) + l] + (edges.IsEmpty ? 0 : edges[(i * EdgeWeights.Width) + EdgeWeights.ClassOf(p, l)]);
}
