using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;
using GrpcNlp.Core.Tests.Entities;

namespace GrpcNlp.Core.Tests.Summarization;

public sealed class ExtractiveSummarizerTests
{
    // A small made-up story: most sentences are about a new water plant; one is off topic.
    private const string Story =
        "افتتحت البلدية محطة جديدة لتحلية المياه في المدينة الساحلية. " +
        "وتنتج محطة تحلية المياه الجديدة كميات كبيرة من المياه العذبة للسكان. " +
        "وقال مدير المحطة إن تحلية المياه ستخفف أزمة المياه في المدينة. " +
        "وفاز فريق كرة السلة المحلي بالبطولة الإقليمية بعد مباراة مثيرة. " +
        "وتعتمد المحطة على الطاقة الشمسية لتشغيل معدات تحلية المياه. " +
        "ويأمل السكان أن تصل المياه العذبة إلى جميع الأحياء قريبا.";

    private const string EnglishStory =
        "The city council opened a new library in the old market district. " +
        "The library offers free books, study rooms and evening classes for residents. " +
        "Residents said the new library gives the market district a quiet place to study. " +
        "A local cyclist won a mountain race in a neighbouring country. " +
        "The council plans to extend library opening hours next spring.";

    private static readonly ExtractiveSummarizer s_summarizer = new();

    private static SummaryResult Summarize(SummaryOptions options, params string[] texts) =>
        s_summarizer.Summarize(texts.Select(t => HandAnalyzer.Analyze(t)).ToArray(), options, TestContext.Current.CancellationToken);

    [Fact]
    public void Empty_input_gives_empty_result()
    {
        SummaryResult result = Summarize(new SummaryOptions());
        Assert.Empty(result.Sentences);
        Assert.Equal(0, result.TotalSentences);
        Assert.Empty(Summarize(new SummaryOptions(), string.Empty).Sentences);
    }

    [Theory]
    [InlineData(1, 0f, 0)]
    [InlineData(2, 0f, 0)]
    [InlineData(5, 0.34f, 0)]
    [InlineData(5, 0f, 160)]
    [InlineData(5, 0f, 5)]
    public void Bounds_are_respected(int maxSentences, float ratio, int maxCharacters)
    {
        var options = new SummaryOptions { MaxSentences = maxSentences, Ratio = ratio, MaxCharacters = maxCharacters };
        SummaryResult result = Summarize(options, Story);
        Assert.Equal(6, result.TotalSentences);
        Assert.NotEmpty(result.Sentences);
        Assert.True(result.Sentences.Count <= maxSentences);
        if (ratio > 0f)
        {
            Assert.True(result.Sentences.Count <= (int)Math.Ceiling(ratio * 6));
        }

        if (maxCharacters > 0 && result.Sentences.Count > 1)
        {
            Assert.True(result.Sentences.Sum(s => s.Span.Length) <= maxCharacters);
        }
    }

    [Theory]
    [InlineData(Story)]
    [InlineData(EnglishStory)]
    public void Central_sentences_beat_the_off_topic_one(string text)
    {
        SummaryResult result = Summarize(new SummaryOptions { MaxSentences = 3 }, text);
        Assert.Equal(3, result.Sentences.Count);
        Assert.DoesNotContain(result.Sentences, s => s.SentenceIndex == 3);
    }

    [Theory]
    [InlineData(Story, "ar")]
    [InlineData(EnglishStory, "en")]
    public void Central_sentences_win_with_the_real_tokenizer(string text, string language)
    {
        AnalyzedText[] documents = [RealAnalyzer.Analyze(text, language)];
        SummaryResult result = s_summarizer.Summarize(documents, new SummaryOptions { MaxSentences = 3 }, TestContext.Current.CancellationToken);
        Assert.Equal(3, result.Sentences.Count);
        Assert.DoesNotContain(result.Sentences, s => s.SentenceIndex == 3);
    }

    [Fact]
    public void A_summary_does_not_depend_on_the_calls_before_it_on_the_same_thread()
    {
        // The summarizer keeps its working arrays per thread: a call after larger and different
        // ones must give what a first call on a fresh thread gives.
        var options = new SummaryOptions { MaxSentences = 3 };
        string[][] inputs = [[EnglishStory], [Story, EnglishStory, Story], [Story], [EnglishStory]];
        string Describe(SummaryResult result) =>
            string.Join(";", result.Sentences.Select(s => $"{s.DocumentIndex}:{s.SentenceIndex}:{s.Score:R}")) + $"|{result.TotalSentences}";

        var fresh = new List<string>();
        foreach (string[] input in inputs)
        {
            string? described = null;
            var thread = new Thread(() => described = Describe(Summarize(options, input)));
            thread.Start();
            thread.Join();
            fresh.Add(described!);
        }

        var reused = new List<string>();
        var sameThread = new Thread(() =>
        {
            foreach (string[] input in inputs)
            {
                reused.Add(Describe(Summarize(options, input)));
            }
        });
        sameThread.Start();
        sameThread.Join();

        Assert.Equal(fresh, reused);
    }

