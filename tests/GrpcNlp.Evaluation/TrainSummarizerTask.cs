using System.CommandLine;
using System.Globalization;
using System.Text;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `train-summarizer`: fits the learned sentence scorer (logistic regression over the
/// summarizer's <see cref="SentenceFeatures"/>) to the reference summaries of a corpus and writes
/// it as the C# source the Core project compiles in.
/// </summary>
/// <remarks>
/// A sentence's label is the share of the article's references that contain it: EASC references
/// are selections of article sentences, re-typed with normalized letters, so a sentence counts as
/// contained when at least a threshold share of its ROUGE-token bigrams occur in the reference.
/// The threshold is the one hyperparameter: it is chosen among <see cref="s_thresholds"/> by a 2-fold
/// split of the training articles alone (fit on one part, ROUGE-1 F of the summaries of the other,
/// both ways), so a held-out half never takes part in choosing it. Each article weighs the same
/// (its sentences share weight 1), as ROUGE averages over articles. Full-batch gradient descent
/// from zero weights in a fixed order: the same data give the same weights on every machine.
/// </remarks>
internal static class TrainSummarizerTask
{
    /// <summary>Candidate shares of a sentence's bigrams a reference must contain for the sentence to count as selected.</summary>
    private static readonly double[] s_thresholds = [0.5, 0.6, 0.7, 0.8, 0.9];

    public static Command Create()
    {
        var easc = new Option<DirectoryInfo?>("--easc") { Description = "EASC folder (Articles/, MTurk/): trains the Arabic scorer" };
        var bbc = new Option<DirectoryInfo?>("--bbc") { Description = "BBC News Summary folder: trains the English scorer" };
        var output = new Option<FileInfo?>("--out") { Description = "C# file to write the scorer to (src/GrpcNlp.Core/Summarization/ArabicSentenceScorer.cs or EnglishSentenceScorer.cs)" };
        var iterations = new Option<int>("--iterations") { Description = "Gradient descent steps", DefaultValueFactory = _ => TrainingSettings.Default.Iterations };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty on the weights (not the bias)", DefaultValueFactory = _ => TrainingSettings.Default.L2 };
        var command = new Command("train-summarizer", "Fits the summarizer's learned sentence scorer to a corpus's reference summaries and writes it as C#.")
        {
            easc, bbc, output, iterations, l2,
        };
        command.SetAction(parse =>
        {
            DirectoryInfo? eascDir = parse.GetValue(easc);
            DirectoryInfo? bbcDir = parse.GetValue(bbc);
            if ((eascDir is null) == (bbcDir is null))
            {
                Console.Error.WriteLine("Give exactly one of --easc DIR and --bbc DIR.");
                return 2;
            }

            DirectoryInfo folder = (eascDir ?? bbcDir)!;
            if (!folder.Exists)
            {
                Console.Error.WriteLine($"No such folder: {folder.Name}");
                return 2;
            }

            List<SummaryArticle> articles = eascDir is not null ? SummaryCorpus.ReadEasc(eascDir) : SummaryCorpus.ReadBbc(bbcDir!);
            var settings = new TrainingSettings(parse.GetValue(iterations), parse.GetValue(l2));
            List<ArticleExamples> examples = Examples(articles);
            bool arabic = eascDir is not null;
            double threshold = SelectThreshold(examples, arabic, settings, out IReadOnlyList<double> scores);
            for (int t = 0; t < s_thresholds.Length; t++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"label threshold {s_thresholds[t]:F2}: 2-fold ROUGE-1 F {100 * scores[t]:F2}"));
            }

            LinearSentenceScorer scorer = Fit(examples, threshold, settings, out double loss);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count} articles, label threshold {threshold:F2}, {settings.Iterations} iterations, L2 {settings.L2}: weighted log loss {loss:F4}"));
            for (int k = 0; k < SentenceFeatures.Count; k++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{SentenceFeatures.Names[k],-12} {scorer.Weights[k],9:F4}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"bias",-12} {scorer.Bias,9:F4}"));
            FileInfo? file = parse.GetValue(output);
            if (file is not null)
            {
                File.WriteAllText(file.FullName, CSharp(scorer, arabic, articles.Count, threshold, settings));
                Console.WriteLine($"Wrote {file.Name}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Features of every article's sentences, and the share of each sentence's bigrams each reference contains.</summary>
    public static List<ArticleExamples> Examples(IReadOnlyList<SummaryArticle> articles)
    {
        var analyzer = new TextAnalyzer();
        var examples = new List<ArticleExamples>(articles.Count);
        foreach (SummaryArticle article in articles)
        {
            PreparedArticle prepared = SummarizationTask.Prepare(analyzer, article);
            float[][] features = ExtractiveSummarizer.Features(prepared.Analyzed, CancellationToken.None);
            HashSet<string>[] references = prepared.References.Select(r => Bigrams(r.SelectMany(s => s).ToList())).ToArray();
            double[][] containment = prepared.Sentences.Select(s => Containment(s, references)).ToArray();
            examples.Add(new ArticleExamples(prepared, features, containment));
        }

        return examples;
    }

    /// <summary>A summarizer whose scorer for the corpus language (Arabic or English) is <paramref name="scorer"/>; the other language keeps its shipped one.</summary>
    public static ExtractiveSummarizer Summarizer(LinearSentenceScorer scorer, bool arabic) =>
        arabic ? new ExtractiveSummarizer(scorer, EnglishSentenceScorer.Model) : new ExtractiveSummarizer(ArabicSentenceScorer.Model, scorer);

    /// <summary>
    /// The label threshold with the best ROUGE-1 F in a 2-fold split of <paramref name="articles"/>
    /// (even and odd positions in the list), ties to the lower threshold; <paramref name="scores"/>
    /// gets each candidate's figure.
    /// </summary>
    public static double SelectThreshold(IReadOnlyList<ArticleExamples> articles, bool arabic, TrainingSettings settings, out IReadOnlyList<double> scores)
    {
        var figures = new double[s_thresholds.Length];
        for (int t = 0; t < s_thresholds.Length; t++)
        {
            double total = 0;
            for (int part = 0; part < 2; part++)
            {
                List<ArticleExamples> training = articles.Where((_, a) => a % 2 != part).ToList();
                ExtractiveSummarizer summarizer = Summarizer(Fit(training, s_thresholds[t], settings, out _), arabic);
                total += articles.Where((_, a) => a % 2 == part).Sum(a => SummarizationTask.Rouge1F(a.Article, summarizer));
            }

            figures[t] = total / Math.Max(1, articles.Count);
        }

        scores = figures;
        int best = 0;
        for (int t = 1; t < figures.Length; t++)
        {
            if (figures[t] > figures[best])
            {
                best = t;
            }
        }

        return s_thresholds[best];
    }

    /// <summary>Logistic regression with soft labels at one label threshold, each article weighing the same.</summary>
    public static LinearSentenceScorer Fit(IReadOnlyList<ArticleExamples> articles, double threshold, TrainingSettings settings, out double loss)
    {
        double[][] labels = articles.Select(a => a.Labels(threshold)).ToArray();
        int features = SentenceFeatures.Count;
        var weights = new double[features];
        double bias = 0;
        var gradient = new double[features];
        double totalWeight = Math.Max(1, labels.Count(l => l.Length > 0));
        loss = 0;
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            Array.Clear(gradient);
            double biasGradient = 0;
            loss = 0;
            for (int a = 0; a < articles.Count; a++)
            {
                double share = 1.0 / Math.Max(1, labels[a].Length) / totalWeight;
                for (int s = 0; s < labels[a].Length; s++)
                {
                    float[] x = articles[a].Features[s];
                    double z = bias;
                    for (int k = 0; k < features; k++)
                    {
                        z += weights[k] * x[k];
                    }

                    double p = 1 / (1 + Math.Exp(-z));
                    double y = labels[a][s];
                    double error = (p - y) * share;
                    for (int k = 0; k < features; k++)
                    {
                        gradient[k] += error * x[k];
                    }

                    biasGradient += error;
                    loss -= share * ((y * Math.Log(Math.Max(p, 1e-12))) + ((1 - y) * Math.Log(Math.Max(1 - p, 1e-12))));
                }
            }

            for (int k = 0; k < features; k++)
            {
                weights[k] -= settings.LearningRate * (gradient[k] + (settings.L2 * weights[k]));
            }

            bias -= settings.LearningRate * biasGradient;
        }

        return new LinearSentenceScorer(weights.Select(w => (float)Math.Round(w, 4)).ToArray(), (float)Math.Round(bias, 4));
    }

    /// <summary>For each reference, the share of the sentence's bigrams it contains (0 for a sentence without words).</summary>
    private static double[] Containment(IReadOnlyList<string> sentence, HashSet<string>[] references)
    {
        HashSet<string> bigrams = Bigrams(sentence);
        return references.Select(r => bigrams.Count == 0 ? 0 : bigrams.Count(r.Contains) / (double)bigrams.Count).ToArray();
    }

    /// <summary>A token sequence's bigrams; a one-token sequence is its own unigram.</summary>
    private static HashSet<string> Bigrams(IReadOnlyList<string> tokens)
    {
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        if (tokens.Count == 1)
        {
            bigrams.Add(tokens[0]);
        }

        for (int t = 1; t < tokens.Count; t++)
        {
            bigrams.Add(tokens[t - 1] + " " + tokens[t]);
        }

        return bigrams;
    }

    private static string CSharp(LinearSentenceScorer scorer, bool arabic, int articles, double threshold, TrainingSettings settings)
    {
        var text = new StringBuilder();
        text.Append("// Generated by `train-summarizer` (tests/GrpcNlp.Evaluation) from ").Append(articles)
            .Append(arabic ? " EASC" : " BBC News Summary").Append(" articles; retrain rather than edit. See SOURCE.md.\n");
        text.Append("namespace GrpcNlp.Core.Summarization;\n\n");
        text.Append("/// <summary>The learned scorer of ").Append(arabic ? "Arabic" : "English").Append(" sentences (logistic regression over <see cref=\"SentenceFeatures\"/>).</summary>\n");
        text.Append("internal static class ").Append(arabic ? "Arabic" : "English").Append("SentenceScorer\n{\n");
        text.Append(CultureInfo.InvariantCulture, $"    /// <summary>Weights in <see cref=\"SentenceFeatures.Names\"/> order, and the bias (label threshold {threshold:F2}, {settings.Iterations} iterations, L2 {settings.L2}).</summary>\n");
        text.Append("    public static LinearSentenceScorer Model { get; } = new(\n        [\n");
        for (int k = 0; k < scorer.Weights.Length; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $"            {scorer.Weights[k].ToString("R", CultureInfo.InvariantCulture)}f, // {SentenceFeatures.Names[k]}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"        ],\n        {scorer.Bias.ToString("R", CultureInfo.InvariantCulture)}f);\n}}\n");
        return text.ToString();
    }
}

/// <summary>One article with its sentences' features and, per sentence and reference, the share of the sentence's bigrams the reference contains.</summary>
internal sealed record ArticleExamples(PreparedArticle Article, float[][] Features, double[][] Containment)
{
    /// <summary>Each sentence's label: the share of the references that contain at least <paramref name="threshold"/> of its bigrams.</summary>
    public double[] Labels(double threshold) =>
        Containment.Select(c => c.Length == 0 ? 0 : c.Count(share => share > 0 && share >= threshold) / (double)c.Length).ToArray();
}

/// <summary>Gradient descent settings of <see cref="TrainSummarizerTask.Fit"/>.</summary>
internal sealed record TrainingSettings(int Iterations, double L2)
{
    public static TrainingSettings Default { get; } = new(3000, 0.001);

    /// <summary>Step size; the features are in [0, 1], so a unit step is stable.</summary>
    public double LearningRate => 1.0;
}
