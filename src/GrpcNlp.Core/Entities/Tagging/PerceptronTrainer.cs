namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Trains a <see cref="NerModel"/> as a structured averaged perceptron (Collins 2002): decode each
/// sentence with the current weights under the BIO constraints, move weights towards the gold labels
/// where they differ, and ship the weights averaged over every step. Deterministic for a given seed.
/// </summary>
internal sealed class PerceptronTrainer
{
    private const int L = NerLabels.Count;
    private const int W = EdgeWeights.Width;

    private readonly List<ulong> _keys = [];
    private float[] _weights = [];
    private double[] _totals = [];
    private readonly float[] _transitions = new float[(L + 1) * L];
    private readonly double[] _transitionTotals = new double[(L + 1) * L];
    private readonly List<ulong> _edgeKeys = [];
    private float[] _edgeWeights = [];
    private double[] _edgeTotals = [];
    private int _step = 1;

    /// <summary>Trains on <paramref name="sentences"/> (words, gold label ids) and returns the averaged model.</summary>
    /// <param name="language">Language code stored in the model.</param>
    /// <param name="sentences">Training sentences.</param>
    /// <param name="stemmer">Name of the stemmer used for features (<see cref="StemmerNames"/>), stored in the model.</param>
    /// <param name="epochs">Passes over the data.</param>
    /// <param name="seed">Seed of the per-epoch shuffle.</param>
    /// <param name="minWeight">Features whose averaged weights all stay below this magnitude are dropped.</param>
    /// <param name="nameListFolds">
    /// When above 1, the training names become a name list whose matches are features; each sentence
    /// sees the list built from the other folds (contiguous blocks), so the model learns how far to
    /// trust a list that does not know every name, as at run time.
    /// </param>
    /// <param name="minCount">Features seen fewer times in the training data are not used.</param>
    /// <param name="progress">Receives (epoch, training-token accuracy).</param>
    /// <param name="weights">Per sentence, the size of its updates (null: all 1), so that extra data of another domain can count for less.</param>
    /// <param name="classes">Word classes whose bit-string prefixes are features (null: none); stored in the model.</param>
    /// <param name="runs">
    /// Training runs with shuffle seeds <paramref name="seed"/>, <paramref name="seed"/> + 1, ...; the
    /// shipped weights are the mean of their averaged weights, so that no one shuffle order decides.
    /// </param>
    /// <param name="edges">Whether to learn edge features (<see cref="FeatureExtractor.ExtractEdges"/>): weights per kind of label step (<see cref="EdgeWeights.ClassOf"/>), moved where the gold and predicted steps differ.</param>
    /// <param name="listedPlaces">Place names outside the training data for the name list (<see cref="TaggerTrainingSet.Build"/>; null: none).</param>
    public NerModel Train(string language, IReadOnlyList<(string[] Words, int[] Labels)> sentences, string stemmer, int epochs, int seed, float minWeight, int nameListFolds, int minCount = 1, Action<int, double>? progress = null, IReadOnlyList<float>? weights = null, WordClasses? classes = null, int runs = 1, bool edges = false, IReadOnlyList<string[]>? listedPlaces = null)
    {
        TaggerTrainingSet set = TaggerTrainingSet.Build(sentences, stemmer, classes ??= WordClasses.Empty, nameListFolds, minCount, edges, listedPlaces);
        NameList names = set.Names;
        _keys.AddRange(set.Features);
        _edgeKeys.AddRange(set.EdgeFeatures);
        var data = set.Sentences.Select(s => (s.Features, s.Edges, s.Gold)).ToArray();
        _weights = new float[_keys.Count * L];
        _totals = new double[_weights.Length];
        _edgeWeights = new float[_edgeKeys.Count * W];
        _edgeTotals = new double[_edgeWeights.Length];

        int size = _keys.Count * L;
        double[]? sum = runs > 1 ? new double[size] : null;
        double[]? transitionSum = runs > 1 ? new double[_transitions.Length] : null;
        double[]? edgeSum = runs > 1 ? new double[_edgeWeights.Length] : null;
        for (int run = 0; run < runs; run++)
        {
            if (run > 0)
            {
                Array.Clear(_weights);
                Array.Clear(_totals);
                Array.Clear(_transitions);
                Array.Clear(_transitionTotals);
                Array.Clear(_edgeWeights);
                Array.Clear(_edgeTotals);
                _step = 1;
            }

            RunEpochs(data, epochs, seed + run, weights, progress);
            if (sum is not null && transitionSum is not null && edgeSum is not null)
            {
                for (int i = 0; i < edgeSum.Length; i++)
                {
                    edgeSum[i] += _edgeWeights[i] - (_edgeTotals[i] / _step);
                }

                for (int i = 0; i < size; i++)
                {
                    sum[i] += _weights[i] - (_totals[i] / _step);
                }

                for (int i = 0; i < transitionSum.Length; i++)
                {
                    transitionSum[i] += _transitions[i] - (_transitionTotals[i] / _step);
                }
            }
        }

        if (sum is not null && transitionSum is not null && edgeSum is not null)
        {
            // The mean of the runs' averages becomes the weights, with no totals left to subtract.
            for (int i = 0; i < edgeSum.Length; i++)
            {
                _edgeWeights[i] = (float)(edgeSum[i] / runs);
                _edgeTotals[i] = 0;
            }

            for (int i = 0; i < size; i++)
            {
                _weights[i] = (float)(sum[i] / runs);
                _totals[i] = 0;
            }

            for (int i = 0; i < transitionSum.Length; i++)
            {
                _transitions[i] = (float)(transitionSum[i] / runs);
                _transitionTotals[i] = 0;
            }
        }

        return Average(language, stemmer, minWeight, names, classes);
    }

