using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class CrfTrainerTests
{
    private const int L = NerLabels.Count;
    private const int W = EdgeWeights.Width;

    private static NerModel Train(int seed = 1, bool edges = true, Action<int, double>? progress = null) =>
        new CrfTrainer().Train("en", TaggerTestData.Data(), StemmerNames.Proclitic, new CrfOptions(Epochs: 10, Seed: seed, L2: 0.1, Rate: 0.5), minWeight: 0f, nameListFolds: 0, minCount: 1, progress: progress, edges: edges);

    // A lattice of n words with scores drawn from a fixed seed, big enough to make the BIO limits matter.
    private static CrfLattice RandomLattice(int n, int seed)
    {
        var random = new Random(seed);
        var lattice = new CrfLattice();
        lattice.Load(n);
        Fill(lattice.Emissions, random);
        Fill(lattice.Edges, random);
        Fill(lattice.Transitions, random);

        lattice.Compute();
        return lattice;
    }

    private static void Fill(Span<double> scores, Random random)
    {
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = (random.NextDouble() * 4) - 2;
        }
    }

    [Fact]
    public void Partition_function_and_marginals_equal_brute_force_sums_over_label_sequences()
    {
        const int n = 4;
        CrfLattice lattice = RandomLattice(n, seed: 3);
        double z = 0;
        var node = new double[n, L];
        var pair = new double[n, L, L];
        int allowed = 0;
        foreach (int[] labels in TaggerTestData.AllSequences(n))
        {
            double score = lattice.Score(labels);
            if (double.IsNegativeInfinity(score))
            {
                continue;
            }

            allowed++;
            double p = Math.Exp(score);
            z += p;
            for (int i = 0; i < n; i++)
            {
                node[i, labels[i]] += p;
                if (i > 0)
                {
                    pair[i, labels[i - 1], labels[i]] += p;
                }
            }
        }

        // The constraints remove most of the 9^4 sequences: I- labels after O or another type.
        Assert.InRange(allowed, 100, (int)Math.Pow(L, n) - 1000);
        Assert.Equal(Math.Log(z), lattice.LogPartition, 1e-9);
        for (int i = 0; i < n; i++)
        {
            for (int l = 0; l < L; l++)
            {
                Assert.Equal(node[i, l] / z, lattice.Marginal(i, l), 1e-9);
                for (int p = 0; i > 0 && p < L; p++)
                {
                    Assert.Equal(pair[i, p, l] / z, lattice.PairMarginal(i, p, l), 1e-9);
                }
            }
        }
    }

    [Fact]
    public void Inside_labels_get_no_probability_where_viterbi_could_not_choose_them()
    {
        CrfLattice lattice = RandomLattice(3, seed: 5);
        for (int l = 0; l < L; l++)
        {
            if (NerLabels.IsInside(l))
            {
                Assert.Equal(0, lattice.Marginal(0, l));
                Assert.Equal(0, lattice.PairMarginal(1, NerLabels.Outside, l));
            }
        }
    }

    [Fact]
    public void Gradient_matches_finite_differences_of_the_negative_log_likelihood()
    {
        // Five emission features and three edge features on a four-word sentence; the weights are
        // random and carry a scale below 1, as they do during training.
        var sentence = new TaggerTrainingSentence(
            Features: [[0, 1], [2], [1, 3, 4], [0, 4]],
            Edges: [[], [0], [1, 2], [2]],
            Gold: [NerLabels.Parse("B-PER"), NerLabels.Parse("I-PER"), NerLabels.Outside, NerLabels.Parse("B-LOC")]);
        var model = new CrfWeights(5, 3);
        var random = new Random(11);
        for (int i = 0; i < model.Values.Length; i++)
        {
            model.Values[i] = random.NextDouble() - 0.5;
        }

        model.Decay(0.8);
        var lattice = new CrfLattice();
        var gradient = new CrfWeights(5, 3);
        double loss = CrfTrainer.AddGradient(sentence, model, lattice, gradient, step: 1);
        Assert.True(loss > 0);

        double Loss() => CrfTrainer.AddGradient(sentence, model, lattice, new CrfWeights(5, 3), step: 1);
        const double h = 1e-5;
        int checkedNonZero = 0;
        double[] values = model.Values;
        Assert.Equal((5 * L) + ((L + 1) * L) + (3 * W), values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            double kept = values[i];
            values[i] = kept + h;
            double up = Loss();
            values[i] = kept - h;
            double down = Loss();
            values[i] = kept;

            // A value moves its weight by the scale: d loss / d value = scale × d loss / d weight.
            double numeric = (up - down) / (2 * h);
            Assert.Equal(numeric, model.Scale * gradient.Values[i], 1e-6);
            checkedNonZero += Math.Abs(gradient.Values[i]) > 1e-3 ? 1 : 0;
        }

        // Emission, transition and edge weights all take part.
        Assert.True(checkedNonZero > 40);
        Assert.Contains(gradient.Edges.ToArray(), g => Math.Abs(g) > 1e-3);
        Assert.Contains(gradient.Transitions.ToArray(), g => Math.Abs(g) > 1e-3);
    }

    [Fact]
    public void A_step_on_the_weights_themselves_lowers_the_sentence_loss()
    {
        var sentence = new TaggerTrainingSentence(
            Features: [[0], [1], [2]],
            Edges: [[], [0], [0]],
            Gold: [NerLabels.Parse("B-ORG"), NerLabels.Parse("I-ORG"), NerLabels.Outside]);
        var model = new CrfWeights(3, 1);
        var lattice = new CrfLattice();
        double before = CrfTrainer.AddGradient(sentence, model, lattice, model, step: -0.5);
        double after = CrfTrainer.AddGradient(sentence, model, lattice, new CrfWeights(3, 1), step: 0);

        // Uniform weights give every allowed sequence the same probability.
        Assert.True(before > Math.Log(10));
        Assert.True(after < before);
    }

    [Fact]
    public void Decay_scales_every_weight_and_survives_folding_the_scale_in()
    {
        var weights = new CrfWeights(1, 1);
        weights.Emissions[3] = 2;
        weights.Transitions[7] = -4;
        weights.Edges[1] = 1;
        for (int k = 0; k < 40; k++)
        {
            weights.Decay(0.5);
        }

        // 0.5^40 is below the rescaling threshold, so the scale was folded into the values at least once.
        Assert.True(weights.Scale > 1e-9);
        Assert.Equal(2 * Math.Pow(0.5, 40), weights.Scale * weights.Emissions[3], 1e-20);
        Assert.Equal(-4 * Math.Pow(0.5, 40), weights.Scale * weights.Transitions[7], 1e-20);
        weights.Rescale();
        Assert.Equal(1, weights.Scale);
        Assert.Equal(Math.Pow(0.5, 40), weights.Edges[1], 1e-20);
    }

    [Fact]
    public void Trained_model_tags_its_training_sentences_and_its_loss_falls()
    {
        var losses = new List<double>();
        NerModel model = Train(progress: (_, loss) => losses.Add(loss));
        Assert.Equal(10, losses.Count);
        Assert.True(losses[^1] < losses[0] / 4);
        Assert.True(model.Edges.Count > 0);
        foreach ((string[] words, int[] gold) in TaggerTestData.Data())
        {
            Assert.Equal(gold, TaggerTestData.Tag(model, words));
        }

        string[] unseen = ["Minister", "Omar", "Haddad", "visited", "Tunis", "."];
        Assert.Equal(["O", "B-PER", "I-PER", "O", "B-LOC", "O"], TaggerTestData.Tag(model, unseen).Select(NerLabels.Name));
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed_and_the_model_round_trips()
    {
        byte[] bytes = TaggerTestData.Save(Train(seed: 1));
        Assert.Equal(bytes, TaggerTestData.Save(Train(seed: 1)));
        Assert.NotEqual(bytes, TaggerTestData.Save(Train(seed: 2)));

        NerModel loaded = NerModel.Load(new MemoryStream(bytes));
        Assert.Equal(bytes, TaggerTestData.Save(loaded));
        Assert.Equal(0, Train(edges: false).Edges.Count);
    }

    [Fact]
    public void Lbfgs_finds_the_minimum_of_a_badly_scaled_quadratic()
    {
        // f(x) = sum of c_i (x_i - i)^2 with curvatures over four orders of magnitude.
        double[] curvature = [1e-2, 1, 10, 100];
        double Function(double[] x, double[] gradient)
        {
            double value = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double d = x[i] - i;
                value += curvature[i] * d * d;
                gradient[i] = 2 * curvature[i] * d;
            }

            return value;
        }

        var x = new double[4];
        double minimum = Lbfgs.Minimize(x, Function, maxIterations: 100, tolerance: 1e-14);
        Assert.Equal(0, minimum, 1e-8);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(i, x[i], 1e-4);
        }
    }

    [Fact]
    public void Lbfgs_trained_model_tags_its_training_sentences()
    {
        NerModel model = new CrfTrainer().Train("en", TaggerTestData.Data(), StemmerNames.Proclitic, new CrfOptions(Epochs: 0, Seed: 1, L2: 0.1, Rate: 0, CrfOptimizer.Lbfgs, Iterations: 100), minWeight: 0f, nameListFolds: 0, minCount: 1, edges: true);
        foreach ((string[] words, int[] gold) in TaggerTestData.Data())
        {
            Assert.Equal(gold, TaggerTestData.Tag(model, words));
        }
    }

    [Fact]
    public void Several_runs_average_into_a_model_that_still_fits_its_data()
    {
        NerModel model = new CrfTrainer().Train("en", TaggerTestData.Data(), StemmerNames.Proclitic, new CrfOptions(10, 1, 0.1, 0.5), minWeight: 0f, nameListFolds: 0, minCount: 1, runs: 3, edges: true);
        foreach ((string[] words, int[] gold) in TaggerTestData.Data())
        {
            Assert.Equal(gold, TaggerTestData.Tag(model, words));
        }

        Assert.NotEqual(TaggerTestData.Save(model), TaggerTestData.Save(Train()));
    }
}
