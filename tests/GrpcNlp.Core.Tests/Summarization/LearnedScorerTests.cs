using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;
using GrpcNlp.Core.Tests.Entities;

namespace GrpcNlp.Core.Tests.Summarization;

public sealed class LearnedScorerTests
{
    // Made up: a report on a new bridge; the fourth sentence is short and the fifth is all figures.
    private const string Story =
        "افتتحت الحكومة جسرا جديدا يربط ضفتي النهر في العاصمة.\n" +
        "ويختصر الجسر الجديد زمن الرحلة بين ضفتي النهر إلى عشر دقائق.\n" +
        "وقال وزير النقل إن الجسر سيخفف الزحام في وسط العاصمة.\n" +
        "وصفق الحضور.\n" +
        "وبلغت الكلفة 120 مليونا في 2024 و 2025.";

    private static float[][] Features(string text) =>
        ExtractiveSummarizer.Features(RealAnalyzer.Analyze(text, "ar"), TestContext.Current.CancellationToken);

    [Fact]
    public void One_row_of_bounded_features_per_sentence()
    {
        float[][] rows = Features(Story);
        Assert.Equal(5, rows.Length);
        Assert.All(rows, row => Assert.Equal(SentenceFeatures.Count, row.Length));
        Assert.All(rows, row => Assert.All(row, value => Assert.InRange(value, 0f, 1.0001f)));
    }

    [Fact]
    public void Features_say_what_they_name()
    {
        float[][] rows = Features(Story);
        int Feature(string name) => Array.IndexOf(SentenceFeatures.Names, name);

        Assert.Equal(1f, rows[0][Feature("first")]);
        Assert.Equal(0f, rows[1][Feature("first")]);
        Assert.Equal(1f, rows[1][Feature("second")]);
        Assert.Equal(0f, rows[0][Feature("relative")]);
        Assert.Equal(1f, rows[4][Feature("relative")]);
        Assert.True(rows[0][Feature("lead")] > rows[1][Feature("lead")]);
        Assert.Equal(1f, rows[3][Feature("short")]);
        Assert.Equal(0f, rows[1][Feature("short")]);
        Assert.True(rows[4][Feature("numbers")] > 0.3f);
        Assert.Equal(0f, rows[0][Feature("numbers")]);
        Assert.All(rows, row => Assert.Equal(1f, row[Feature("paragraph")]));

        // The bridge sentences share words with the opening one; the applause shares none.
        Assert.Equal(1f, rows[0][Feature("near_first")]);
        Assert.True(rows[1][Feature("near_first")] > rows[3][Feature("near_first")]);
        Assert.True(rows[1][Feature("centroid")] > rows[3][Feature("centroid")]);
        Assert.Equal(1f, rows.Max(row => row[Feature("centrality")]));
    }

    [Fact]
    public void Linear_scorer_is_a_logistic_of_the_weighted_sum()
    {
        var scorer = new LinearSentenceScorer([2f, -1f], 0.5f);
        Assert.Equal(1f / (1f + MathF.Exp(-1.5f)), scorer.Score([1f, 1f]), 5);
        Assert.Equal(0.5f, new LinearSentenceScorer([1f], 0f).Score([0f]), 5);
        Assert.True(scorer.Score([1f, 0f]) > scorer.Score([0f, 1f]));
    }

    [Fact]
    public void A_given_scorer_decides_the_arabic_summary()
    {
        AnalyzedText[] documents = [RealAnalyzer.Analyze(Story, "ar")];
        var options = new SummaryOptions { MaxSentences = 1 };

        // A scorer that only likes numbers picks the sentence of figures; one that only likes the
        // opening picks the first sentence.
        var numbers = new float[SentenceFeatures.Count];
        numbers[Array.IndexOf(SentenceFeatures.Names, "numbers")] = 5f;
        var first = new float[SentenceFeatures.Count];
        first[Array.IndexOf(SentenceFeatures.Names, "first")] = 5f;
        SummaryResult byNumbers = new ExtractiveSummarizer(new LinearSentenceScorer(numbers, 0f), null).Summarize(documents, options, TestContext.Current.CancellationToken);
        SummaryResult byFirst = new ExtractiveSummarizer(new LinearSentenceScorer(first, 0f), null).Summarize(documents, options, TestContext.Current.CancellationToken);
        Assert.Equal(4, Assert.Single(byNumbers.Sentences).SentenceIndex);
        Assert.Equal(0, Assert.Single(byFirst.Sentences).SentenceIndex);

        // The shipped Arabic scorer keeps the opening and drops the two-word sentence.
        SummaryResult shipped = new ExtractiveSummarizer().Summarize(documents, new SummaryOptions { MaxSentences = 3 }, TestContext.Current.CancellationToken);
        Assert.Contains(shipped.Sentences, s => s.SentenceIndex == 0);
        Assert.DoesNotContain(shipped.Sentences, s => s.SentenceIndex == 3);
    }

    [Fact]
    public void English_has_a_learned_scorer_and_other_languages_keep_the_hand_set_weights()
    {
        const string text = "The council opened a new bridge over the river.\nThe bridge cuts the trip across the river to ten minutes.\nIt cost 120 million in 2024 and 2025.";
        var options = new SummaryOptions { MaxSentences = 3, Order = SummaryOrder.Score };
        var handSet = new ExtractiveSummarizer(null, null);
        var shipped = new ExtractiveSummarizer();
        float[] Scores(ExtractiveSummarizer summarizer, string language) =>
            summarizer.Summarize([RealAnalyzer.Analyze(text, language)], options, TestContext.Current.CancellationToken).Sentences.Select(s => s.Score).ToArray();

        Assert.NotEqual(Scores(handSet, "en"), Scores(shipped, "en"));
        Assert.NotEqual(Scores(handSet, "en-GB"), Scores(shipped, "en-GB"));
        Assert.Equal(Scores(handSet, "fr"), Scores(shipped, "fr"));
        Assert.Equal(Scores(handSet, "eng"), Scores(shipped, "eng"));

        // A given English scorer decides: one that only likes numbers picks the sentence of figures.
        var numbers = new float[SentenceFeatures.Count];
        numbers[Array.IndexOf(SentenceFeatures.Names, "numbers")] = 5f;
        SummaryResult byNumbers = new ExtractiveSummarizer(null, new LinearSentenceScorer(numbers, 0f))
            .Summarize([RealAnalyzer.Analyze(text, "en")], new SummaryOptions { MaxSentences = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(2, Assert.Single(byNumbers.Sentences).SentenceIndex);
    }
}
