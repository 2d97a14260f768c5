namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Forward-backward over the lattice <see cref="ViterbiDecoder"/> searches: a start row, transitions
/// between labels, edge scores per kind of label step at each position (<see cref="EdgeWeights.ClassOf"/>),
/// and emission scores, with the BIO constraints (<see cref="NerLabels.Allowed"/>) as impossible
/// steps, so the probability mass lies on exactly the label sequences Viterbi can return. In log
/// space (log-sum-exp), since scores are not bounded. One instance reuses its buffers sentence
/// after sentence; not thread-safe.
/// </summary>
internal sealed class CrfLattice
{
    private const int L = NerLabels.Count;
    private const int W = EdgeWeights.Width;

    private double[] _emissions = new double[64 * L];
    private double[] _edges = new double[64 * W];
    private double[] _alpha = new double[64 * L];
    private double[] _beta = new double[64 * L];
    private readonly double[] _transitions = new double[(L + 1) * L];

    /// <summary>Number of words of the loaded sentence.</summary>
    public int Length { get; private set; }

    /// <summary>Log of the sum of exp(score) over every allowed label sequence, after <see cref="Compute"/>.</summary>
    public double LogPartition { get; private set; }

    /// <summary>Emission scores of the loaded sentence: row i, column label.</summary>
    public Span<double> Emissions => _emissions.AsSpan(0, Length * L);

    /// <summary>Edge scores of the loaded sentence: block i scores each kind of step from word i - 1 to word i (block 0 is not read).</summary>
    public Span<double> Edges => _edges.AsSpan(0, Length * W);

    /// <summary>Transition scores: row <c>previous + 1</c> (row 0 is the sentence start), column label.</summary>
    public Span<double> Transitions => _transitions;

    /// <summary>Prepares zeroed score buffers for a sentence of <paramref name="length"/> words.</summary>
    public void Load(int length)
    {
        if (length * L > _emissions.Length)
        {
            int capacity = Math.Max(length, 2 * _emissions.Length / L);
            _emissions = new double[capacity * L];
            _alpha = new double[capacity * L];
            _beta = new double[capacity * L];
            _edges = new double[capacity * W];
        }

        Length = length;
        Emissions.Clear();
        Edges.Clear();
    }

    /// <summary>Runs forward and backward and sets <see cref="LogPartition"/>; call after filling the scores.</summary>
    public void Compute()
    {
        int n = Length;
        if (n == 0)
        {
            LogPartition = 0;
            return;
        }

        Span<double> terms = stackalloc double[L];
        for (int l = 0; l < L; l++)
        {
            _alpha[l] = NerLabels.Allowed(-1, l) ? _transitions[l] + _emissions[l] : double.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            for (int l = 0; l < L; l++)
            {
                for (int p = 0; p < L; p++)
                {
                    terms[p] = NerLabels.Allowed(p, l) ? _alpha[((i - 1) * L) + p] + Step(i, p, l) : double.NegativeInfinity;
                }

                _alpha[(i * L) + l] = LogSumExp(terms) + _emissions[(i * L) + l];
            }
        }

        _beta.AsSpan((n - 1) * L, L).Clear();
        for (int i = n - 1; i > 0; i--)
        {
            for (int p = 0; p < L; p++)
            {
                for (int l = 0; l < L; l++)
                {
                    terms[l] = NerLabels.Allowed(p, l) ? Step(i, p, l) + _emissions[(i * L) + l] + _beta[(i * L) + l] : double.NegativeInfinity;
                }

                _beta[((i - 1) * L) + p] = LogSumExp(terms);
            }
        }

        LogPartition = LogSumExp(_alpha.AsSpan((n - 1) * L, L));
    }

    /// <summary>P(label at <paramref name="i"/> = <paramref name="label"/>), after <see cref="Compute"/>.</summary>
    public double Marginal(int i, int label) =>
        Math.Exp(_alpha[(i * L) + label] + _beta[(i * L) + label] - LogPartition);

    /// <summary>P(labels at <paramref name="i"/> - 1 and <paramref name="i"/> are <paramref name="previous"/>, <paramref name="label"/>), for i ≥ 1, after <see cref="Compute"/>.</summary>
    public double PairMarginal(int i, int previous, int label) =>
        NerLabels.Allowed(previous, label)
            ? Math.Exp(_alpha[((i - 1) * L) + previous] + Step(i, previous, label) + _emissions[(i * L) + label] + _beta[(i * L) + label] - LogPartition)
            : 0;

    /// <summary>The score of one label sequence (negative infinity when the BIO constraints forbid it).</summary>
    public double Score(ReadOnlySpan<int> labels)
    {
        double score = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            int previous = i == 0 ? -1 : labels[i - 1];
            if (!NerLabels.Allowed(previous, labels[i]))
            {
                return double.NegativeInfinity;
            }

            score += _emissions[(i * L) + labels[i]] + (i == 0 ? _transitions[labels[i]] : Step(i, previous, labels[i]));
        }

        return score;
    }

    // Transition plus the edge score of this kind of step at word i (i ≥ 1).
    private double Step(int i, int previous, int label) =>
        _transitions[((previous + 1) * L) + label] + _edges[(i * W) + EdgeWeights.ClassOf(previous, label)];

    private static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (double v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
