namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Trains a <see cref="NerModel"/> as a linear-chain conditional random field (Lafferty et al. 2001):
/// the same emission, transition and edge features as <see cref="PerceptronTrainer"/>, fitted by
/// maximising the L2-regularised conditional log-likelihood of the gold labels, either by
/// stochastic gradient descent over shuffled sentences (rate <c>rate / (1 + t / N)</c> after t of N
/// sentences; the L2 shrinkage of every weight at every step is one multiplication of a shared
/// scale, <see cref="CrfWeights"/>, so a step touches only the weights of the sentence's features)
/// or by L-BFGS (<see cref="Lbfgs"/>) over the whole objective. Probabilities come from
/// <see cref="CrfLattice"/> over the lattice Viterbi decodes, BIO constraints included.
/// Deterministic for a given seed (L-BFGS reads none).
/// </summary>
internal sealed class CrfTrainer
{
    private const int L = NerLabels.Count;
    private const int W = EdgeWeights.Width;

    private readonly CrfLattice _lattice = new();

    /// <summary>Trains on <paramref name="sentences"/> (words, gold label ids) and returns the model.</summary>
    /// <param name="language">Language code stored in the model.</param>
    /// <param name="sentences">Training sentences.</param>
    /// <param name="stemmer">Name of the stemmer used for features (<see cref="StemmerNames"/>), stored in the model.</param>
    /// <param name="options">The optimizer, the L2 penalty, and the optimizer's settings.</param>
    /// <param name="minWeight">Features whose weights all stay below this magnitude are dropped from the model.</param>
    /// <param name="nameListFolds">Folds of the jackknifed name list (<see cref="TaggerTrainingSet.Build"/>; 0 or 1: no name list).</param>
    /// <param name="minCount">Features seen fewer times in the training data are not used.</param>
    /// <param name="progress">
    /// Receives (epoch or L-BFGS iteration, the objective per sentence: negative log-likelihood plus
    /// the L2 penalty; for SGD the log-likelihood is summed over the epoch as the weights moved).
    /// </param>
    /// <param name="weights">Per sentence, the weight of its log-likelihood (null: all 1), so that extra data of another domain can count for less.</param>
    /// <param name="classes">Word classes whose bit-string prefixes are features (null: none); stored in the model.</param>
    /// <param name="runs">SGD runs with shuffle seeds seed, seed + 1, ...; the model's weights are their mean (L-BFGS: always one).</param>
    /// <param name="edges">Whether to learn edge features (<see cref="FeatureExtractor.ExtractEdges"/>).</param>
    /// <param name="listedPlaces">Place names outside the training data for the name list (<see cref="TaggerTrainingSet.Build"/>; null: none).</param>
    public NerModel Train(string language, IReadOnlyList<(string[] Words, int[] Labels)> sentences, string stemmer, CrfOptions options, float minWeight, int nameListFolds, int minCount = 1, Action<int, double>? progress = null, IReadOnlyList<float>? weights = null, WordClasses? classes = null, int runs = 1, bool edges = false, IReadOnlyList<string[]>? listedPlaces = null)
    {
        classes ??= WordClasses.Empty;
        TaggerTrainingSet set = TaggerTrainingSet.Build(sentences, stemmer, classes, nameListFolds, minCount, edges, listedPlaces);
        var mean = new CrfWeights(set.Features.Count, set.EdgeFeatures.Count);

        // L-BFGS reads no seed: a second run would repeat the first.
        runs = options.Optimizer == CrfOptimizer.Lbfgs ? 1 : runs;
        for (int run = 0; run < runs; run++)
        {
            var model = new CrfWeights(set.Features.Count, set.EdgeFeatures.Count);
            if (options.Optimizer == CrfOptimizer.Lbfgs)
            {
                Minimize(set.Sentences, model, options, weights, progress);
            }
            else
            {
                RunEpochs(set.Sentences, model, options with { Seed = options.Seed + run }, weights, progress);
            }

            mean.Add(model, 1.0 / runs);
        }

        return ToModel(language, stemmer, set, mean, minWeight, classes);
    }

