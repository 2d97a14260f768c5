namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Self-training of the entity tagger: train on the labelled sentences, tag unlabelled ones with that
/// model, keep the sentences it is surest of, and train again on both, the automatically labelled
/// ones with their own update size. Each round tags the unlabelled sentences anew with the model of
/// the round before.
/// </summary>
internal static class SelfTraining
{
    /// <summary>Tags every sentence of <paramref name="sentences"/> with its labels, its margin and its number of names.</summary>
    public static List<AutoLabelledSentence> Label(NerTagger tagger, IReadOnlyList<string[]> sentences)
    {
        var result = new List<AutoLabelledSentence>(sentences.Count);
        foreach (string[] words in sentences)
        {
            var labels = new int[words.Length];
            var margins = new float[words.Length];
            tagger.Tag(tagger.Prepare(words), labels, margins);
            // The decoder's BIO constraints make every name start with a B- label.
            int names = labels.Count(NerLabels.IsBegin);
            result.Add(new AutoLabelledSentence(words, labels, words.Length == 0 ? 0 : margins.Min(), names));
        }

        return result;
    }

    /// <summary>
    /// The sentences to train on: among those with at least one name (or all, unless
    /// <paramref name="namesOnly"/>), the fraction <paramref name="keep"/> (rounded up) with the
    /// largest margins, ties by position, returned in their input order.
    /// </summary>
    public static List<AutoLabelledSentence> Select(IReadOnlyList<AutoLabelledSentence> labelled, double keep, bool namesOnly)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keep, 1.0);
        var candidates = Enumerable.Range(0, labelled.Count)
            .Where(s => labelled[s].Words.Length > 0 && (!namesOnly || labelled[s].Names > 0))
            .ToList();
        int count = (int)Math.Ceiling(keep * candidates.Count);
        return [.. candidates
            .OrderByDescending(s => labelled[s].Margin)
            .ThenBy(s => s)
            .Take(count)
            .Order()
            .Select(s => labelled[s])];
    }

    /// <summary>
    /// Trains with <paramref name="train"/> on <paramref name="data"/> (per sentence update sizes
    /// <paramref name="weights"/>), then <see cref="SelfTrainingOptions.Rounds"/> times: labels
    /// <paramref name="unlabelled"/> with the latest model, selects (<see cref="Select"/>) and trains
    /// again on <paramref name="data"/> followed by the selected sentences at
    /// <see cref="SelfTrainingOptions.Weight"/>.
    /// </summary>
    /// <param name="train">Trains a model on sentences (words, label ids) with per-sentence update sizes.</param>
    /// <param name="data">The labelled sentences.</param>
    /// <param name="weights">Their update sizes.</param>
    /// <param name="unlabelled">The sentences to label (words).</param>
    /// <param name="options">Rounds, selection and weight.</param>
    /// <param name="progress">Receives each round's number and the sentences it kept among all it labelled.</param>
    public static NerModel Train(
        Func<IReadOnlyList<(string[] Words, int[] Labels)>, IReadOnlyList<float>, NerModel> train,
        IReadOnlyList<(string[] Words, int[] Labels)> data,
        IReadOnlyList<float> weights,
        IReadOnlyList<string[]> unlabelled,
        SelfTrainingOptions options,
        Action<int, IReadOnlyList<AutoLabelledSentence>, IReadOnlyList<AutoLabelledSentence>>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Count, data.Count);
        NerModel model = train(data, weights);
        for (int round = 1; round <= options.Rounds; round++)
        {
            List<AutoLabelledSentence> labelled = Label(new NerTagger(model), unlabelled);
            List<AutoLabelledSentence> kept = Select(labelled, options.Keep, options.NamesOnly);
            progress?.Invoke(round, labelled, kept);
            var combined = new List<(string[] Words, int[] Labels)>(data.Count + kept.Count);
            combined.AddRange(data);
            combined.AddRange(kept.Select(k => (k.Words, k.Labels)));
            var combinedWeights = new List<float>(combined.Count);
            combinedWeights.AddRange(weights);
            combinedWeights.AddRange(Enumerable.Repeat(options.Weight, kept.Count));
            model = train(combined, combinedWeights);
        }

        return model;
    }
}

/// <summary>How <see cref="SelfTraining.Train"/> labels, selects and weighs.</summary>
/// <param name="Rounds">Rounds of labelling and retraining (0: the labelled data alone).</param>
/// <param name="Keep">Fraction (0, 1] of the candidate sentences kept, the most confident first.</param>
/// <param name="NamesOnly">Whether only sentences in which the model found a name are candidates.</param>
/// <param name="Weight">Update size of the kept sentences (labelled data: as given).</param>
internal sealed record SelfTrainingOptions(int Rounds, double Keep, bool NamesOnly, float Weight);

/// <summary>A sentence the tagger labelled.</summary>
/// <param name="Words">Its words.</param>
/// <param name="Labels">The tagger's label ids.</param>
/// <param name="Margin">
/// The score of the best label sequence less that of the second best (the smallest per-word margin
/// of <see cref="ViterbiMargins"/>): how sure the tagger is of the whole sentence.
/// </param>
/// <param name="Names">Names in <paramref name="Labels"/>.</param>
internal sealed record AutoLabelledSentence(string[] Words, int[] Labels, float Margin, int Names);
