namespace GrpcNlp.Core.Tokenization.Training;

/// <summary>One training text: its tokens and the offsets at which gold sentences start.</summary>
/// <param name="Text">The raw text.</param>
/// <param name="Tokens">Its tokens, as <see cref="WordTokenizer"/> produces them.</param>
/// <param name="SentenceStarts">The start offset of every gold sentence.</param>
internal sealed record BoundaryTrainingText(string Text, IReadOnlyList<Token> Tokens, IReadOnlySet<int> SentenceStarts);

/// <summary>What training saw: gaps the model decides, and gold boundaries it can never place.</summary>
/// <param name="Examples">Gaps the model scores (its candidates), with their gold answer.</param>
/// <param name="Boundaries">Gold boundaries among them.</param>
/// <param name="Unreachable">Gold sentence starts that segmentation misses even with the gold answer at every gap the model decides (the rules keep a sentence going, a run of terminators and closers, a token across the boundary).</param>
internal readonly record struct BoundaryTrainingCounts(int Examples, int Boundaries, int Unreachable);

/// <summary>One gap the model scores: its features and whether a gold sentence ends there.</summary>
internal readonly record struct BoundaryExample(ulong[] Features, bool Boundary);

/// <summary>
/// Trains a <see cref="SentenceBoundaryModel"/> as an averaged binary perceptron (Collins 2002):
/// the segmenter runs over each gold text with the gold decision at every gap (so each sentence
/// starts where the gold one does), and the features of every gap the model would score become
/// one example. Features seen fewer than <c>minCount</c> times are dropped. Examples are visited in
/// an order shuffled by a seed; the model is the mean of <c>models</c> averaged perceptrons trained
/// with seeds <c>seed</c>, <c>seed + 1</c>, ..., which steadies a model trained on little data (the
/// order of visits alone moves held-out sentence F1 by up to half a point). The same data gives the
/// same model.
/// </summary>
internal static class SentenceBoundaryTrainer
{
    public static SentenceBoundaryModel Train(
        IEnumerable<BoundaryTrainingText> texts,
        SentenceRules rules,
        int epochs,
        int minCount,
        int seed,
        int models,
        out BoundaryTrainingCounts counts,
        Action<int, int, int>? onEpoch = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(models, 1);
        List<BoundaryExample> collected = Collect(texts, rules, out counts);
        var mean = new Dictionary<ulong, float>();
        for (int m = 0; m < models; m++)
        {
            int model = m;
            Dictionary<ulong, float> weights = Train(collected, epochs, minCount, seed + m, onEpoch is null ? null : (epoch, errors) => onEpoch(model, epoch, errors));
            foreach ((ulong feature, float weight) in weights)
            {
                mean[feature] = mean.GetValueOrDefault(feature) + (weight / models);
            }
        }

        return new SentenceBoundaryModel(mean);
    }

    /// <summary>
    /// The gaps of <paramref name="texts"/> the model scores, with their features and gold answer,
    /// segmenting with the gold answer at every gap so that sentences start where the gold ones do.
    /// </summary>
    public static List<BoundaryExample> Collect(IEnumerable<BoundaryTrainingText> texts, SentenceRules rules, out BoundaryTrainingCounts counts)
    {
        var collector = new ExampleCollector();
        var sentences = new List<Sentence>();
        foreach (BoundaryTrainingText text in texts)
        {
            collector.Begin(text);
            sentences.Clear();
            SentenceSegmenter.Segment(text.Text, text.Tokens, rules.WithBoundaryModel(null), collector, sentences);
            collector.CountUnreachable(sentences);
        }

        counts = new BoundaryTrainingCounts(collector.Examples.Count, collector.Boundaries, collector.Unreachable);
        return collector.Examples;
    }

    private static Dictionary<ulong, float> Train(List<BoundaryExample> collected, int epochs, int minCount, int seed, Action<int, int>? onEpoch)
    {
        var frequency = new Dictionary<ulong, int>();
        foreach ((ulong[] features, _) in collected)
        {
            foreach (ulong f in features)
            {
                frequency[f] = frequency.GetValueOrDefault(f) + 1;
            }
        }

        var examples = collected
            .Select(e => (Features: e.Features.Where(f => frequency[f] >= minCount).ToArray(), e.Boundary))
            .ToArray();

        var weights = new Dictionary<ulong, float>();
        var totals = new Dictionary<ulong, double>();
        var stamps = new Dictionary<ulong, int>();
        var random = new Random(seed);
        int clock = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(examples);
            int errors = 0;
            foreach ((ulong[] features, bool boundary) in examples)
            {
                clock++;
                float score = 0;
                foreach (ulong f in features)
                {
                    score += weights.GetValueOrDefault(f);
                }

                if ((score > 0) == boundary)
                {
                    continue;
                }

                errors++;
                float delta = boundary ? 1 : -1;
                foreach (ulong f in features)
                {
                    float w = weights.GetValueOrDefault(f);
                    int stamp = stamps.GetValueOrDefault(f);
                    totals[f] = totals.GetValueOrDefault(f) + ((double)(clock - stamp) * w);
                    stamps[f] = clock;
                    weights[f] = w + delta;
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
            if (Math.Abs(average) > 1e-4)
            {
                averaged[f] = average;
            }
        }

        return averaged;
    }

    /// <summary>Answers the gaps the model decides with the gold answer, recording their features, and the others as the rules do.</summary>
    private sealed class ExampleCollector : IBoundaryDecider
    {
        private BoundaryTrainingText _text = null!;
        private SentenceBoundaryFeatures.TokenViews _views = null!;
        private readonly ulong[] _buffer = new ulong[SentenceBoundaryFeatures.MaxFeatures];

        public List<BoundaryExample> Examples { get; } = [];

        public int Boundaries { get; private set; }

        public int Unreachable { get; private set; }

        public void Begin(BoundaryTrainingText text)
        {
            _text = text;
            _views = new SentenceBoundaryFeatures.TokenViews();
        }

        public bool EndsSentence(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int last, RuleVerdict verdict)
        {
            bool boundary = _text.SentenceStarts.Contains(tokens[last + 1].Span.Start);
            if (SentenceBoundaryFeatures.IsCandidate(text, tokens, last, verdict))
            {
                int n = SentenceBoundaryFeatures.Extract(text, tokens, start, last, verdict, _views, _buffer);
                Examples.Add(new BoundaryExample(_buffer[..n], boundary));
                Boundaries += boundary ? 1 : 0;
                return boundary;
            }

            // Elsewhere the rules decide, as when the model runs.
            return verdict == RuleVerdict.Split;
        }

        /// <summary>Counts gold sentence starts the segmentation (driven by gold answers) still missed.</summary>
        public void CountUnreachable(List<Sentence> sentences)
        {
            var starts = new HashSet<int>(sentences.Select(s => s.Span.Start));
            foreach (int start in _text.SentenceStarts)
            {
                if (!starts.Contains(start))
                {
                    Unreachable++;
                }
            }
        }
    }
}
