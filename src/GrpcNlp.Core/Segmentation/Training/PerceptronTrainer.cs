namespace GrpcNlp.Core.Segmentation.Training;

/// <summary>One training word: its letters and the gold reading.</summary>
/// <param name="Letters">The word's Arabic letters.</param>
/// <param name="Gold">The gold analysis.</param>
internal readonly record struct TrainingWord(string Letters, SegmentAnalysis Gold);

/// <summary>
/// Trains the ranker's weights as an averaged perceptron (Collins 2002): for each word in file
/// order, the best-scoring candidate is compared with the gold one and, when they differ, the gold
/// features gain one and the predicted lose one. Averaging uses the usual timestamp trick. No
/// randomness: the same data gives the same model.
/// </summary>
internal static class PerceptronTrainer
{
    public static Dictionary<ulong, float> Train(IReadOnlyList<TrainingWord> words, SegmenterModel inventories, int epochs, Action<int, int>? onEpoch = null)
    {
        // Features of every candidate are fixed across epochs: extract them once.
        var examples = new List<(ulong[][] Candidates, int Gold)>(words.Count);
        var candidates = new SegmentAnalysis[CandidateGenerator.MaxCandidates];
        Span<ulong> buffer = stackalloc ulong[SegmenterFeatures.MaxFeatures];
        foreach (TrainingWord word in words)
        {
            int count = CandidateGenerator.Generate(word.Letters, inventories, candidates);
            int gold = Array.IndexOf(candidates, word.Gold, 0, count);
            if (gold < 0 || count == 1)
            {
                continue;
            }

            var features = new ulong[count][];
            for (int i = 0; i < count; i++)
            {
                int n = SegmenterFeatures.Extract(word.Letters, candidates[i], inventories, buffer);
                features[i] = buffer[..n].ToArray();
            }

            examples.Add((features, gold));
        }

        var weights = new Dictionary<ulong, float>();
        var totals = new Dictionary<ulong, double>();
        var stamps = new Dictionary<ulong, int>();
        int clock = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            int errors = 0;
            foreach ((ulong[][] features, int gold) in examples)
            {
                clock++;
                int predicted = 0;
                float best = float.NegativeInfinity;
                for (int i = 0; i < features.Length; i++)
                {
                    float score = 0;
                    foreach (ulong f in features[i])
                    {
                        score += weights.GetValueOrDefault(f);
                    }

                    if (score > best)
                    {
                        best = score;
                        predicted = i;
                    }
                }

                if (predicted == gold)
                {
                    continue;
                }

                errors++;
                foreach (ulong f in features[gold])
                {
                    Update(f, 1);
                }

                foreach (ulong f in features[predicted])
                {
                    Update(f, -1);
                }
            }

            onEpoch?.Invoke(epoch, errors);
        }

        // Averaged weight = total of the weight over all steps / steps.
        var averaged = new Dictionary<ulong, float>();
        foreach ((ulong f, float w) in weights)
        {
            double total = totals[f] + ((double)(clock - stamps[f]) * w);
            float average = (float)(total / clock);
            if (Math.Abs(average) > 1e-6)
            {
                averaged[f] = average;
            }
        }

        return averaged;

        void Update(ulong feature, float delta)
        {
            float w = weights.GetValueOrDefault(feature);
            double total = totals.GetValueOrDefault(feature);
            int stamp = stamps.GetValueOrDefault(feature);
            totals[feature] = total + ((double)(clock - stamp) * w);
            stamps[feature] = clock;
            weights[feature] = w + delta;
        }
    }
}
