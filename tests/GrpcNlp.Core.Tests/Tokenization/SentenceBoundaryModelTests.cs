using GrpcNlp.Core.Tokenization;
using GrpcNlp.Core.Tokenization.Training;

namespace GrpcNlp.Core.Tests.Tokenization;

public sealed class SentenceBoundaryModelTests
{
    private readonly WordTokenizer _tokenizer = new();

    /// <summary>Texts for the rules-versus-model checks: terminators, abbreviations, formulas, emoticons, headers.</summary>
    public static TheoryData<string> Texts => new(
        "Hello there. How are you? Fine!",
        "Dr. Smith arrived. He sat.",
        "Apples, pears, etc. and more. Then we left.",
        "\"Why?\" he asked. see you. call Anna",
        "We paused... , then went on. She waited... then left.",
        "Thanks, Anna will call you. Loved it :) The staff was kind",
        "Anna Berg 03/14/2002 10:05 AM Please send me the draft by Friday.",
        "Agenda: Budget review Hiring plan Next steps\nThe talks ended. (AFP) They resume today.");

    [Theory]
    [InlineData("Anna Berg 03/14/2002 10:05 AM Please send me the draft by Friday.", "Anna Berg || 03/14/2002 10:05 AM || Please send me the draft by Friday.")]
    [InlineData("==================== Please read the notice below.", "==================== || Please read the notice below.")]
    [InlineData("We met John Smith and Mary Jones in Paris last week.", "We met John Smith and Mary Jones in Paris last week.")]
    [InlineData("I think we should go to the park on Sunday and then have lunch.", "I think we should go to the park on Sunday and then have lunch.")]
    [InlineData("Photos here: http://example.com/a.jpg http://example.com/b.jpg http://example.com/c.jpg",
        "Photos here: http://example.com/a.jpg || http://example.com/b.jpg || http://example.com/c.jpg")]
    public void English_EndsSentencesTheRulesCannotSee(string text, string expected)
    {
        Assert.Equal(expected, Segment(text, SentenceRules.For("en")));
    }

    [Theory]
    [InlineData("(See attached file: Prices.pdf)(See attached file: Stocks.pdf)")]
    [InlineData("Report attached (Q3)Revenue grew")]
    public void English_NeverSplitsAGapWithoutSpaceOrTerminator(string text)
    {
        // Words and brackets written together belong together: no sentence ends between them
        // unless a terminator does ("end.Next").
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        for (int last = 0; last + 1 < tokens.Count; last++)
        {
            if (tokens[last].Span.End == tokens[last + 1].Span.Start)
            {
                Assert.False(SentenceBoundaryFeatures.IsCandidate(text, tokens, last, RuleVerdict.None), text[..tokens[last + 1].Span.Start]);
            }
        }

        Assert.Equal(text, Segment(text, SentenceRules.For("en")));
    }

    [Fact]
    public void BoundaryModel_IsEnglishOnly()
    {
        Assert.NotNull(SentenceRules.For("en-US").BoundaryModel);
        Assert.Null(SentenceRules.For("ar").BoundaryModel);
        Assert.Null(SentenceRules.For("").BoundaryModel);
        Assert.NotEmpty(SentenceBoundaryModel.English.Weights);
    }

