namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>Best label sequence under emission and transition scores, with BIO constraints as hard limits.</summary>
internal static class ViterbiDecoder
{
    private const int L = NerLabels.Count;

    /// <summary>
    /// Decodes <paramref name="emissions"/> (n rows of <see cref="NerLabels.Count"/>) into <paramref name="labels"/>.
    /// <paramref name="transitions"/> has a start row then one row per previous label.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, Span<int> labels) =>
        Decode(emissions, transitions, default, labels);

    /// <summary>
    /// Decodes as above with position-dependent transition scores too: <paramref name="edges"/> is empty
    /// or holds n blocks of <see cref="EdgeWeights.Width"/>, block i scoring each kind of label step
    /// (<see cref="EdgeWeights.ClassOf"/>) from word i - 1 to word i (block 0 is not read: the start
    /// row covers the first word).
    /// </summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, ReadOnlySpan<float> edges, Span<int> labels)
    {
        int n = labels.Length;
        if (n == 0)
        {
            return;
        }

        float[] scoreBuffer = System.Buffers.ArrayPool<float>.Shared.Rent(n * L);
        int[] backBuffer = System.Buffers.ArrayPool<int>.Shared.Rent(n * L);
        try
        {
            Span<float> score = scoreBuffer.AsSpan(0, n * L);
            Span<int> back = backBuffer.AsSpan(0, n * L);
            for (int l = 0; l < L; l++)
            {
                score[l] = NerLabels.Allowed(-1, l) ? emissions[l] + transitions[l] : float.NegativeInfinity;
            }

            bool hasEdges = !edges.IsEmpty;
            for (int i = 1; i < n; i++)
            {
                ReadOnlySpan<float> edge = hasEdges ? edges.Slice(i * EdgeWeights.Width, EdgeWeights.Width) : default;
                for (int l = 0; l < L; l++)
                {
                    float best = float.NegativeInfinity;
                    int arg = 0;

                    // The kind of step into l depends only on whether the previous label is O.
                    float afterOutside = hasEdges ? edge[EdgeWeights.ClassOf(NerLabels.Outside, l)] : 0;
                    float afterName = hasEdges ? edge[EdgeWeights.ClassOf(1, l)] : 0;
                    for (int p = 0; p < L; p++)
                    {
                        if (!NerLabels.Allowed(p, l))
                        {
                            continue;
                        }

                        float s = score[((i - 1) * L) + p] + transitions[((p + 1) * L) + l] + (p == NerLabels.Outside ? afterOutside : afterName);

                        if (s > best)
                        {
                            best = s;
                            arg = p;
                        }
                    }

                    score[(i * L) + l] = best + emissions[(i * L) + l];
                    back[(i * L) + l] = arg;
                }
            }

            int last = 0;
            for (int l = 1; l < L; l++)
            {
                if (score[((n - 1) * L) + l] > score[((n - 1) * L) + last])
                {
                    last = l;
                }
            }

            for (int i = n - 1; i >= 0; i--)
            {
                labels[i] = last;
                last = back[(i * L) + last];
            }
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(scoreBuffer);
            System.Buffers.ArrayPool<int>.Shared.Return(backBuffer);
        }
    }
}
