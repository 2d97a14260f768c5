using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class SelfTrainingTests
{
    private static readonly int s_bPer = NerLabels.Parse("B-PER");

    // Unlabelled sentences written for these tests: names the training sentences lack, in their frames.
    private static readonly string[][] s_unlabelled =
    [
        ["Minister", "Sara", "Nasser", "visited", "Amman", "today", "."],
        ["The", "committee", "met", "again", "."],
        ["Omar", "Saleh", "left", "Cairo", "for", "Beirut", "."],
    ];

    private static NerModel Train(IReadOnlyList<(string[] Words, int[] Labels)> data, IReadOnlyList<float> weights) =>
        new PerceptronTrainer().Train("en", data, StemmerNames.Proclitic, epochs: 8, seed: 1, minWeight: 0f, nameListFolds: 0, minCount: 1, weights: weights);

    [Fact]
    public void Select_keeps_the_surest_fraction_of_the_sentences_with_names_in_input_order()
    {
        AutoLabelledSentence[] labelled =
        [
            Sentence(margin: 5f, names: 1),
            Sentence(margin: 9f, names: 0),
            Sentence(margin: 1f, names: 2),
            Sentence(margin: 7f, names: 1),
            Sentence(margin: 3f, names: 1),
        ];

        // Four candidates with names; half of them are the margins 7 and 5, returned in input order.
        Assert.Equal([labelled[0], labelled[3]], SelfTraining.Select(labelled, keep: 0.5, namesOnly: true));

        // A fraction rounds up: a third of four is two sentences.
        Assert.Equal(2, SelfTraining.Select(labelled, keep: 1.0 / 3, namesOnly: true).Count);

        // Without the filter the nameless sentence competes too, and its margin is the largest.
        Assert.Equal([labelled[0], labelled[1], labelled[3]], SelfTraining.Select(labelled, keep: 0.6, namesOnly: false));
        Assert.Equal(4, SelfTraining.Select(labelled, keep: 1, namesOnly: true).Count);
    }

    [Fact]
    public void Select_breaks_ties_by_position_and_never_keeps_an_empty_sentence()
    {
        AutoLabelledSentence[] labelled =
        [
            new([], [], 0f, 0),
            Sentence(margin: 4f, names: 1),
            Sentence(margin: 4f, names: 1),
            Sentence(margin: 4f, names: 1),
        ];

        Assert.Equal([labelled[1], labelled[2]], SelfTraining.Select(labelled, keep: 0.5, namesOnly: true));
        Assert.DoesNotContain(labelled[0], SelfTraining.Select(labelled, keep: 1, namesOnly: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => SelfTraining.Select(labelled, keep: 0, namesOnly: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => SelfTraining.Select(labelled, keep: 1.5, namesOnly: true));
    }

    [Fact]
    public void Label_gives_the_taggers_labels_its_names_and_the_smallest_word_margin()
    {
        NerModel model = Train(TaggerTestData.Data(), Enumerable.Repeat(1f, TaggerTestData.Data().Count).ToList());
        List<AutoLabelledSentence> labelled = SelfTraining.Label(new NerTagger(model), s_unlabelled);

        Assert.Equal(s_unlabelled.Length, labelled.Count);
        var tagger = new NerTagger(model);
        for (int s = 0; s < s_unlabelled.Length; s++)
        {
            int[] expected = TaggerTestData.Tag(model, s_unlabelled[s]);
            Assert.Equal(expected, labelled[s].Labels);
            Assert.Equal(expected.Count(NerLabels.IsBegin), labelled[s].Names);

            var labels = new int[expected.Length];
            var margins = new float[expected.Length];
            tagger.Tag(tagger.Prepare(s_unlabelled[s]), labels, margins);
            Assert.Equal(margins.Min(), labelled[s].Margin);
            Assert.All(margins, m => Assert.True(m >= 0));
        }

        // A person of the training sentences is found again; the sentence of common words has no name.
        Assert.Equal(s_bPer, labelled[2].Labels[0]);
        Assert.Equal(0, labelled[1].Names);
    }

    [Fact]
    public void Train_adds_the_kept_sentences_with_their_weight_after_the_labelled_data_each_round()
    {
        List<(string[] Words, int[] Labels)> data = TaggerTestData.Data();
        float[] weights = [.. Enumerable.Repeat(1f, data.Count)];
        var calls = new List<(IReadOnlyList<(string[] Words, int[] Labels)> Data, IReadOnlyList<float> Weights)>();
        var rounds = new List<int>();
        NerModel Recording(IReadOnlyList<(string[] Words, int[] Labels)> sentences, IReadOnlyList<float> sentenceWeights)
        {
            calls.Add(([.. sentences], [.. sentenceWeights]));
            return Train(sentences, sentenceWeights);
        }

        NerModel model = SelfTraining.Train(Recording, data, weights, s_unlabelled, new SelfTrainingOptions(Rounds: 2, Keep: 1, NamesOnly: true, Weight: 0.25f), (round, _, kept) =>
        {
            rounds.Add(round);
            Assert.All(kept, k => Assert.True(k.Names > 0));
        });

        // The labelled data alone, then once per round.
        Assert.Equal(3, calls.Count);
        Assert.Equal([1, 2], rounds);
        Assert.Equal(data.Count, calls[0].Data.Count);
        Assert.Equal(weights, calls[0].Weights);
        foreach ((IReadOnlyList<(string[] Words, int[] Labels)> sentences, IReadOnlyList<float> sentenceWeights) in calls.Skip(1))
        {
            // The sentence without a name is never kept; the two with names are, after the labelled data.
            Assert.Equal(data.Count + 2, sentences.Count);
            Assert.Equal(data, sentences.Take(data.Count));
            Assert.Equal(s_unlabelled[0], sentences[data.Count].Words);
            Assert.Equal(s_unlabelled[2], sentences[data.Count + 1].Words);
            Assert.Equal([.. weights, 0.25f, 0.25f], sentenceWeights);
        }

        // The second round labels with the first round's model: its labels are that model's.
        Assert.Equal(TaggerTestData.Tag(Train(calls[1].Data, calls[1].Weights), s_unlabelled[0]), calls[2].Data[data.Count].Labels);
        Assert.Equal(TaggerTestData.Save(Train(calls[2].Data, calls[2].Weights)), TaggerTestData.Save(model));
    }

    [Fact]
    public void Without_rounds_the_model_is_trained_on_the_labelled_data_alone()
    {
        List<(string[] Words, int[] Labels)> data = TaggerTestData.Data();
        float[] weights = [.. Enumerable.Repeat(1f, data.Count)];
        int calls = 0;
        NerModel model = SelfTraining.Train((d, w) => { calls++; return Train(d, w); }, data, weights, s_unlabelled, new SelfTrainingOptions(0, 0.5, true, 1f));

        Assert.Equal(1, calls);
        Assert.Equal(TaggerTestData.Save(Train(data, weights)), TaggerTestData.Save(model));
    }

    private static AutoLabelledSentence Sentence(float margin, int names) =>
        new(["word"], [NerLabels.Outside], margin, names);
}
