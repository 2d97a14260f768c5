using System.Buffers;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// A token of a <see cref="V1.StreamTokenizeResponse"/>, as plain values: <paramref name="Forms"/>
/// is its text and normalized form already encoded (<see cref="EncodedTokenForms.Encode"/>); its
/// segments follow it in <see cref="StreamTokenizeResponseBuffer.Segments"/>.
/// </summary>
internal record struct TokenEntry(long Begin, long End, byte[] Forms, V1.TokenType Type, int SentenceIndex, int SegmentCount);

/// <summary>A segment of a token (<see cref="V1.Segment"/>), as plain values.</summary>
internal readonly record struct SegmentEntry(long Begin, long End, string Text, string Form, V1.SegmentRole Role);

/// <summary>A sentence (<see cref="V1.Sentence"/>); its LLM token counts follow it in <see cref="StreamTokenizeResponseBuffer.LlmTokenCounts"/>.</summary>
internal readonly record struct SentenceEntry(long Begin, long End, int FirstToken, int TokenCount, int LlmTokenCountCount);

/// <summary>
/// A <see cref="V1.StreamTokenizeResponse"/> held as lists of plain values and written straight
/// to the wire, byte for byte what the generated serializer writes for the same message (fields
/// in number order, zero and empty values left out, every span present; strings as UTF-8 with
/// U+FFFD for a lone surrogate). A stream answers tens of thousands of tokens per 64 KiB chunk:
/// as generated messages, each token is a <see cref="V1.Token"/> and a <see cref="V1.TextSpan"/>
/// to fill, size and write field by field, with its two strings measured and transcoded on every
/// occurrence. Here a token is its span, a few varints and a copy of its pre-encoded strings.
/// Write-only: clients parse these bytes with the generated <see cref="V1.StreamTokenizeResponse"/>.
/// </summary>
internal sealed class StreamTokenizeResponseBuffer
{
    // Sizes of each token, then of each sentence, from the last CalculateSize: the write needs
    // them for the length prefixes.
    private readonly List<int> _sizes = [];
    private bool _sized;

    /// <summary>The tokens, in order.</summary>
    public List<TokenEntry> Tokens { get; } = [];

    /// <summary>The segments of the tokens, in token order (each token has <see cref="TokenEntry.SegmentCount"/>).</summary>
    public List<SegmentEntry> Segments { get; } = [];

    /// <summary>The sentences, in order.</summary>
    public List<SentenceEntry> Sentences { get; } = [];

    /// <summary>The LLM token counts of the sentences, in sentence order (each sentence has <see cref="SentenceEntry.LlmTokenCountCount"/>).</summary>
    public List<(V1.LlmEncoding Encoding, int Count)> LlmTokenCounts { get; } = [];

    /// <summary>True when the response holds neither tokens nor sentences.</summary>
    public bool IsEmpty => Tokens.Count == 0 && Sentences.Count == 0;

    /// <summary>Empties the response for the next one.</summary>
    public void Clear()
    {
        Tokens.Clear();
        Segments.Clear();
        Sentences.Clear();
        LlmTokenCounts.Clear();
        _sized = false;
    }

    /// <summary>The size of the encoded message; <see cref="WriteTo"/> reuses what it measured, so call it after the last change.</summary>
    public int CalculateSize()
    {
        _sizes.Clear();
        int size = 0;
        int segment = 0;
        foreach (TokenEntry token in Tokens)
        {
            int tokenSize = TokenSize(token, segment);
            segment += token.SegmentCount;
            _sizes.Add(tokenSize);
            size += ProtoSize.Delimited(tokenSize);
        }

        size += TokenFields.SizeSentences(Sentences, LlmTokenCounts, _sizes);
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
        int segment = 0;
        for (int i = 0; i < Tokens.Count; i++)
        {
            TokenEntry token = Tokens[i];
            output.Reserve(ProtoWriter.MaxFixedFields + token.Forms.Length);
            output.Delimited(ProtoWriter.TagField1Delimited, _sizes[i]);
            output.TextSpan(token.Begin, token.End);
            output.Bytes(token.Forms);
            output.Int32(ProtoWriter.TagField4Varint, (int)token.Type);
            output.Int32(ProtoWriter.TagField5Varint, token.SentenceIndex);
            for (int s = segment; s < segment + token.SegmentCount; s++)
            {
                TokenFields.WriteSegment(ref output, Segments[s]);
            }

            segment += token.SegmentCount;
        }

        TokenFields.WriteSentences(ref output, ProtoWriter.TagField2Delimited, Sentences, LlmTokenCounts, _sizes, Tokens.Count);
        output.Flush();
    }

    private int TokenSize(in TokenEntry token, int firstSegment)
    {
        int size = ProtoSize.Delimited(ProtoSize.Span(token.Begin, token.End)) + token.Forms.Length
            + ProtoSize.Int32((int)token.Type) + ProtoSize.Int32(token.SentenceIndex);
        for (int s = firstSegment; s < firstSegment + token.SegmentCount; s++)
        {
            size += ProtoSize.Delimited(TokenFields.SegmentSize(Segments[s]));
        }

        return size;
    }
}
