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

    public static V1.Token ToProto(CoreTokenization.Token token, string text, string normalized, int sentenceIndex, SpanMapper mapper,
        SegmentationScheme segmentation = SegmentationScheme.None)
    {
        var proto = new V1.Token
        {
            Span = mapper.Map(token.Span),
            Text = text.Substring(token.Span.Start, token.Span.Length),
            Normalized = normalized,
            Type = ToProto(token.Type),
            SentenceIndex = sentenceIndex,
        };
        if (segmentation != SegmentationScheme.None && token.Type == CoreTokenization.TokenType.Word)
        {
            AddSegments(token.Span, text, segmentation, mapper, proto.Segments);
        }

        return proto;
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
            string surface = text.Substring(absolute.Start, absolute.Length);
            segments.Add(new V1.Segment
            {
                Span = mapper.Map(absolute),
                Text = surface,
                Form = segment.RestoredForm ?? surface,
                Role = ToProto(segment.Role),
            });
        }
    }

    public static V1.Sentence ToProto(CoreTokenization.Sentence sentence, SpanMapper mapper) => new()
    {
        Span = mapper.Map(sentence.Span),
        FirstToken = sentence.FirstToken,
        TokenCount = sentence.TokenCount,
    };
}
