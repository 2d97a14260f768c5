using System.CommandLine;
using System.Globalization;
using System.Text;
using GrpcNlp.Core.Normalization;
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
/// contained when at least <see cref="ContainedShare"/> of its ROUGE-token bigrams occur in the
/// reference. Each article weighs the same (its sentences share weight 1), as ROUGE averages over
/// articles. Full-batch gradient descent from zero weights in a fixed order: the same data give
/// the same weights on every machine.
/// </remarks>
internal static class TrainSummarizerTask
{
    /// <summary>Share of a sentence's bigrams a reference must contain for the sentence to count as selected.</summary>
    private const double ContainedShare = 0.6;

    public static Command Create()
    {
        var easc = new Option<DirectoryInfo?>("--easc") { Description = "EASC folder (Articles/, MTurk/): trains the Arabic scorer" };
        var bbc = new Option<DirectoryInfo?>("--bbc") { Description = "BBC News Summary folder: trains a scorer for English (not shipped; for comparison)" };
        var output = new Option<FileInfo?>("--out") { Description = "C# file to write the scorer to (src/GrpcNlp.Core/Summarization/ArabicSentenceScorer.cs)" };
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
            LinearSentenceScorer scorer = Fit(Examples(articles), settings, out double loss);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count} articles, {settings.Iterations} iterations, L2 {settings.L2}: weighted log loss {loss:F4}"));
            for (int k = 0; k < SentenceFeatures.Count; k++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{SentenceFeatures.Names[k],-12} {scorer.Weights[k],9:F4}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"bias",-12} {scorer.Bias,9:F4}"));
            FileInfo? file = parse.GetValue(output);
            if (file is not null)
            {
                File.WriteAllText(file.FullName, CSharp(scorer, articles.Count, settings));
                Console.WriteLine($"Wrote {file.Name}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Features and labels of every article's sentences.</summary>
    public static List<ArticleExamples> Examples(IReadOnlyList<SummaryArticle> articles)
    {
        var analyzer = new TextAnalyzer();
        var examples = new List<ArticleExamples>(articles.Count);
        foreach (SummaryArticle article in articles)
        {
            AnalyzedText analyzed = analyzer.Analyze(article.Text, article.Language, NormalizationOptions.Search);
            float[][] features = ExtractiveSummarizer.Features(analyzed, CancellationToken.None);
            List<string>[] sentences = analyzed.Sentences.Select(s => SummarizationTask.RougeTokens(analyzed, s.FirstToken, s.TokenCount)).ToArray();
            HashSet<string>[] references = article.References
                .Select(r => analyzer.Analyze(r, article.Language, NormalizationOptions.Search))
                .Select(r => Bigrams(SummarizationTask.RougeTokens(r, 0, r.Tokens.Count)))
                .ToArray();
            double[] labels = sentences.Select(s => Label(s, references)).ToArray();
            examples.Add(new ArticleExamples(features, labels));
        }

        return examples;
    }

    /// <summary>Logistic regression with soft labels, each article weighing the same.</summary>
    public static LinearSentenceScorer Fit(IReadOnlyList<ArticleExamples> articles, TrainingSettings settings, out double loss)
    {
        int features = SentenceFeatures.Count;
        var weights = new double[features];
        double bias = 0;
        var gradient = new double[features];
        double totalWeight = articles.Count(a => a.Labels.Length > 0);
        loss = 0;
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            Array.Clear(gradient);
            double biasGradient = 0;
            loss = 0;
            foreach (ArticleExamples article in articles)
            {
                double share = 1.0 / Math.Max(1, article.Labels.Length) / totalWeight;
                for (int s = 0; s < article.Labels.Length; s++)
                {
                    float[] x = article.Features[s];
                    double z = bias;
                    for (int k = 0; k < features; k++)
                    {
                        z += weights[k] * x[k];
                    }

                    double p = 1 / (1 + Math.Exp(-z));
                    double y = article.Labels[s];
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

    /// <summary>Share of the references that contain the sentence.</summary>
    private static double Label(List<string> sentence, HashSet<string>[] references)
    {
        HashSet<string> bigrams = Bigrams(sentence);
        if (bigrams.Count == 0 || references.Length == 0)
        {
            return 0;
        }

        int containing = references.Count(r => bigrams.Count(r.Contains) >= ContainedShare * bigrams.Count);
        return containing / (double)references.Length;
    }

    /// <summary>A token sequence's bigrams; a one-token sequence is its own unigram.</summary>
    private static HashSet<string> Bigrams(List<string> tokens)
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

    private static string CSharp(LinearSentenceScorer scorer, int articles, TrainingSettings settings)
    {
        var text = new StringBuilder();
        text.Append("// Generated by `train-summarizer` (tests/GrpcNlp.Evaluation) from ").Append(articles)
            .Append(" EASC articles; retrain rather than edit. See SOURCE.md.\n");
        text.Append("namespace GrpcNlp.Core.Summarization;\n\n");
        text.Append("/// <summary>The learned scorer of Arabic sentences (logistic regression over <see cref=\"SentenceFeatures\"/>).</summary>\n");
        text.Append("internal static class ArabicSentenceScorer\n{\n");
        text.Append(CultureInfo.InvariantCulture, $"    /// <summary>Weights in <see cref=\"SentenceFeatures.Names\"/> order, and the bias ({settings.Iterations} iterations, L2 {settings.L2}).</summary>\n");
        text.Append("    public static LinearSentenceScorer Model { get; } = new(\n        [\n");
        for (int k = 0; k < scorer.Weights.Length; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $"            {scorer.Weights[k].ToString("R", CultureInfo.InvariantCulture)}f, // {SentenceFeatures.Names[k]}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"        ],\n        {scorer.Bias.ToString("R", CultureInfo.InvariantCulture)}f);\n}}\n");
        return text.ToString();
    }
}

/// <summary>One article's sentence features and labels (share of references containing each sentence).</summary>
internal sealed record ArticleExamples(float[][] Features, double[] Labels);

/// <summary>Gradient descent settings of <see cref="TrainSummarizerTask.Fit"/>.</summary>
internal sealed record TrainingSettings(int Iterations, double L2)
{
    public static TrainingSettings Default { get; } = new(3000, 0.001);

    /// <summary>Step size; the features are in [0, 1], so a unit step is stable.</summary>
    public double LearningRate => 1.0;
}