    private void RunEpochs(TaggerTrainingSentence[] data, CrfWeights model, CrfOptions options, IReadOnlyList<float>? weights, Action<int, double>? progress)
    {
        var random = new Random(options.Seed);
        int[] order = Enumerable.Range(0, data.Length).ToArray();
        double n = Math.Max(1, data.Length);

        // Each step shrinks the weights by the factor 1 - rate × λ / N, which must stay positive.
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.Rate * options.L2, n, nameof(options));
        long t = 0;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double loss = 0;
            foreach (int s in order)
            {
                double rate = options.Rate / (1 + (t / n));
                model.Decay(1 - (rate * options.L2 / n));
                float weight = weights?[s] ?? 1;
                loss += weight * AddGradient(data[s], model, _lattice, model, -rate * weight);
                t++;
            }

            progress?.Invoke(epoch, (loss + (0.5 * options.L2 * model.SquaredNorm())) / n);
        }
    }

    // The whole objective by L-BFGS: every iteration's gradient is a pass over all sentences.
    private void Minimize(TaggerTrainingSentence[] data, CrfWeights model, CrfOptions options, IReadOnlyList<float>? weights, Action<int, double>? progress)
    {
        int features = model.Emissions.Length / L;
        double n = Math.Max(1, data.Length);
        double Objective(double[] x, double[] gradient)
        {
            Array.Clear(gradient);
            var at = new CrfWeights(x, features);
            var into = new CrfWeights(gradient, features);
            double loss = 0;
            for (int s = 0; s < data.Length; s++)
            {
                float weight = weights?[s] ?? 1;
                loss += weight * AddGradient(data[s], at, _lattice, into, weight);
            }

            for (int i = 0; i < x.Length; i++)
            {
                loss += 0.5 * options.L2 * x[i] * x[i];
                gradient[i] += options.L2 * x[i];
            }

            return loss;
        }

        Lbfgs.Minimize(model.Values, Objective, options.Iterations, progress: progress is null ? null : (iteration, value) => progress(iteration, value / n));
    }

    /// <summary>
    /// The negative log-likelihood of the gold labels of <paramref name="sentence"/> under
    /// <paramref name="model"/>; adds <paramref name="step"/> times its gradient (expected less
    /// observed feature counts) to <paramref name="target"/>, which may be <paramref name="model"/>
    /// itself (every score is read before any weight moves).
    /// </summary>
    internal static double AddGradient(TaggerTrainingSentence sentence, CrfWeights model, CrfLattice lattice, CrfWeights target, double step)
    {
        int n = sentence.Gold.Length;
        if (n == 0)
        {
            return 0;
        }

        lattice.Load(n);
        Span<double> emissions = lattice.Emissions;
        Span<double> edges = lattice.Edges;
        double scale = model.Scale;
        for (int i = 0; i < n; i++)
        {
            Span<double> row = emissions.Slice(i * L, L);
            foreach (int f in sentence.Features[i])
            {
                ReadOnlySpan<double> w = model.Emissions.Slice(f * L, L);
                for (int l = 0; l < L; l++)
                {
                    row[l] += w[l];
                }
            }

            Scale(row, scale);
            if (i > 0)
            {
                Span<double> block = edges.Slice(i * W, W);
                foreach (int e in sentence.Edges[i])
                {
                    ReadOnlySpan<double> w = model.Edges.Slice(e * W, W);
                    for (int k = 0; k < W; k++)
                    {
                        block[k] += w[k];
                    }
                }

                Scale(block, scale);
            }
        }

        Span<double> transitions = lattice.Transitions;
        ReadOnlySpan<double> transitionValues = model.Transitions;
        for (int j = 0; j < transitions.Length; j++)
        {
            transitions[j] = scale * transitionValues[j];
        }

        lattice.Compute();
        double gold = lattice.Score(sentence.Gold);
        if (double.IsNegativeInfinity(gold))
        {
            throw new ArgumentException("The gold labels break the BIO constraints.", nameof(sentence));
        }

        // The gradient lands in the target's unscaled values: value += step * gradient / scale.
        double factor = step / target.Scale;
        Span<double> node = stackalloc double[L];
        Span<double> transitionGradient = stackalloc double[(L + 1) * L];
        Span<double> stepGradient = stackalloc double[W];
        transitionGradient.Clear();
        int[] labels = sentence.Gold;
        for (int i = 0; i < n; i++)
        {
            for (int l = 0; l < L; l++)
            {
                node[l] = lattice.Marginal(i, l) * factor;
            }

            node[labels[i]] -= factor;
            foreach (int f in sentence.Features[i])
            {
                Span<double> w = target.Emissions.Slice(f * L, L);
                for (int l = 0; l < L; l++)
                {
                    w[l] += node[l];
                }
            }

            if (i == 0)
            {
                for (int l = 0; l < L; l++)
                {
                    transitionGradient[l] += lattice.Marginal(0, l);
                }

                transitionGradient[labels[0]] -= 1;
                continue;
            }

            stepGradient.Clear();
            for (int p = 0; p < L; p++)
            {
                for (int l = 0; l < L; l++)
                {
                    double pair = lattice.PairMarginal(i, p, l);
                    transitionGradient[((p + 1) * L) + l] += pair;
                    stepGradient[EdgeWeights.ClassOf(p, l)] += pair;
                }
            }

            transitionGradient[((labels[i - 1] + 1) * L) + labels[i]] -= 1;
            stepGradient[EdgeWeights.ClassOf(labels[i - 1], labels[i])] -= 1;
            foreach (int e in sentence.Edges[i])
            {
                Span<double> w = target.Edges.Slice(e * W, W);
                for (int k = 0; k < W; k++)
                {
                    w[k] += factor * stepGradient[k];
                }
            }
        }

        Span<double> targetTransitions = target.Transitions;
        for (int j = 0; j < transitionGradient.Length; j++)
        {
            targetTransitions[j] += factor * transitionGradient[j];
        }

        return lattice.LogPartition - gold;
    }

    private static void Scale(Span<double> values, double scale)
    {
        for (int k = 0; k < values.Length; k++)
        {
            values[k] *= scale;
        }
    }

    private static NerModel ToModel(string language, string stemmer, TaggerTrainingSet set, CrfWeights weights, float minWeight, WordClasses classes)
    {
        weights.Rescale();
        (List<ulong> keys, float[] emissions) = Kept(set.Features, weights.Emissions, L, minWeight);
        (List<ulong> edgeKeys, float[] edgeWeights) = Kept(set.EdgeFeatures, weights.Edges, W, minWeight);
        var transitions = new float[weights.Transitions.Length];
        for (int j = 0; j < transitions.Length; j++)
        {
            transitions[j] = (float)weights.Transitions[j];
        }

        return new NerModel(language, stemmer, keys, emissions, transitions, set.Names, classes, new EdgeWeights(edgeKeys, edgeWeights));
    }

    // The features with at least one weight of magnitude minWeight or more, and their rows.
    private static (List<ulong> Keys, float[] Weights) Kept(IReadOnlyList<ulong> features, ReadOnlySpan<double> values, int width, float minWeight)
    {
        var keys = new List<ulong>();
        var kept = new List<float>();
        for (int f = 0; f < features.Count; f++)
        {
            ReadOnlySpan<double> row = values.Slice(f * width, width);
            bool keep = false;
            foreach (double w in row)
            {
                keep |= Math.Abs(w) >= minWeight;
            }

            if (keep)
            {
                keys.Add(features[f]);
                foreach (double w in row)
                {
                    kept.Add((float)w);
                }
            }
        }

        return (keys, kept.ToArray());
    }
}

