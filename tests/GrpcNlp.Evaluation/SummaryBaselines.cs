namespace GrpcNlp.Evaluation;

/// <summary>
/// Baseline sentence rankers over the same tokens ROUGE scores (normalized words and numbers,
/// stop words kept). Each returns sentence indexes, best first.
/// </summary>
internal static class SummaryBaselines
{
    private const double Damping = 0.85;

    /// <summary>Lead-k: the article's opening sentences.</summary>
    public static int[] Lead(IReadOnlyList<IReadOnlyList<string>> sentences) => Enumerable.Range(0, sentences.Count).ToArray();

    /// <summary>Random order with a fixed seed, so runs are repeatable.</summary>
    public static int[] Random(IReadOnlyList<IReadOnlyList<string>> sentences, int seed)
    {
        int[] order = Lead(sentences);
        new Random(seed).Shuffle(order);
        return order;
    }

    /// <summary>
    /// LexRank with threshold (Erkan and Radev 2004): TF-IDF cosine (IDF over the article's
    /// sentences), an edge where the cosine exceeds 0.1, degree-normalized, PageRank by power iteration.
    /// </summary>
    public static int[] LexRank(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        int n = sentences.Count;
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> sentence in sentences)
        {
            foreach (string word in sentence.Distinct(StringComparer.Ordinal))
            {
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }
        }

        var vectors = new Dictionary<string, double>[n];
        for (int i = 0; i < n; i++)
        {
            var vector = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string word in sentences[i])
            {
                vector[word] = vector.GetValueOrDefault(word) + 1;
            }

            double norm = 0;
            foreach (string word in vector.Keys.ToArray())
            {
                vector[word] *= Math.Log(n / (double)documentFrequency[word]);
                norm += vector[word] * vector[word];
            }

            norm = Math.Sqrt(norm);
            foreach (string word in vector.Keys.ToArray())
            {
                vector[word] = norm > 0 ? vector[word] / norm : 0;
            }

            vectors[i] = vector;
        }

        var weights = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double cosine = 0;
                foreach ((string word, double w) in vectors[i])
                {
                    cosine += w * vectors[j].GetValueOrDefault(word);
                }

                // The self-loop (cosine 1) is kept, as in the paper's matrix.
                weights[i, j] = i == j || cosine > 0.1 ? 1 : 0;
            }
        }

        return Order(PageRank(weights));
    }

    /// <summary>
    /// TextRank (Mihalcea and Tarau 2004): similarity = shared words / (log |Si| + log |Sj|),
    /// weighted PageRank, damping 0.85.
    /// </summary>
    public static int[] TextRank(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        int n = sentences.Count;
        var sets = sentences.Select(s => new HashSet<string>(s, StringComparer.Ordinal)).ToArray();
        var weights = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double denominator = Math.Log(sentences[i].Count) + Math.Log(sentences[j].Count);
                if (i == j || denominator <= 0)
                {
                    continue;
                }

                int shared = sets[i].Count(sets[j].Contains);
                weights[i, j] = shared / denominator;
            }
        }

        return Order(PageRank(weights));
    }

    /// <summary>Weighted PageRank: each node passes its rank to its neighbours in proportion to the edge weights.</summary>
    private static double[] PageRank(double[,] weights)
    {
        int n = weights.GetLength(0);
        var outWeight = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                outWeight[i] += weights[i, j];
            }
        }

        var rank = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double dangling = 0;
            for (int i = 0; i < n; i++)
            {
                dangling += outWeight[i] == 0 ? rank[i] : 0;
            }

            Array.Fill(next, ((1 - Damping) / n) + (Damping * dangling / n));
            for (int i = 0; i < n; i++)
            {
                if (outWeight[i] == 0)
                {
                    continue;
                }

                for (int j = 0; j < n; j++)
                {
                    next[j] += Damping * rank[i] * weights[i, j] / outWeight[i];
                }
            }

            double change = 0;
            for (int i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - rank[i]);
            }

            (rank, next) = (next, rank);
            if (change < 1e-9)
            {
                break;
            }
        }

        return rank;
    }

    // Best first; ties keep document order, so a flat graph degrades to Lead.
    private static int[] Order(double[] scores) =>
        Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
}
