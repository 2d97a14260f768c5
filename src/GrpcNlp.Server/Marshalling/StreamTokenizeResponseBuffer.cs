using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GrpcNlp.Server.Marshalling;

/// <summary>A token of a <see cref="V1.StreamTokenizeResponse"/>, as plain values; its segments follow it in <see cref="StreamTokenizeResponseBuffer.Segments"/>.</summary>
internal record struct TokenEntry(long Begin, long End, string Text, string Normalized, V1.TokenType Type, int SentenceIndex, int SegmentCount);

/// <summary>A segment of a token (<see cref="V1.Segment"/>), as plain values.</summary>
internal readonly record struct SegmentEntry(long Begin, long End, string Text, string Form, V1.SegmentRole Role);

/// <summary>A sentence (<see cref="V1.Sentence"/>); its LLM token counts follow it in <see cref="StreamTokenizeResponseBuffer.LlmTokenCounts"/>.</summary>
internal readonly record struct SentenceEntry(long Begin, long End, int FirstToken, int TokenCount, int LlmTokenCountCount);

/// <summary>
/// A <see cref="V1.StreamTokenizeResponse"/> held as lists of plain values and written straight
/// to the wire, byte for byte what the generated serializer writes for the same message (fields
/// in number order, zero and empty values left out, every span present). A stream answers tens
/// of thousands of tokens per 64 KiB chunk: as generated messages, each token is a
/// <see cref="V1.Token"/> and a <see cref="V1.TextSpan"/> to fill, size and write, which cost
/// the server about ten times Core's tokenization. Write-only: the server never parses its
/// own responses, and clients parse these bytes with the generated <see cref="V1.StreamTokenizeResponse"/>.
/// </summary>
internal sealed class StreamTokenizeResponseBuffer : IMessage, IBufferMessage
{
    // Tags: field number << 3 | wire type (0 varint, 2 length-delimited).
    private const byte TagField1Varint = 8, TagField1Delimited = 10, TagField2Varint = 16, TagField2Delimited = 18;
    private const byte TagField3Varint = 24, TagField3Delimited = 26, TagField4Varint = 32, TagField4Delimited = 34;
    private const byte TagField5Varint = 40, TagField6Delimited = 50;

    // Sizes of each token, then of each sentence, from the last CalculateSize: the write needs
    // them for the length prefixes and would otherwise count every string twice more.
    private readonly List<int> _sizes = [];
    private int _size = -1;

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

    /// <summary>The descriptor of the message this writes: <see cref="V1.StreamTokenizeResponse"/>.</summary>
    public MessageDescriptor Descriptor => V1.StreamTokenizeResponse.Descriptor;

    /// <summary>Empties the response for the next one.</summary>
    public void Clear()
    {
        Tokens.Clear();
        Segments.Clear();
        Sentences.Clear();
        LlmTokenCounts.Clear();
        _size = -1;
    }

