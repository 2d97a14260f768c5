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
        "\"Why?\" he asked. see you. call me",
        "Thanks, Anna will call you. Loved it :) The staff was kind",
        "Anna Berg 03/14/2002 10:05 AM Please send me the draft by Friday.",
        "Agenda: Budget review Hiring plan Next steps\nThe talks ended. (AFP) They resume today.");

    [Theory]
    [InlineData("Anna Berg 03/14/2002 10:05 AM Please send me the draft by Friday.", "Anna Berg || 03/14/2002 10:05 AM || Please send me the draft by Friday.")]
    [InlineData("==================== Please read the notice below.", "==================== || Please read the notice below.")]
    [InlineData("We met John Smith and Mary Jones in Paris last week.", "We met John Smith and Mary Jones in Paris last week.")]
    [InlineData("I think we should go to the park on Sunday and then have lunch.", "I think we should go to the park on Sunday and then have lunch.")]
    public void English_EndsSentencesTheRulesCannotSee(string text, string expected)
    {
        Assert.Equal(expected, Segment(text, SentenceRules.For("en")));
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
    [MemberData(nameof(Texts))]
    public void EmptyModel_GivesTheRulesSegmentation(string text)
    {
        SentenceRules rules = SentenceRules.For("en");
        string expected = Segment(text, rules.WithBoundaryModel(null));

        Assert.Equal(expected, Segment(text, rules.WithBoundaryModel(new SentenceBoundaryModel([]))));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Model_NeverUndoesTheRulesAfterATerminator(string text)
    {
        // A model that ends a sentence at every gap it is asked about.
        var eager = new SentenceBoundaryModel(new Dictionary<ulong, float> { [SentenceBoundaryFeatures.Bias] = 100 });
        SentenceRules rules = SentenceRules.For("en");
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        HashSet<int> ruleStarts = Starts(text, tokens, rules.WithBoundaryModel(null));
        HashSet<int> modelStarts = Starts(text, tokens, rules.WithBoundaryModel(eager));

        Assert.Superset(ruleStarts, modelStarts);
        for (int i = 1; i < tokens.Count; i++)
        {
            // After a terminator, the rules decide: the eager model adds nothing there.
            Token before = tokens[i - 1];
            if (before.Type == TokenType.Punctuation && text[before.Span.Start] is '.' or '?' or '!' && !ruleStarts.Contains(tokens[i].Span.Start))
            {
                Assert.DoesNotContain(tokens[i].Span.Start, modelStarts);
            }
        }

        Assert.True(modelStarts.Count > ruleStarts.Count || tokens.Count < 2);
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

        SentenceBoundaryModel first = SentenceBoundaryTrainer.Train(texts, SentenceRules.For("en"), epochs: 10, minCount: 1, seed: 1, out BoundaryTrainingCounts counts);
        SentenceBoundaryModel second = SentenceBoundaryTrainer.Train(texts, SentenceRules.For("en"), epochs: 10, minCount: 1, seed: 1, out _);

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
