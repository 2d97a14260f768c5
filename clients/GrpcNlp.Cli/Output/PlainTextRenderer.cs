using System.Globalization;
using System.Text;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Output;

/// <summary>Renders responses as readable plain text.</summary>
internal static class PlainTextRenderer
{
    public static string Span(TextSpan? span) =>
        span is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{span.Begin}..{span.End}");

    public static string Score(float score) => score.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Names an enum value without its type prefix: <c>ENTITY_TYPE_PERSON</c> becomes <c>PERSON</c>.</summary>
    public static string Name(TokenType type) => Label(type.ToString());

    public static string Name(EntityType type) => Label(type.ToString());

    /// <summary>The encoding's name as its tokenizer library calls it.</summary>
    public static string Name(LlmEncoding encoding) => encoding switch
    {
        LlmEncoding.O200KBase => "o200k_base",
        LlmEncoding.Cl100KBase => "cl100k_base",
        _ => Label(encoding.ToString()),
    };

    public static void WriteDocumentHeader(string documentId, TextWriter output)
        => output.WriteLine($"== {documentId} ==");

    public static void WriteNormalization(NormalizeResponse response, bool showEdits, TextWriter output)
    {
        output.Write(response.NormalizedText);
        if (!response.NormalizedText.EndsWith('\n'))
        {
            output.WriteLine();
        }

        if (!showEdits)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"edits: {response.Edits.Count}");
        var table = new TextTable("original", "normalized");
        foreach (TextEdit edit in response.Edits)
        {
            table.AddRow(Span(edit.Original), Span(edit.Normalized));
        }

