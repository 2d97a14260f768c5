namespace GrpcNlp.Evaluation;

/// <summary>Precision, recall and F1 of one ROUGE measure.</summary>
internal readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore From(double overlap, int systemCount, int referenceCount)
    {
        double p = systemCount == 0 ? 0 : overlap / systemCount;
        double r = referenceCount == 0 ? 0 : overlap / referenceCount;
        return new RougeScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    public static RougeScore operator +(RougeScore a, RougeScore b) => new(a.Precision + b.Precision, a.Recall + b.Recall, a.F1 + b.F1);

    public RougeScore Divide(double by) => new(Precision / by, Recall / by, F1 / by);
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L of one summary against one reference.</summary>
internal readonly record struct RougeTriple(RougeScore R1, RougeScore R2, RougeScore RL)
{
    public static RougeTriple operator +(RougeTriple a, RougeTriple b) => new(a.R1 + b.R1, a.R2 + b.R2, a.RL + b.RL);

    public RougeTriple Divide(double by) => new(R1.Divide(by), R2.Divide(by), RL.Divide(by));
}

/// <summary>
/// ROUGE (Lin 2004) over already normalized tokens: n-gram overlap with clipped counts
/// (ROUGE-N) and summary-level ROUGE-L (for each reference sentence, the union of its longest
/// common subsequences with every summary sentence), so the order of the reference's
/// sentences does not matter. No stemming, no stop-word removal.
/// </summary>
internal static class Rouge
{
    public static RougeTriple Score(IReadOnlyList<IReadOnlyList<string>> system, IReadOnlyList<IReadOnlyList<string>> reference)
    {
        List<string> systemTokens = system.SelectMany(s => s).ToList();
        List<string> referenceTokens = reference.SelectMany(s => s).ToList();
        return new(NGram(systemTokens, referenceTokens, 1), NGram(systemTokens, referenceTokens, 2), UnionLcs(system, reference, systemTokens.Count, referenceTokens.Count));
    }

    public static RougeScore UnionLcs(IReadOnlyList<IReadOnlyList<string>> system, IReadOnlyList<IReadOnlyList<string>> reference, int systemCount, int referenceCount)
    {
        // A summary token is counted at most as often as it occurs in the summary, as ROUGE-1.5.5 does.
        Dictionary<string, int> unused = Count(system.SelectMany(s => s).ToList(), 1);
        int hits = 0;
        foreach (IReadOnlyList<string> referenceSentence in reference)
        {
            var union = new bool[referenceSentence.Count];
            foreach (IReadOnlyList<string> systemSentence in system)
            {
                MarkLcs(referenceSentence, systemSentence, union);
            }

            for (int i = 0; i < union.Length; i++)
            {
                if (union[i] && unused.GetValueOrDefault(referenceSentence[i]) > 0)
                {
                    unused[referenceSentence[i]]--;
                    hits++;
                }
            }
        }

        return RougeScore.From(hits, systemCount, referenceCount);
    }

    // Marks the reference positions of one longest common subsequence of the two sentences.
    private static void MarkLcs(IReadOnlyList<string> reference, IReadOnlyList<string> system, bool[] marks)
    {
        var table = new int[reference.Count + 1, system.Count + 1];
        for (int i = 1; i <= reference.Count; i++)
        {
            for (int j = 1; j <= system.Count; j++)
            {
                table[i, j] = string.Equals(reference[i - 1], system[j - 1], StringComparison.Ordinal)
                    ? table[i - 1, j - 1] + 1
                    : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        for (int i = reference.Count, j = system.Count; i > 0 && j > 0;)
        {
            if (string.Equals(reference[i - 1], system[j - 1], StringComparison.Ordinal))
            {
                marks[i - 1] = true;
                i--;
                j--;
            }
            else if (table[i - 1, j] >= table[i, j - 1])
            {
                i--;
            }
            else
            {
                j--;
            }
        }
    }

    public static RougeScore NGram(IReadOnlyList<string> system, IReadOnlyList<string> reference, int n)
    {
        Dictionary<string, int> referenceCounts = Count(reference, n);
        Dictionary<string, int> systemCounts = Count(system, n);
        int overlap = 0;
        foreach ((string gram, int count) in systemCounts)
        {
            overlap += Math.Min(count, referenceCounts.GetValueOrDefault(gram));
        }

        return RougeScore.From(overlap, Math.Max(0, system.Count - n + 1), Math.Max(0, reference.Count - n + 1));
    }

    private static Dictionary<string, int> Count(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            string gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }
}
