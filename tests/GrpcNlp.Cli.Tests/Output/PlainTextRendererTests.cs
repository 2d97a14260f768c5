using GrpcNlp.Cli.Output;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.Output;

public sealed class PlainTextRendererTests
{
    private const string Text = "زار أحمد القاهرة. قال أحمد إن الزيارة مفيدة.";

    [Fact]
    public void Analysis_shows_language_tokens_grouped_entities_and_scored_summary()
    {
        AnalyzeResponse response = BuildAnalysis();
        using var output = new StringWriter();

        PlainTextRenderer.WriteAnalysis(response, tokensShown: 2, output);

        string text = output.ToString();
        Assert.Contains("language: ar", text, StringComparison.Ordinal);
        Assert.Contains("tokens: 3, sentences: 2", text, StringComparison.Ordinal);
        Assert.Contains("first 2 tokens:", text, StringComparison.Ordinal);
        Assert.Matches(@"WORD\s+4\.\.8", text);
        Assert.DoesNotMatch(@"WORD\s+9\.\.16", text);
        Assert.Contains("entities: 2 (3 mentions)", text, StringComparison.Ordinal);
        Assert.Matches(@"أحمد\s+PERSON\s+2\s+0\.900", text);
        Assert.Matches(@"القاهرة\s+LOCATION\s+1\s+0\.400", text);
        Assert.Matches(@"\n\s+4\.\.8\s+أحمد", text);
        Assert.Matches(@"\n\s+22\.\.26\s+أحمد", text);
        Assert.Contains("summary: 1 sentences", text, StringComparison.Ordinal);
        Assert.Matches(@"0\.750\s+0\s+0\.\.17\s+زار أحمد القاهرة\.", text);
    }

    [Fact]
    public void Each_entity_is_followed_by_its_own_mentions()
    {
        AnalyzeResponse response = BuildAnalysis();
        using var output = new StringWriter();

        PlainTextRenderer.WriteAnalysis(response, tokensShown: 0, output);

        string[] lines = output.ToString().Split('\n');
        int person = Array.FindIndex(lines, l => l.Contains("PERSON", StringComparison.Ordinal));
        int location = Array.FindIndex(lines, l => l.Contains("LOCATION", StringComparison.Ordinal));
        Assert.Contains("4..8", lines[person + 1], StringComparison.Ordinal);
        Assert.Contains("22..26", lines[person + 2], StringComparison.Ordinal);
        Assert.Equal(person + 3, location);
        Assert.Contains("9..16", lines[location + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Normalization_prints_the_text_and_optionally_the_edits()
    {
        var response = new NormalizeResponse { NormalizedText = "احمد" };
        response.Edits.Add(new TextEdit
        {
            Original = new TextSpan { Begin = 0, End = 1 },
            Normalized = new TextSpan { Begin = 0, End = 1 },
        });
        using var plain = new StringWriter();
        using var withEdits = new StringWriter();

        PlainTextRenderer.WriteNormalization(response, showEdits: false, plain);
        PlainTextRenderer.WriteNormalization(response, showEdits: true, withEdits);

        Assert.Equal("احمد" + Environment.NewLine, plain.ToString());
        Assert.Contains("edits: 1", withEdits.ToString(), StringComparison.Ordinal);
        Assert.Contains("0..1", withEdits.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_of_several_documents_names_each_sentence_document()
    {
        var response = new SummarizeResponse { TotalSentences = 5 };
        response.Sentences.Add(new SummarySentence
        {
            DocumentId = "b.txt",
            DocumentIndex = 1,
            SentenceIndex = 2,
            Span = new TextSpan { Begin = 10, End = 20 },
            Text = "جملة\nمقطوعة",
            Score = 0.5f,
        });
        using var output = new StringWriter();

        PlainTextRenderer.WriteSummary(response, showDocument: true, output);

        string text = output.ToString();
        Assert.Contains("summary: 1 of 5 sentences", text, StringComparison.Ordinal);
        Assert.Matches(@"0\.500\s+b\.txt\s+2\s+10\.\.20\s+جملة\\nمقطوعة", text);
    }

    [Fact]
    public void Tables_pad_columns_to_the_widest_cell_without_trailing_spaces()
    {
        var table = new TextTable("a", "bb", "c");
        table.AddRow("xxxx", "y", "z");
        table.AddRow("x", "yyy", "");
        using var output = new StringWriter();

        table.Write(output);

        string[] lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("a     bb   c", lines[0]);
        Assert.Equal("xxxx  y    z", lines[1]);
        Assert.Equal("x     yyy", lines[2]);
    }

    [Fact]
    public void Json_output_is_one_parseable_protobuf_json_object_per_line()
    {
        AnalyzeResponse response = BuildAnalysis();
        using var output = new StringWriter();

        JsonOutput.Write(response, output);
        JsonOutput.Write(response, output);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        AnalyzeResponse parsed = Google.Protobuf.JsonParser.Default.Parse<AnalyzeResponse>(lines[0]);
        Assert.Equal(response, parsed);
        Assert.Contains("\"canonicalName\"", lines[0], StringComparison.Ordinal);
    }

    private static AnalyzeResponse BuildAnalysis()
    {
        var response = new AnalyzeResponse { Language = "ar", NormalizedText = Text };
        response.Tokens.Add(Token(0, 3, TokenType.Word, 0));
        response.Tokens.Add(Token(4, 8, TokenType.Word, 0));
        response.Tokens.Add(Token(9, 16, TokenType.Word, 0));
        response.Sentences.Add(new Sentence { Span = Span(0, 17), FirstToken = 0, TokenCount = 3 });
        response.Sentences.Add(new Sentence { Span = Span(18, 44), FirstToken = 3, TokenCount = 0 });
        response.Mentions.Add(Mention(4, 8, EntityType.Person, 0));
        response.Mentions.Add(Mention(9, 16, EntityType.Location, 1));
        response.Mentions.Add(Mention(22, 26, EntityType.Person, 0));
        response.Entities.Add(new Entity { CanonicalName = "أحمد", Type = EntityType.Person, Salience = 0.9f, MentionIndices = { 0, 2 } });
        response.Entities.Add(new Entity { CanonicalName = "القاهرة", Type = EntityType.Location, Salience = 0.4f, MentionIndices = { 1 } });
        response.Summary.Add(new SummarySentence { SentenceIndex = 0, Span = Span(0, 17), Text = Text[..17], Score = 0.75f });
        return response;
    }

    private static TextSpan Span(int begin, int end) => new() { Begin = begin, End = end };

    private static Token Token(int begin, int end, TokenType type, int sentence) => new()
    {
        Span = Span(begin, end),
        Text = Text[begin..end],
        Normalized = Text[begin..end],
        Type = type,
        SentenceIndex = sentence,
    };

    private static EntityMention Mention(int begin, int end, EntityType type, int entity) => new()
    {
        Span = Span(begin, end),
        Text = Text[begin..end],
        Type = type,
        Confidence = 1,
        EntityIndex = entity,
    };
}
