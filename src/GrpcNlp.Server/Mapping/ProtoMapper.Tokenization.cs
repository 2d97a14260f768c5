using GrpcNlp.Core.Segmentation;
using CoreText = GrpcNlp.Core.Text;
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

    /// <summary>
    /// A token of <paramref name="text"/> as proto; <paramref name="tokenText"/> is its surface
    /// (the caller passes the normalized string when it is equal, so one string serves both).
    /// </summary>
    public static V1.Token ToProto(CoreTokenization.Token token, string text, string tokenText, string normalized, int sentenceIndex, SpanMapper mapper,
        SegmentationScheme segmentation = SegmentationScheme.None)
    {
        var proto = new V1.Token { Span = new V1.TextSpan() };
        Fill(proto, token, text, tokenText, normalized, sentenceIndex, mapper, segmentation);
        return proto;
    }

    /// <summary>
    /// Overwrites every field of <paramref name="proto"/> (a new token, or one a stream already
    /// sent and recycles) with the token; its span message is reused.
    /// </summary>
    public static void Fill(V1.Token proto, CoreTokenization.Token token, string text, string tokenText, string normalized, int sentenceIndex,
        SpanMapper mapper, SegmentationScheme segmentation = SegmentationScheme.None)
    {
        proto.Span ??= new V1.TextSpan();
        mapper.MapInto(token.Span, proto.Span);
        proto.Text = tokenText;
        proto.Normalized = normalized;
        proto.Type = ToProto(token.Type);
        proto.SentenceIndex = sentenceIndex;
        proto.Segments.Clear();
        if (segmentation != SegmentationScheme.None && token.Type == CoreTokenization.TokenType.Word)
        {
            AddSegments(token.Span, text, segmentation, mapper, proto.Segments);
        }
    }

    /// <summary>
    /// Adds the segments of a word of a stream's piece with offsets from the piece's cursor, as
    /// <see cref="AddSegments(CoreText.TextSpan, string, SegmentationScheme, SpanMapper, ICollection{V1.Segment})"/>
    /// does for a document; returns how many (none when the word stays whole).
    /// </summary>
    public static int AddSegments(CoreText.TextSpan span, ReadOnlySpan<char> piece, SegmentationScheme scheme, ref OffsetCursor cursor,
        List<Marshalling.SegmentEntry> segments)
    {
        WordSegment[] found = ArabicSegmenter.Default.Segment(piece.Slice(span.Start, span.Length), scheme);
        if (found.Length < 2)
        {
            return 0;
        }

        foreach (WordSegment segment in found)
        {
            var absolute = new CoreText.TextSpan(span.Start + segment.Span.Start, span.Start + segment.Span.End);
            long begin = cursor.Offset(absolute.Start);
            long end = cursor.Offset(absolute.End);
            string surface = piece.Slice(absolute.Start, absolute.Length).ToString();
            segments.Add(new Marshalling.SegmentEntry(begin, end, surface, segment.RestoredForm ?? surface, ToProto(segment.Role)));
        }

        return found.Length;
    }

    /// <summary>Unset means no segmentation.</summary>
    public static SegmentationScheme ToCore(V1.SegmentationScheme scheme) => scheme switch
    {
        V1.SegmentationScheme.Atb => SegmentationScheme.Atb,
        V1.SegmentationScheme.D3 => SegmentationScheme.D3,
        V1.SegmentationScheme.Farasa => SegmentationScheme.Farasa,
        _ => SegmentationScheme.None,
    };

    public static V1.SegmentRole ToProto(SegmentRole role) => role switch
    {
        SegmentRole.Proclitic => V1.SegmentRole.Proclitic,
        SegmentRole.Article => V1.SegmentRole.Article,
        SegmentRole.Stem => V1.SegmentRole.Stem,
        SegmentRole.Enclitic => V1.SegmentRole.Enclitic,
        SegmentRole.Suffix => V1.SegmentRole.Suffix,
        _ => V1.SegmentRole.Unspecified,
    };

    /// <summary>Adds a word's segments with spans in the text's offsets; nothing when the word stays whole.</summary>
    private static void AddSegments(CoreText.TextSpan span, string text, SegmentationScheme scheme, SpanMapper mapper, ICollection<V1.Segment> segments)
    {
        ReadOnlySpan<char> word = text.AsSpan(span.Start, span.Length);
        WordSegment[] found = ArabicSegmenter.Default.Segment(word, scheme);
        if (found.Length < 2)
        {
            return;
        }

        foreach (WordSegment segment in found)
        {
            var absolute = new CoreText.TextSpan(span.Start + segment.Span.Start, span.Start + segment.Span.End);
            segments.Add(ToProto(segment, text.Substring(absolute.Start, absolute.Length), mapper.Map(absolute)));
        }
    }

    private static V1.Segment ToProto(WordSegment segment, string surface, V1.TextSpan span) => new()
    {
        Span = span,
        Text = surface,
        Form = segment.RestoredForm ?? surface,
        Role = ToProto(segment.Role),
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