    // One training run: epochs over the data in an order shuffled per epoch.
    private void RunEpochs((int[][] Features, int[][] Edges, int[] Gold)[] data, int epochs, int seed, IReadOnlyList<float>? weights, Action<int, double>? progress)
    {
        var random = new Random(seed);
        int[] order = Enumerable.Range(0, data.Length).ToArray();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0;
            long total = 0;
            foreach (int s in order)
            {
                (int[][] features, int[][] edges, int[] gold) = data[s];
                float weight = weights?[s] ?? 1;
                int[] predicted = Predict(features, edges);
                for (int i = 0; i < gold.Length; i++)
                {
                    total++;
                    if (predicted[i] == gold[i])
                    {
                        correct++;
                        continue;
                    }

                    foreach (int f in features[i])
                    {
                        Update(_weights, _totals, (f * L) + gold[i], weight);
                        Update(_weights, _totals, (f * L) + predicted[i], -weight);
                    }
                }

                for (int i = 0; i < gold.Length; i++)
                {
                    int goldPrevious = i == 0 ? 0 : gold[i - 1] + 1;
                    int predictedPrevious = i == 0 ? 0 : predicted[i - 1] + 1;
                    if (goldPrevious != predictedPrevious || gold[i] != predicted[i])
                    {
                        Update(_transitions, _transitionTotals, (goldPrevious * L) + gold[i], weight);
                        Update(_transitions, _transitionTotals, (predictedPrevious * L) + predicted[i], -weight);
                        if (i > 0)
                        {
                            foreach (int e in edges[i])
                            {
                                Update(_edgeWeights, _edgeTotals, (e * W) + EdgeWeights.ClassOf(goldPrevious - 1, gold[i]), weight);
                                Update(_edgeWeights, _edgeTotals, (e * W) + EdgeWeights.ClassOf(predictedPrevious - 1, predicted[i]), -weight);
                            }
                        }
                    }
                }

                _step++;
            }

            progress?.Invoke(epoch, total == 0 ? 0 : (double)correct / total);
        }

    }

    // Averaging trick: totals accumulate step * delta, so the average is weight - totals / step.
    private void Update(float[] weights, double[] totals, int index, float delta)
    {
        weights[index] += delta;
        totals[index] += (double)_step * delta;
    }

    private int[] Predict(int[][] features, int[][] edges)
    {
        int n = features.Length;
        var emissions = new float[n * L];
        for (int i = 0; i < n; i++)
        {
            foreach (int f in features[i])
            {
                for (int l = 0; l < L; l++)
                {
                    emissions[(i * L) + l] += _weights[(f * L) + l];
                }
            }
        }

        float[] edgeScores = [];
        if (_edgeKeys.Count > 0)
        {
            edgeScores = new float[n * W];
            for (int i = 1; i < n; i++)
            {
                Span<float> block = edgeScores.AsSpan(i * W, W);
                foreach (int e in edges[i])
                {
                    ReadOnlySpan<float> row = _edgeWeights.AsSpan(e * W, W);
                    for (int k = 0; k < W; k++)
                    {
                        block[k] += row[k];
                    }
                }
            }
        }

        var labels = new int[n];
        ViterbiDecoder.Decode(emissions, _transitions, edgeScores, labels);
        return labels;
    }

    private NerModel Average(string language, string stemmer, float minWeight, NameList names, WordClasses classes)
    {
        var keys = new List<ulong>();
        var weights = new List<float>();
        Span<float> row = stackalloc float[L];
        for (int f = 0; f < _keys.Count; f++)
        {
            bool keep = false;
            for (int l = 0; l < L; l++)
            {
                int index = (f * L) + l;
                row[l] = (float)(_weights[index] - (_totals[index] / _step));
                keep |= MathF.Abs(row[l]) >= minWeight;
            }

            if (keep)
            {
                keys.Add(_keys[f]);
                foreach (float w in row)
                {
                    weights.Add(w);
                }
            }
        }

        var transitions = new float[_transitions.Length];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = (float)(_transitions[i] - (_transitionTotals[i] / _step));
        }

        var edgeKeys = new List<ulong>();
        var edgeWeights = new List<float>();
        Span<float> pairs = stackalloc float[W];
        for (int f = 0; f < _edgeKeys.Count; f++)
        {
            bool keep = false;
            for (int k = 0; k < W; k++)
            {
                int index = (f * W) + k;
                pairs[k] = (float)(_edgeWeights[index] - (_edgeTotals[index] / _step));
                keep |= MathF.Abs(pairs[k]) >= minWeight;
            }

            if (keep)
            {
                edgeKeys.Add(_edgeKeys[f]);
                foreach (float w in pairs)
                {
                    edgeWeights.Add(w);
                }
            }
        }

        return new NerModel(language, stemmer, keys, weights.ToArray(), transitions, names, classes, new EdgeWeights(edgeKeys, edgeWeights.ToArray()));
    }
}