        table.Write(output, "  ");
    }

    public static void WriteTokens(TokenizeResponse response, TextWriter output)
    {
        output.WriteLine($"language: {Or(response.Language)}");
        output.WriteLine($"tokens: {response.Tokens.Count}, sentences: {response.Sentences.Count}");
        foreach (LlmTokenCount count in response.LlmTokenCounts)
        {
            output.WriteLine($"llm tokens ({Name(count.Encoding)}): {count.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        WriteTokenTable(response.Tokens, response.Tokens.Count, output);
    }

    public static void WriteEntities(ExtractEntitiesResponse response, TextWriter output)
        => WriteEntities(response, colors: null, output);

    /// <summary>Writes the entities, coloured by type when <paramref name="colors"/> is given (a terminal).</summary>
    public static void WriteEntities(ExtractEntitiesResponse response, EntityColors? colors, TextWriter output)
    {
        output.WriteLine($"language: {Or(response.Language)}");
        WriteEntities(response.Entities, response.Mentions, colors, output);
    }

    public static void WriteSummary(SummarizeResponse response, bool showDocument, TextWriter output)
    {
        output.WriteLine($"summary: {response.Sentences.Count} of {response.TotalSentences} sentences");
        WriteSummarySentences(response.Sentences, showDocument, output);
    }

    public static void WriteAnalysis(AnalyzeResponse response, int tokensShown, TextWriter output)
        => WriteAnalysis(response, tokensShown, colors: null, output);

    /// <summary>Writes the whole analysis, entities coloured by type when <paramref name="colors"/> is given.</summary>
    public static void WriteAnalysis(AnalyzeResponse response, int tokensShown, EntityColors? colors, TextWriter output)
    {
        output.WriteLine($"language: {Or(response.Language)}");
        output.WriteLine();
        output.WriteLine($"tokens: {response.Tokens.Count}, sentences: {response.Sentences.Count}");
        int shown = Math.Min(tokensShown, response.Tokens.Count);
        if (shown > 0)
        {
            if (shown < response.Tokens.Count)
            {
                output.WriteLine($"first {shown} tokens:");
            }

            WriteTokenTable(response.Tokens, shown, output);
        }

        output.WriteLine();
        WriteEntities(response.Entities, response.Mentions, colors, output);
        output.WriteLine();
        output.WriteLine($"summary: {response.Summary.Count} sentences");
        WriteSummarySentences(response.Summary, showDocument: false, output);
    }

    private static void WriteTokenTable(IReadOnlyList<Token> tokens, int count, TextWriter output)
    {
        bool segmented = false;
        for (int i = 0; i < count && !segmented; i++)
        {
            segmented = tokens[i].Segments.Count > 0;
        }

        var table = segmented
            ? new TextTable("#", "type", "span", "sentence", "text", "normalized", "segments")
            : new TextTable("#", "type", "span", "sentence", "text", "normalized");
        for (int i = 0; i < count; i++)
        {
            Token token = tokens[i];
            string[] row =
            [
                i.ToString(CultureInfo.InvariantCulture),
                Name(token.Type),
                Span(token.Span),
                token.SentenceIndex.ToString(CultureInfo.InvariantCulture),
                token.Text,
                token.Normalized,
            ];
            table.AddRow(segmented ? [.. row, Segments(token)] : row);
        }

        table.Write(output, "  ");
    }

    private static void WriteEntities(IReadOnlyList<Entity> entities, IReadOnlyList<EntityMention> mentions, EntityColors? colors, TextWriter output)
    {
        output.WriteLine($"entities: {entities.Count} ({mentions.Count} mentions)");
        if (entities.Count == 0)
        {
            return;
        }

        // Entities numbered across the documents of a batch get a column with that number.
        bool numbered = entities.Any(e => e.BatchEntity > 0);
        var table = numbered
            ? new TextTable("entity", "type", "mentions", "salience", "batch")
            : new TextTable("entity", "type", "mentions", "salience");
        foreach (Entity entity in entities)
        {
            string[] row =
            [
                entity.CanonicalName,
                Name(entity.Type),
                entity.MentionIndices.Count.ToString(CultureInfo.InvariantCulture),
                Score(entity.Salience),
            ];
            table.AddRow(numbered ? [.. row, entity.BatchEntity.ToString(CultureInfo.InvariantCulture)] : row);
        }

        // One table for alignment, printed row by row so that each entity's mentions follow it.
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        table.Write(buffer, "  ");
        string[] lines = buffer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        int spanWidth = 0;
        foreach (EntityMention mention in mentions)
        {
            spanWidth = Math.Max(spanWidth, Span(mention.Span).Length);
        }

        output.WriteLine(lines[0]);
        for (int i = 0; i < entities.Count; i++)
        {
            WriteColored(lines[i + 1], entities[i].Type, colors, output);
            output.WriteLine();
            foreach (int mentionIndex in entities[i].MentionIndices)
            {
                if ((uint)mentionIndex >= (uint)mentions.Count)
                {
                    continue;
                }

                EntityMention mention = mentions[mentionIndex];
                string value = mention.NormalizedValue.Length > 0 ? $"  = {mention.NormalizedValue}" : string.Empty;
                output.Write($"      {Span(mention.Span).PadRight(spanWidth)}  ");
                WriteColored(TextTable.Clean(mention.Text), entities[i].Type, colors, output);
                output.WriteLine(value);
            }
        }
    }

    // Colour goes on after alignment, so escape codes never count towards column widths.
    private static void WriteColored(string text, EntityType type, EntityColors? colors, TextWriter output)
    {
        if (colors is null)
        {
            output.Write(text);
            return;
        }

        output.Flush();
        colors.Write(text, type);
    }

    private static void WriteSummarySentences(IReadOnlyList<SummarySentence> sentences, bool showDocument, TextWriter output)
    {
        if (sentences.Count == 0)
        {
            return;
        }

        TextTable table = showDocument
            ? new TextTable("score", "document", "sentence", "span", "text")
            : new TextTable("score", "sentence", "span", "text");
        foreach (SummarySentence sentence in sentences)
        {
            string index = sentence.SentenceIndex.ToString(CultureInfo.InvariantCulture);
            if (showDocument)
            {
                table.AddRow(Score(sentence.Score), Or(sentence.DocumentId), index, Span(sentence.Span), sentence.Text);
            }
            else
            {
                table.AddRow(Score(sentence.Score), index, Span(sentence.Span), sentence.Text);
            }
        }

        table.Write(output, "  ");
    }

    private static string Or(string value) => value.Length > 0 ? value : "-";

    private static string Label(string name)
    {
        // Protobuf's C# enum names are PascalCase (EntityType.Person); upper case reads as a label.
        return name.ToUpperInvariant();
    }

    /// <summary>A word's clitic segments joined by <c>+</c>, each as its restored form when one was dropped.</summary>
    private static string Segments(Token token)
    {
        if (token.Segments.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (Segment segment in token.Segments)
        {
            if (builder.Length > 0)
            {
                builder.Append('+');
            }

            builder.Append(segment.Form.Length > 0 ? segment.Form : segment.Text);
        }

        return builder.ToString();
    }
}
