using System.Text;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// A token of a document's response, as plain values; its segments follow it in
/// <see cref="DocumentTokenList.Segments"/>. <paramref name="Text"/> and
/// <paramref name="Normalized"/> are often one string (a token already normalized).
/// </summary>
internal readonly record struct DocumentTokenEntry(long Begin, long End, string Text, string Normalized, V1.TokenType Type, int SentenceIndex,
    int SegmentCount);

/// <summary>
/// The tokens (<see cref="V1.Token"/>) and sentences (<see cref="V1.Sentence"/>) of one
/// document's response as plain values, sized and written as the generated serializer writes
/// those repeated fields. <see cref="TokenizeResponseBuffer"/> and
/// <see cref="AnalyzeResponseBuffer"/> hold one each: the two responses carry the same token and
/// sentence messages under different field numbers.
/// </summary>
/// <remarks>
/// As generated messages each token is a <see cref="V1.Token"/> and a <see cref="V1.TextSpan"/>
/// to allocate and fill, and the serializer measures every nested message and every string
/// again when it writes the length prefixes. Here each token is one struct in a list, each string
/// is measured once, and a token whose text is its normalized form is transcoded once.
/// </remarks>
internal sealed class DocumentTokenList
{
    // From the last CalculateSize, for the write: per token its size and the UTF-8 lengths of
    // its text and normalized form; then per sentence its size.
    private readonly List<int> _sizes = [];

    /// <summary>The tokens, in order.</summary>
    public List<DocumentTokenEntry> Tokens { get; } = [];

    /// <summary>The segments of the tokens, in token order (each token has <see cref="DocumentTokenEntry.SegmentCount"/>).</summary>
    public List<SegmentEntry> Segments { get; } = [];

    /// <summary>The sentences, in order.</summary>
    public List<SentenceEntry> Sentences { get; } = [];

    /// <summary>The LLM token counts of the sentences, in sentence order (each sentence has <see cref="SentenceEntry.LlmTokenCountCount"/>).</summary>
    public List<(V1.LlmEncoding Encoding, int Count)> SentenceLlmTokenCounts { get; } = [];

    /// <summary>Empties the lists.</summary>
    public void Clear()
    {
        Tokens.Clear();
        Segments.Clear();
        Sentences.Clear();
        SentenceLlmTokenCounts.Clear();
        _sizes.Clear();
    }

    /// <summary>
    /// The encoded size of the tokens and sentences as repeated fields with one-byte tags;
    /// <see cref="WriteTokens"/> and <see cref="WriteSentences"/> reuse what it measured, so call
    /// it after the last change.
    /// </summary>
    public int CalculateSize()
    {
        _sizes.Clear();
        _sizes.EnsureCapacity((3 * Tokens.Count) + Sentences.Count);
        int size = 0;
        int segment = 0;
        foreach (DocumentTokenEntry token in Tokens)
        {
            int textBytes = Encoding.UTF8.GetByteCount(token.Text);
            int normalizedBytes = ReferenceEquals(token.Text, token.Normalized) ? textBytes : Encoding.UTF8.GetByteCount(token.Normalized);
            int tokenSize = ProtoSize.Delimited(ProtoSize.Span(token.Begin, token.End)) + ProtoSize.String(textBytes) + ProtoSize.String(normalizedBytes)
                + ProtoSize.Int32((int)token.Type) + ProtoSize.Int32(token.SentenceIndex);
            for (int s = segment; s < segment + token.SegmentCount; s++)
            {
                tokenSize += ProtoSize.Delimited(TokenFields.SegmentSize(Segments[s]));
            }

            segment += token.SegmentCount;
            _sizes.Add(tokenSize);
            _sizes.Add(textBytes);
            _sizes.Add(normalizedBytes);
            size += ProtoSize.Delimited(tokenSize);
        }

        return size + TokenFields.SizeSentences(Sentences, SentenceLlmTokenCounts, _sizes);
    }

    /// <summary>Writes every token as the field <paramref name="tag"/> of its response (sized by the last <see cref="CalculateSize"/>).</summary>
    public void WriteTokens(ref ProtoWriter output, byte tag)
    {
        int segment = 0;
        for (int i = 0; i < Tokens.Count; i++)
        {
            DocumentTokenEntry token = Tokens[i];
            int sizes = 3 * i;
            output.Reserve(ProtoWriter.MaxFixedFields);
            output.Delimited(tag, _sizes[sizes]);
            output.TextSpan(token.Begin, token.End);
            if (ReferenceEquals(token.Text, token.Normalized))
            {
                output.SameString(ProtoWriter.TagField2Delimited, ProtoWriter.TagField3Delimited, token.Text, _sizes[sizes + 1]);
            }
            else
            {
                output.String(ProtoWriter.TagField2Delimited, token.Text, _sizes[sizes + 1]);
                output.String(ProtoWriter.TagField3Delimited, token.Normalized, _sizes[sizes + 2]);
            }

            output.Reserve(ProtoWriter.MaxFixedFields);
            output.Int32(ProtoWriter.TagField4Varint, (int)token.Type);
            output.Int32(ProtoWriter.TagField5Varint, token.SentenceIndex);
            for (int s = segment; s < segment + token.SegmentCount; s++)
            {
                TokenFields.WriteSegment(ref output, Segments[s]);
            }

            segment += token.SegmentCount;
        }
    }

    /// <summary>Writes every sentence as the field <paramref name="tag"/> of its response (sized by the last <see cref="CalculateSize"/>).</summary>
    public void WriteSentences(ref ProtoWriter output, byte tag) =>
        TokenFields.WriteSentences(ref output, tag, Sentences, SentenceLlmTokenCounts, _sizes, 3 * Tokens.Count);
}