    /// <summary>The size of the encoded message; call after the last change (the write reuses it).</summary>
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
            size += 1 + CodedOutputStream.ComputeLengthSize(tokenSize) + tokenSize;
        }

        int count = 0;
        foreach (SentenceEntry sentence in Sentences)
        {
            int sentenceSize = SentenceSize(sentence, count);
            count += sentence.LlmTokenCountCount;
            _sizes.Add(sentenceSize);
            size += 1 + CodedOutputStream.ComputeLengthSize(sentenceSize) + sentenceSize;
        }

        _size = size;
        return size;
    }

    /// <summary>Writes the message's fields as the generated <see cref="V1.StreamTokenizeResponse"/> does.</summary>
    void IBufferMessage.InternalWriteTo(ref WriteContext output)
    {
        if (_size < 0 || _sizes.Count != Tokens.Count + Sentences.Count)
        {
            CalculateSize();
        }

        int segment = 0;
        for (int i = 0; i < Tokens.Count; i++)
        {
            TokenEntry token = Tokens[i];
            output.WriteRawTag(TagField1Delimited);
            output.WriteLength(_sizes[i]);
            WriteSpan(ref output, token.Begin, token.End);
            WriteString(ref output, TagField2Delimited, token.Text);
            WriteString(ref output, TagField3Delimited, token.Normalized);
            if (token.Type != V1.TokenType.Unspecified)
            {
                output.WriteRawTag(TagField4Varint);
                output.WriteEnum((int)token.Type);
            }

            if (token.SentenceIndex != 0)
            {
                output.WriteRawTag(TagField5Varint);
                output.WriteInt32(token.SentenceIndex);
            }

            for (int s = segment; s < segment + token.SegmentCount; s++)
            {
                SegmentEntry entry = Segments[s];
                output.WriteRawTag(TagField6Delimited);
                output.WriteLength(SegmentSize(entry));
                WriteSpan(ref output, entry.Begin, entry.End);
                WriteString(ref output, TagField2Delimited, entry.Text);
                WriteString(ref output, TagField3Delimited, entry.Form);
                if (entry.Role != V1.SegmentRole.Unspecified)
                {
                    output.WriteRawTag(TagField4Varint);
                    output.WriteEnum((int)entry.Role);
                }
            }

            segment += token.SegmentCount;
        }

        int count = 0;
        for (int i = 0; i < Sentences.Count; i++)
        {
            SentenceEntry sentence = Sentences[i];
            output.WriteRawTag(TagField2Delimited);
            output.WriteLength(_sizes[Tokens.Count + i]);
            WriteSpan(ref output, sentence.Begin, sentence.End);
            WriteInt32(ref output, TagField2Varint, sentence.FirstToken);
            WriteInt32(ref output, TagField3Varint, sentence.TokenCount);
            for (int c = count; c < count + sentence.LlmTokenCountCount; c++)
            {
                (V1.LlmEncoding encoding, int value) = LlmTokenCounts[c];
                output.WriteRawTag(TagField4Delimited);
                output.WriteLength(LlmTokenCountSize(encoding, value));
                if (encoding != V1.LlmEncoding.Unspecified)
                {
                    output.WriteRawTag(TagField1Varint);
                    output.WriteEnum((int)encoding);
                }

                WriteInt32(ref output, TagField2Varint, value);
            }

            count += sentence.LlmTokenCountCount;
        }
    }

    /// <summary>Writes the message (generated messages do the same: the buffer path).</summary>
    public void WriteTo(CodedOutputStream output) => output.WriteRawMessage(this);

    /// <summary>Not supported: the message is write-only.</summary>
    public void MergeFrom(CodedInputStream input) => throw new NotSupportedException("A StreamTokenizeResponseBuffer is write-only; parse StreamTokenizeResponse instead.");

    /// <summary>Not supported: the message is write-only.</summary>
    void IBufferMessage.InternalMergeFrom(ref ParseContext ctx) => throw new NotSupportedException("A StreamTokenizeResponseBuffer is write-only; parse StreamTokenizeResponse instead.");

    private int TokenSize(in TokenEntry token, int firstSegment)
    {
        int spanSize = SpanSize(token.Begin, token.End);
        int size = 1 + CodedOutputStream.ComputeLengthSize(spanSize) + spanSize
            + StringSize(token.Text) + StringSize(token.Normalized);
        if (token.Type != V1.TokenType.Unspecified)
        {
            size += 1 + CodedOutputStream.ComputeEnumSize((int)token.Type);
        }

        if (token.SentenceIndex != 0)
        {
            size += 1 + CodedOutputStream.ComputeInt32Size(token.SentenceIndex);
        }

        for (int s = firstSegment; s < firstSegment + token.SegmentCount; s++)
        {
            int segmentSize = SegmentSize(Segments[s]);
            size += 1 + CodedOutputStream.ComputeLengthSize(segmentSize) + segmentSize;
        }

        return size;
    }

    private static int SegmentSize(in SegmentEntry segment)
    {
        int spanSize = SpanSize(segment.Begin, segment.End);
        int size = 1 + CodedOutputStream.ComputeLengthSize(spanSize) + spanSize + StringSize(segment.Text) + StringSize(segment.Form);
        return segment.Role != V1.SegmentRole.Unspecified ? size + 1 + CodedOutputStream.ComputeEnumSize((int)segment.Role) : size;
    }

    private int SentenceSize(in SentenceEntry sentence, int firstCount)
    {
        int spanSize = SpanSize(sentence.Begin, sentence.End);
        int size = 1 + CodedOutputStream.ComputeLengthSize(spanSize) + spanSize
            + Int32Size(sentence.FirstToken) + Int32Size(sentence.TokenCount);
        for (int c = firstCount; c < firstCount + sentence.LlmTokenCountCount; c++)
        {
            (V1.LlmEncoding encoding, int value) = LlmTokenCounts[c];
            int countSize = LlmTokenCountSize(encoding, value);
            size += 1 + CodedOutputStream.ComputeLengthSize(countSize) + countSize;
        }

        return size;
    }

    private static int LlmTokenCountSize(V1.LlmEncoding encoding, int count) =>
        (encoding != V1.LlmEncoding.Unspecified ? 1 + CodedOutputStream.ComputeEnumSize((int)encoding) : 0) + Int32Size(count);

    // TextSpan: begin = 1, end = 2, both int64.
    private static int SpanSize(long begin, long end) =>
        (begin != 0 ? 1 + CodedOutputStream.ComputeInt64Size(begin) : 0) + (end != 0 ? 1 + CodedOutputStream.ComputeInt64Size(end) : 0);

    private static int StringSize(string value) => value.Length != 0 ? 1 + CodedOutputStream.ComputeStringSize(value) : 0;

    private static int Int32Size(int value) => value != 0 ? 1 + CodedOutputStream.ComputeInt32Size(value) : 0;

    /// <summary>A span message in field 1 of its parent; always present, as the service always sets it.</summary>
    private static void WriteSpan(ref WriteContext output, long begin, long end)
    {
        output.WriteRawTag(TagField1Delimited);
        output.WriteLength(SpanSize(begin, end));
        if (begin != 0)
        {
            output.WriteRawTag(TagField1Varint);
            output.WriteInt64(begin);
        }

        if (end != 0)
        {
            output.WriteRawTag(TagField2Varint);
            output.WriteInt64(end);
        }
    }

    private static void WriteString(ref WriteContext output, byte tag, string value)
    {
        if (value.Length != 0)
        {
            output.WriteRawTag(tag);
            output.WriteString(value);
        }
    }

    private static void WriteInt32(ref WriteContext output, byte tag, int value)
    {
        if (value != 0)
        {
            output.WriteRawTag(tag);
            output.WriteInt32(value);
        }
    }
}
