using GrpcNlp.Core.Tokenization;
using GrpcNlp.Core.Tokenization.Training;

namespace GrpcNlp.Evaluation;

/// <summary>
/// CoNLL-U gold as training data for the sentence boundary model, and the split by document into
/// two halves that gives its held-out figure: documents (<c># newdoc</c>) alternate between the
/// halves in file order, so each half has every genre.
/// </summary>
internal static class SentenceBoundaryData
{
    /// <summary>Perceptron epochs of the shipped model and of the held-out runs.</summary>
    public const int Epochs = 10;

    /// <summary>Features seen fewer times than this in training are dropped.</summary>
    public const int MinCount = 2;

    /// <summary>Seed of the order in which each epoch of the first perceptron visits the examples; the next ones take the next seeds.</summary>
    public const int Seed = 1;

    /// <summary>Perceptrons (one per seed) whose mean is the model.</summary>
    public const int Models = 5;

    /// <summary>The lines of each document (from one <c># newdoc</c> to the next), in file order.</summary>
    public static List<List<string>> Documents(IEnumerable<string> lines)
    {
        var documents = new List<List<string>>();
        foreach (string line in lines)
        {
            if (documents.Count == 0 || line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                documents.Add([]);
            }

            documents[^1].Add(line);
        }

        return documents;
    }

    /// <summary>The documents of half <paramref name="half"/> (0 or 1): every other document, starting with the first or the second.</summary>
    public static ConlluDocument Half(List<List<string>> documents, int half) => Fold(documents, half, 2, inFold: true);

    /// <summary>
    /// Fold <paramref name="fold"/> of <paramref name="folds"/> (documents whose index modulo
    /// <paramref name="folds"/> is <paramref name="fold"/>), or, with <paramref name="inFold"/> false, every other document.
    /// </summary>
    public static ConlluDocument Fold(List<List<string>> documents, int fold, int folds, bool inFold) =>
        ConlluDocument.Parse(documents.Where((_, index) => index % folds == fold == inFold).SelectMany(d => d));

    /// <summary>Prints how <paramref name="model"/> decides the gaps of <paramref name="gold"/> it scores.</summary>
    public static void PrintGapScores(ConlluDocument gold, string language, SentenceBoundaryModel model)
    {
        List<BoundaryExample> examples = SentenceBoundaryTrainer.Collect([ToTrainingText(gold)], SentenceRules.For(language), out _);
        int right = 0, wrong = 0, missed = 0;
        foreach (BoundaryExample example in examples)
        {
            bool predicted = model.Score(example.Features) > 0;
            right += predicted && example.Boundary ? 1 : 0;
            wrong += predicted && !example.Boundary ? 1 : 0;
            missed += !predicted && example.Boundary ? 1 : 0;
        }

        Console.WriteLine($"  gaps the model decides: {examples.Count}, {right + missed} of them gold boundaries; the model splits {right} of those, "
            + $"misses {missed}, and splits {wrong} others");
    }

    /// <summary>Trains a model on gold documents with the shipped settings.</summary>
    public static SentenceBoundaryModel Train(ConlluDocument gold, string language, bool verbose)
    {
        BoundaryTrainingText[] texts = [ToTrainingText(gold)];
        SentenceBoundaryModel model = SentenceBoundaryTrainer.Train(
            texts,
            SentenceRules.For(language),
            Epochs,
            MinCount,
            Seed,
            Models,
            out BoundaryTrainingCounts counts,
            verbose ? (model, epoch, errors) => Console.WriteLine($"model {model + 1}, epoch {epoch}: {errors} errors") : null);
        if (verbose)
        {
            Console.WriteLine($"{gold.Sentences.Count} gold sentences; {counts.Examples} gaps scored, {counts.Boundaries} of them boundaries; "
                + $"{counts.Unreachable} gold sentence starts the model cannot reach; {model.Weights.Count} features kept");
        }

        return model;
    }

    private static BoundaryTrainingText ToTrainingText(ConlluDocument gold) =>
        new(gold.Text, new WordTokenizer().Tokenize(gold.Text), gold.Sentences.Select(s => s.Start).ToHashSet());
}
