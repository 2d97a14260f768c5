using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// A token of a <see cref="V1.TokenizeResponse"/>, as plain values; its segments follow it in
/// <see cref="TokenizeResponseBuffer.Segments"/>. <paramref name="Text"/> and
/// <paramref name="Normalized"/> are often one string (a token already normalized).
/// </summary>
internal readonly record struct DocumentTokenEntry(long Begin, long End, string Text, string Normalized, V1.TokenType Type, int SentenceIndex,
    int SegmentCount);

/// <summary>
/// A <see cref="V1.TokenizeResponse"/> held as lists of plain values and written straight to the
/// wire, byte for byte what the generated serializer writes for the same message (see
/// <see cref="ProtoSize"/>). Unary Tokenize over gRPC answers with this (<see cref="TokenizeMethod"/>):
/// as generated messages, each token is a <see cref="V1.Token"/> and a <see cref="V1.TextSpan"/>
/// to allocate and fill, and the serializer measures every nested message and every string again
/// when it writes the length prefixes (a token's strings are measured three times and transcoded
/// once). Here each token is one struct in a list, each string is measured once, and a
/// token whose text is its normalized form is transcoded once.
/// Write-only: clients parse these bytes with the generated <see cref="V1.TokenizeResponse"/>.
/// </summary>
/// <remarks>
/// Buffers are pooled (<see cref="Rent"/>, <see cref="Return"/>): the server's response
/// marshaller returns a buffer once it has written it, the last use of a unary response. A
/// buffer that is never written (a failed or cancelled call) is simply left to the GC.
/// </remarks>
internal sealed class TokenizeResponseBuffer
{
    // Enough for the calls this pool is for (short texts, a few concurrent calls per core);
    // a larger buffer is dropped on return so that one long document does not stay in memory.
    private const int PoolSize = 32;
    private const int MaxPooledTokens = 4096;

    private static readonly ConcurrentQueue<TokenizeResponseBuffer> s_pool = new();
    private static int s_pooled;

    // From the last CalculateSize, for the write: per token its size and the UTF-8 lengths of
    // its text and normalized form; then per sentence its size.
    private readonly List<int> _sizes = [];
    private int _documentIdBytes;
    private int _languageBytes;
    private bool _sized;

    /// <summary>The document's id (field 1).</summary>
    public string DocumentId { get; set; } = string.Empty;

    /// <summary>The document's language (field 2).</summary>
    public string Language { get; set; } = string.Empty;

    /// <summary>The tokens, in order.</summary>
    public List<DocumentTokenEntry> Tokens { get; } = [];

    /// <summary>The segments of the tokens, in token order (each token has <see cref="DocumentTokenEntry.SegmentCount"/>).</summary>
    public List<SegmentEntry> Segments { get; } = [];

    /// <summary>The sentences, in order.</summary>
    public List<SentenceEntry> Sentences { get; } = [];

    /// <summary>The LLM token counts of the sentences, in sentence order (each sentence has <see cref="SentenceEntry.LlmTokenCountCount"/>).</summary>
    public List<(V1.LlmEncoding Encoding, int Count)> SentenceLlmTokenCounts { get; } = [];

    /// <summary>The LLM token counts of the whole text (field 5).</summary>
    public List<(V1.LlmEncoding Encoding, int Count)> LlmTokenCounts { get; } = [];

    /// <summary>An empty buffer from the pool, or a new one.</summary>
    public static TokenizeResponseBuffer Rent()
    {
        if (s_pool.TryDequeue(out TokenizeResponseBuffer? buffer))
        {
            Interlocked.Decrement(ref s_pooled);
            return buffer;
        }

        return new TokenizeResponseBuffer();
    }

    /// <summary>Empties <paramref name="buffer"/> and keeps it for a later call; its caller must not use it again.</summary>
    public static void Return(TokenizeResponseBuffer buffer)
    {
        if (buffer.Tokens.Capacity > MaxPooledTokens)
        {
            return;
        }

        if (Interlocked.Increment(ref s_pooled) > PoolSize)
        {
            Interlocked.Decrement(ref s_pooled);
            return;
        }

        buffer.Clear();
        s_pool.Enqueue(buffer);
    }

    /// <summary>Empties the response.</summary>
    public void Clear()
    {
        DocumentId = string.Empty;
        Language = string.Empty;
        Tokens.Clear();
        Segments.Clear();
        Sentences.Clear();
        SentenceLlmTokenCounts.Clear();
        LlmTokenCounts.Clear();
        _sized = false;
    }

    /// <summary>The size of the encoded message; <see cref="WriteTo"/> reuses what it measured, so call it after the last change.</summary>
    public int CalculateSize()
    {
        _sizes.Clear();
        _documentIdBytes = Encoding.UTF8.GetByteCount(DocumentId);
        _languageBytes = Encoding.UTF8.GetByteCount(Language);
        int size = ProtoSize.String(_documentIdBytes) + ProtoSize.String(_languageBytes);
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

        int count = 0;
        foreach (SentenceEntry sentence in Sentences)
        {
            int sentenceSize = TokenFields.SentenceSize(sentence, TokenFields.CountsOf(SentenceLlmTokenCounts, count, sentence.LlmTokenCountCount));
            count += sentence.LlmTokenCountCount;
            _sizes.Add(sentenceSize);
            size += ProtoSize.Delimited(sentenceSize);
        }

        foreach ((V1.LlmEncoding encoding, int value) in LlmTokenCounts)
        {
            size += ProtoSize.Delimited(TokenFields.LlmTokenCountSize(encoding, value));
        }

        _sized = true;
        return size;
    }

    /// <summary>The encoded message as a new array.</summary>
    public byte[] ToByteArray()
    {
        var output = new ArrayBufferWriter<byte>();
        WriteTo(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes the encoded message (sized by the last <see cref="CalculateSize"/> since <see cref="Clear"/>, or now).</summary>
    public void WriteTo(IBufferWriter<byte> destination)
    {
        if (!_sized)
        {
            CalculateSize();
        }

        var output = new ProtoWriter(destination);
        output.String(ProtoWriter.TagField1Delimited, DocumentId, _documentIdBytes);
        output.String(ProtoWriter.TagField2Delimited, Language, _languageBytes);
        int segment = 0;
        for (int i = 0; i < Tokens.Count; i++)
        {
            DocumentTokenEntry token = Tokens[i];
            int sizes = 3 * i;
            output.Reserve(ProtoWriter.MaxFixedFields);
            output.Delimited(ProtoWriter.TagField3Delimited, _sizes[sizes]);
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

        int count = 0;
        for (int i = 0; i < Sentences.Count; i++)
        {
            SentenceEntry sentence = Sentences[i];
            TokenFields.WriteSentence(ref output, ProtoWriter.TagField4Delimited, _sizes[(3 * Tokens.Count) + i], sentence,
                TokenFields.CountsOf(SentenceLlmTokenCounts, count, sentence.LlmTokenCountCount));
            count += sentence.LlmTokenCountCount;
        }

        foreach ((V1.LlmEncoding encoding, int value) in LlmTokenCounts)
        {
            TokenFields.WriteLlmTokenCount(ref output, ProtoWriter.TagField5Delimited, encoding, value);
        }

        output.Flush();
    }
}