/// <summary>How <see cref="CrfTrainer"/> fits its weights.</summary>
/// <param name="Epochs">SGD: passes over the data.</param>
/// <param name="Seed">SGD: seed of the per-epoch shuffle.</param>
/// <param name="L2">λ of the penalty λ/2 ‖w‖² on the whole training set's negative log-likelihood (each step shrinks by rate × λ / N).</param>
/// <param name="Rate">SGD: initial learning rate; after t of N sentences it is rate / (1 + t / N).</param>
/// <param name="Optimizer">SGD over shuffled sentences, or L-BFGS over the whole objective.</param>
/// <param name="Iterations">L-BFGS: iterations at most (each a pass over the data or more); it stops sooner once the objective fell by less than 1e-5 of itself over 10 iterations.</param>
internal sealed record CrfOptions(int Epochs, int Seed, double L2, double Rate, CrfOptimizer Optimizer = CrfOptimizer.Sgd, int Iterations = 300);

/// <summary>How <see cref="CrfTrainer"/> minimises its objective.</summary>
internal enum CrfOptimizer
{
    /// <summary>Stochastic gradient descent over shuffled sentences, rate decaying per epoch.</summary>
    Sgd,

    /// <summary>Limited-memory BFGS (<see cref="Lbfgs"/>) over the whole training set.</summary>
    Lbfgs,
}

