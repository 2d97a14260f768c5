using CoreTokenization = GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Server.Mapping;

// Tokens and sentences.
internal static partial class ProtoMapper
{
    public static V1.TokenType ToProto(CoreTokenization.TokenType type) => type switch
    {
        CoreTokenization.TokenType.Word => V1.TokenType.Word,
        CoreTokenization.TokenType.Number => V1.TokenType.Number,
        CoreTokenization.TokenType.Punctuation => V1.TokenType.Punctuation,
        CoreTokenization.TokenType.Symbol => V1.TokenType.Symbol,
        CoreTokenization.TokenType.Url => V1.TokenType.Url,
        CoreTokenization.TokenType.Email => V1.TokenType.Email,
        CoreTokenization.TokenType.Hashtag => V1.TokenType.Hashtag,
        CoreTokenization.TokenType.Mention => V1.TokenType.Mention,
        CoreTokenization.TokenType.Emoji => V1.TokenType.Emoji,
        _ => V1.TokenType.Unspecified,
    };

    public static V1.Token ToProto(CoreTokenization.Token token, string text, string normalized, int sentenceIndex, SpanMapper mapper) => new()
    {
        Span = mapper.Map(token.Span),
        Text = text.Substring(token.Span.Start, token.Span.Length),
        Normalized = normalized,
        Type = ToProto(token.Type),
        SentenceIndex = sentenceIndex,
    };

    public static V1.Sentence ToProto(CoreTokenization.Sentence sentence, SpanMapper mapper) => new()
    {
        Span = mapper.Map(sentence.Span),
        FirstToken = sentence.FirstToken,
        TokenCount = sentence.TokenCount,
    };

    public static CoreTokenization.LlmEncoding ToCore(V1.LlmEncoding encoding) => encoding switch
    {
        V1.LlmEncoding.O200KBase => CoreTokenization.LlmEncoding.O200kBase,
        V1.LlmEncoding.Cl100KBase => CoreTokenization.LlmEncoding.Cl100kBase,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Validated requests carry known encodings only."),
    };

    /// <summary>The requested encodings in order, each once (validated: none unspecified).</summary>
    public static V1.LlmEncoding[] DistinctLlmEncodings(V1.TokenizeOptions? options) =>
        options is null || options.LlmEncodings.Count == 0 ? [] : [.. options.LlmEncodings.Distinct()];

    /// <summary>Adds the LLM token count of <paramref name="text"/> for each encoding.</summary>
    public static void AddLlmTokenCounts(ReadOnlySpan<char> text, V1.LlmEncoding[] encodings, ICollection<V1.LlmTokenCount> counts)
    {
        foreach (V1.LlmEncoding encoding in encodings)
        {
            counts.Add(new V1.LlmTokenCount { Encoding = encoding, Count = CoreTokenization.LlmTokenCounter.Count(ToCore(encoding), text) });
        }
    }
}