    [Theory]
    [InlineData("Hello there. How are you? Fine!", "Hello there. || How are you? || Fine!")]
    [InlineData("Dr. Smith arrived at 5 p.m. on Monday. He sat down.", "Dr. Smith arrived at 5 p.m. on Monday. || He sat down.")]
    [InlineData("\"Why?\" he asked. see you. call me", "\"Why?\" he asked. || see you. || call me")]
    [InlineData("We waited... Then the bus came.", "We waited... || Then the bus came.")]
    public void English_KeepsTheRulesWhereTheyHold(string text, string expected)
    {
        // The model decides after terminators too, with the rules' verdict as a feature; on plain
        // text it must agree with the rules.
        Assert.Equal(expected, Segment(text, SentenceRules.For("en")));
        Assert.Equal(expected, Segment(text, SentenceRules.For("en").WithBoundaryModel(null)));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void EmptyModel_EndsSentencesOnlyAtLineBreaks(string text)
    {
        // The model decides every gap where the rules split, so a model without weights splits none.
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        HashSet<int> starts = Starts(text, tokens, SentenceRules.For("en").WithBoundaryModel(new SentenceBoundaryModel([])));
        for (int i = 1; i < tokens.Count; i++)
        {
            bool lineBreak = text.AsSpan(tokens[i - 1].Span.End, tokens[i].Span.Start - tokens[i - 1].Span.End).ContainsAny('\n', '\r');
            Assert.Equal(lineBreak, starts.Contains(tokens[i].Span.Start));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void EagerModel_SplitsWhereverTheRulesDoAndMore(string text)
    {
        // A model that ends a sentence at every gap it is asked about: it is asked wherever the
        // rules split, so it keeps every split of the rules, but not where a rule keeps the
        // sentence going after a terminator ("paused... , then", "\"Why?\" he asked"), nor inside
        // a run of terminators and closers.
        var eager = new SentenceBoundaryModel(new Dictionary<ulong, float> { [SentenceBoundaryFeatures.Bias] = 100 });
        SentenceRules rules = SentenceRules.For("en");
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        HashSet<int> ruleStarts = Starts(text, tokens, rules.WithBoundaryModel(null));
        HashSet<int> modelStarts = Starts(text, tokens, rules.WithBoundaryModel(eager));

        Assert.Subset(modelStarts, ruleStarts);
        Assert.True(modelStarts.Count > ruleStarts.Count || tokens.Count < 2);
        for (int i = 1; i < tokens.Count; i++)
        {
            if (text[tokens[i].Span.Start] is '.' or '?' or '!' && text[tokens[i - 1].Span.Start] is '.' or '?' or '!')
            {
                Assert.DoesNotContain(tokens[i].Span.Start, modelStarts);
            }

            // After a terminator the rules keep going at: the model is not asked.
            Token before = tokens[i - 1];
            bool terminator = before.Type == TokenType.Punctuation && text[before.Span.Start] is '.' or '?' or '!';
            if (terminator && !ruleStarts.Contains(tokens[i].Span.Start) && !text.AsSpan(before.Span.End, tokens[i].Span.Start - before.Span.End).Contains('\n'))
            {
                Assert.DoesNotContain(tokens[i].Span.Start, modelStarts);
            }
        }
    }

    [Fact]
    public void WriteThenRead_KeepsEveryWeight()
    {
        var writer = new StringWriter();
        SentenceBoundaryModel.English.Write(writer);
        SentenceBoundaryModel read = SentenceBoundaryModel.Read(new StringReader(writer.ToString()));

        Assert.Equal(SentenceBoundaryModel.English.Weights.OrderBy(p => p.Key), read.Weights.OrderBy(p => p.Key));
    }

    [Fact]
    public void Train_LearnsHeadersFromGoldAndIsDeterministic()
    {
        // Hand-written e-mails: a name, a date line and a request, each a sentence of its own, and
        // the same names inside ordinary sentences.
        string[] names = ["Mia Lund", "Tom Hale", "Ava Stone", "Leo Park", "Ida Cole", "Max Reed", "Eva Moss", "Sam Wolfe"];
        string[] requests = ["Could you check the numbers", "Please call me back", "Can we meet on Monday", "Send the file when ready"];
        var texts = new List<BoundaryTrainingText>();
        for (int i = 0; i < names.Length; i++)
        {
            string[] sentences = [names[i], $"0{(i % 9) + 1}/1{i % 10}/2003 0{(i % 9) + 1}:4{i % 10} AM", requests[i % requests.Length], $"I spoke with {names[(i + 1) % names.Length]} about it today."];
            texts.Add(TrainingText(sentences));
        }

        SentenceBoundaryModel first = SentenceBoundaryTrainer.Train(texts, SentenceRules.For("en"), epochs: 10, minCount: 1, seed: 1, models: 2, out BoundaryTrainingCounts counts);
        SentenceBoundaryModel second = SentenceBoundaryTrainer.Train(texts, SentenceRules.For("en"), epochs: 10, minCount: 1, seed: 1, models: 2, out _);

        Assert.Equal(first.Weights.OrderBy(p => p.Key), second.Weights.OrderBy(p => p.Key));
        Assert.Equal(names.Length * 3, counts.Boundaries);
        Assert.Equal(0, counts.Unreachable);
        SentenceRules trained = SentenceRules.For("en").WithBoundaryModel(first);
        const string header = "Noa Vik 04/12/2005 07:41 AM Please call me back";
        HashSet<int> starts = Starts(header, _tokenizer.Tokenize(header), trained);
        Assert.Contains(header.IndexOf("04/12", StringComparison.Ordinal), starts);
        Assert.Contains(header.IndexOf("Please", StringComparison.Ordinal), starts);
        Assert.Equal("I spoke with Noa Vik about it today.", Segment("I spoke with Noa Vik about it today.", trained));
    }

    private BoundaryTrainingText TrainingText(string[] sentences)
    {
        string text = string.Join(' ', sentences);
        var starts = new HashSet<int>();
        int offset = 0;
        foreach (string sentence in sentences)
        {
            starts.Add(offset);
            offset += sentence.Length + 1;
        }

        return new BoundaryTrainingText(text, _tokenizer.Tokenize(text), starts);
    }

    private string Segment(string text, SentenceRules rules)
    {
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        var sentences = new List<Sentence>();
        SentenceSegmenter.Segment(text, tokens, rules, sentences);
        TokenInvariants.AssertCover(tokens, sentences);
        return string.Join(" || ", sentences.Select(s => text[s.Span.Start..s.Span.End]));
    }

    private static HashSet<int> Starts(string text, IReadOnlyList<Token> tokens, SentenceRules rules)
    {
        var sentences = new List<Sentence>();
        SentenceSegmenter.Segment(text, tokens, rules, sentences);
        return [.. sentences.Select(s => s.Span.Start)];
    }
}