/// <summary>
/// The CRF's weights during training as values times one scale: the L2 shrinkage multiplies the
/// scale instead of every weight, so a gradient step costs only the weights it touches. One array
/// (<see cref="Values"/>) in three parts laid out as <see cref="NerModel"/>'s: a row of
/// <see cref="NerLabels.Count"/> per emission feature, the transitions with a start row, a row of
/// <see cref="EdgeWeights.Width"/> per edge feature.
/// </summary>
internal sealed class CrfWeights
{
    private const int TransitionCount = (NerLabels.Count + 1) * NerLabels.Count;

    private readonly int _emissionCount;

    /// <summary>Zero weights for <paramref name="features"/> emission and <paramref name="edgeFeatures"/> edge features.</summary>
    public CrfWeights(int features, int edgeFeatures)
        : this(new double[(features * NerLabels.Count) + TransitionCount + (edgeFeatures * EdgeWeights.Width)], features)
    {
    }

    /// <summary>Weights over <paramref name="values"/> (not copied) for <paramref name="features"/> emission features; the rest after the transitions are edge rows.</summary>
    public CrfWeights(double[] values, int features)
    {
        _emissionCount = features * NerLabels.Count;
        ArgumentOutOfRangeException.ThrowIfNotEqual((values.Length - _emissionCount - TransitionCount) % EdgeWeights.Width, 0, nameof(values));
        Values = values;
    }

    /// <summary>Every unscaled value: emissions, transitions, edges.</summary>
    public double[] Values { get; }

    /// <summary>Unscaled emission values.</summary>
    public Span<double> Emissions => Values.AsSpan(0, _emissionCount);

    /// <summary>Unscaled transition values: row previous label + 1 (row 0 is the sentence start), column label.</summary>
    public Span<double> Transitions => Values.AsSpan(_emissionCount, TransitionCount);

    /// <summary>Unscaled edge values.</summary>
    public Span<double> Edges => Values.AsSpan(_emissionCount + TransitionCount);

    /// <summary>The factor every value is multiplied by to give its weight.</summary>
    public double Scale { get; private set; } = 1;

    /// <summary>Multiplies every weight by <paramref name="factor"/> (in (0, 1]) in constant time.</summary>
    public void Decay(double factor)
    {
        Scale *= factor;
        if (Scale < 1e-9)
        {
            // Before the values grow too large to add small steps to.
            Rescale();
        }
    }

    /// <summary>The sum of the squared weights.</summary>
    public double SquaredNorm()
    {
        double sum = 0;
        foreach (double v in Values)
        {
            sum += v * v;
        }

        return sum * Scale * Scale;
    }

    /// <summary>Folds the scale into the values, so that values are weights.</summary>
    public void Rescale()
    {
        double[] values = Values;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= Scale;
        }

        Scale = 1;
    }

    /// <summary>Adds <paramref name="factor"/> times the weights of <paramref name="other"/> (same sizes) to these weights.</summary>
    public void Add(CrfWeights other, double factor)
    {
        double f = factor * other.Scale / Scale;
        double[] to = Values;
        double[] from = other.Values;
        for (int i = 0; i < to.Length; i++)
        {
            to[i] += f * from[i];
        }
    }
}