    [Fact]
    public void Identical_sentences_from_two_documents_are_not_both_chosen()
    {
        SummaryResult result = Summarize(new SummaryOptions { MaxSentences = 6, RedundancyWeight = 0f }, Story, Story);
        Assert.Equal(12, result.TotalSentences);
        var texts = result.Sentences.Select(s => Story[s.Span.Start..s.Span.End]).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Fact]
    public void Document_order_and_score_order()
    {
        SummaryResult byDocument = Summarize(new SummaryOptions { MaxSentences = 3, Order = SummaryOrder.Document }, Story, EnglishStory);
        Assert.Equal(byDocument.Sentences.OrderBy(s => s.DocumentIndex).ThenBy(s => s.SentenceIndex), byDocument.Sentences);
        SummaryResult byScore = Summarize(new SummaryOptions { MaxSentences = 3, Order = SummaryOrder.Score }, Story, EnglishStory);
        Assert.Equal(byScore.Sentences.OrderByDescending(s => s.Score), byScore.Sentences);
        Assert.Equal(byDocument.Sentences.ToHashSet(), byScore.Sentences.ToHashSet());
    }

    [Fact]
    public void Spans_slice_the_sentences_of_their_documents()
    {
        AnalyzedText[] documents = [HandAnalyzer.Analyze(Story), HandAnalyzer.Analyze(EnglishStory, "en")];
        SummaryResult result = s_summarizer.Summarize(documents, new SummaryOptions { MaxSentences = 4 }, TestContext.Current.CancellationToken);
        foreach (SummarySentence sentence in result.Sentences)
        {
            Assert.Equal(documents[sentence.DocumentIndex].Sentences[sentence.SentenceIndex].Span, sentence.Span);
        }
    }

    [Fact]
    public void Deterministic()
    {
        var options = new SummaryOptions { MaxSentences = 4, RedundancyWeight = 0.5f };
        Assert.Equal(Summarize(options, Story, EnglishStory).Sentences, Summarize(options, Story, EnglishStory).Sentences);
    }

    [Fact]
    public void Large_input_uses_the_bounded_graph()
    {
        // Generated sentences over a small vocabulary, more than the full-graph limit.
        string[] words = ["مياه", "محطة", "طاقة", "مدينة", "سكان", "بلدية", "شمس", "بحر", "ملح", "مصنع", "شارع", "مدرسة"];
        var random = new Random(7);
        var text = new System.Text.StringBuilder();
        for (int s = 0; s < 2100; s++)
        {
            for (int w = 0; w < 6; w++)
            {
                text.Append(words[random.Next(words.Length)]).Append(' ');
            }

            text.Append(". ");
        }

        SummaryResult result = Summarize(new SummaryOptions { MaxSentences = 5 }, text.ToString());
        Assert.Equal(2100, result.TotalSentences);
        Assert.InRange(result.Sentences.Count, 1, 5);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Summarize(new SummaryOptions { Ratio = 1.5f }, Story));
        Assert.Throws<ArgumentOutOfRangeException>(() => Summarize(new SummaryOptions { MaxSentences = -1 }, Story));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        AnalyzedText[] documents = [HandAnalyzer.Analyze(Story)];
        Assert.Throws<OperationCanceledException>(() => s_summarizer.Summarize(documents, new SummaryOptions(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Stop_words_and_proclitics_are_not_content()
    {
        var stopWords = GrpcNlp.Core.Entities.Lexicons.StopWords;
        Assert.Null(LightStemmer.ContentTerm("وفي", stopWords));
        Assert.Null(LightStemmer.ContentTerm("the", stopWords));
        Assert.Null(LightStemmer.ContentTerm("x", stopWords));
    }

    [Theory]
    [InlineData("بلدية", "بلد")]
    [InlineData("والمدينة", "مدين")]
    [InlineData("المدينة", "مدين")]
    [InlineData("للمدينة", "مدين")]
    [InlineData("المعلمون", "معلم")]
    [InlineData("المعلمين", "معلم")]
    [InlineData("ومحطات", "محط")]
    [InlineData("بيت", "بيت")]
    [InlineData("libraries", "library")]
    [InlineData("boxes", "box")]
    [InlineData("stations", "station")]
    [InlineData("glass", "glass")]
    [InlineData("virus", "virus")]
    public void Light_stemming_merges_inflections(string word, string stem) =>
        Assert.Equal(stem, LightStemmer.ContentTerm(word, GrpcNlp.Core.Entities.Lexicons.StopWords));
}
