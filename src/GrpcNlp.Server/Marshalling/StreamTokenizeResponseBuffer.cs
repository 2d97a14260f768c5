using System.Buffers;
using System.Numerics;
using System.Text;

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
    // Tags: field number << 3 | wire type (0 varint, 2 length-delimited).
    private const byte TagField1Varint = 8, TagField1Delimited = 10, TagField2Varint = 16, TagField2Delimited = 18;
    private const byte TagField3Varint = 24, TagField3Delimited = 26, TagField4Varint = 32, TagField4Delimited = 34;
    private const byte TagField5Varint = 40, TagField6Delimited = 50;

    // The longest encoding of a token's fixed fields: tag and length (1 + 5), span (1 + 1 + 2 x 11),
    // type (1 + 10), sentence index (1 + 10); its forms and segments come on top.
    private const int MaxTokenOverhead = 64;

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
            size += 1 + VarintSize((uint)tokenSize) + tokenSize;
        }

        int count = 0;
        foreach (SentenceEntry sentence in Sentences)
        {
            int sentenceSize = SentenceSize(sentence, count);
            count += sentence.LlmTokenCountCount;
            _sizes.Add(sentenceSize);
            size += 1 + VarintSize((uint)sentenceSize) + sentenceSize;
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

        var output = new Output(destination);
        int segment = 0;
        for (int i = 0; i < Tokens.Count; i++)
        {
            TokenEntry token = Tokens[i];
            output.Reserve(MaxTokenOverhead + token.Forms.Length);
            output.Byte(TagField1Delimited);
            output.Varint((uint)_sizes[i]);
            output.TextSpan(token.Begin, token.End);
            output.Bytes(token.Forms);
            if (token.Type != V1.TokenType.Unspecified)
            {
                output.Byte(TagField4Varint);
                output.Varint((ulong)(long)token.Type);
            }

            if (token.SentenceIndex != 0)
            {
                output.Byte(TagField5Varint);
                output.Varint((ulong)(long)token.SentenceIndex);
            }

            for (int s = segment; s < segment + token.SegmentCount; s++)
            {
                SegmentEntry entry = Segments[s];
                output.Reserve(MaxTokenOverhead);
                output.Byte(TagField6Delimited);
                output.Varint((uint)SegmentSize(entry));
                output.TextSpan(entry.Begin, entry.End);
                output.String(TagField2Delimited, entry.Text);
                output.String(TagField3Delimited, entry.Form);
                if (entry.Role != V1.SegmentRole.Unspecified)
                {
                    output.Reserve(MaxTokenOverhead);
                    output.Byte(TagField4Varint);
                    output.Varint((ulong)(long)entry.Role);
                }
            }

            segment += token.SegmentCount;
        }

        int count = 0;
        for (int i = 0; i < Sentences.Count; i++)
        {
            SentenceEntry sentence = Sentences[i];
            output.Reserve(MaxTokenOverhead);
            output.Byte(TagField2Delimited);
            output.Varint((uint)_sizes[Tokens.Count + i]);
            output.TextSpan(sentence.Begin, sentence.End);
            output.Int32(TagField2Varint, sentence.FirstToken);
            output.Int32(TagField3Varint, sentence.TokenCount);
            for (int c = count; c < count + sentence.LlmTokenCountCount; c++)
            {
                (V1.LlmEncoding encoding, int value) = LlmTokenCounts[c];
                output.Reserve(MaxTokenOverhead);
                output.Byte(TagField4Delimited);
                output.Varint((uint)LlmTokenCountSize(encoding, value));
                output.Int32(TagField1Varint, (int)encoding);
                output.Int32(TagField2Varint, value);
            }

            count += sentence.LlmTokenCountCount;
        }

        output.Flush();
    }

    private int TokenSize(in TokenEntry token, int firstSegment)
    {
        int spanSize = SpanSize(token.Begin, token.End);
        int size = 1 + VarintSize((uint)spanSize) + spanSize + token.Forms.Length + Int32Size((int)token.Type) + Int32Size(token.SentenceIndex);
        for (int s = firstSegment; s < firstSegment + token.SegmentCount; s++)
        {
            int segmentSize = SegmentSize(Segments[s]);
            size += 1 + VarintSize((uint)segmentSize) + segmentSize;
        }

        return size;
    }

    private static int SegmentSize(in SegmentEntry segment)
    {
        int spanSize = SpanSize(segment.Begin, segment.End);
        return 1 + VarintSize((uint)spanSize) + spanSize + StringSize(segment.Text) + StringSize(segment.Form) + Int32Size((int)segment.Role);
    }

    private int SentenceSize(in SentenceEntry sentence, int firstCount)
    {
        int spanSize = SpanSize(sentence.Begin, sentence.End);
        int size = 1 + VarintSize((uint)spanSize) + spanSize + Int32Size(sentence.FirstToken) + Int32Size(sentence.TokenCount);
        for (int c = firstCount; c < firstCount + sentence.LlmTokenCountCount; c++)
        {
            (V1.LlmEncoding encoding, int value) = LlmTokenCounts[c];
            int countSize = LlmTokenCountSize(encoding, value);
            size += 1 + VarintSize((uint)countSize) + countSize;
        }

        return size;
    }

    private static int LlmTokenCountSize(V1.LlmEncoding encoding, int count) => Int32Size((int)encoding) + Int32Size(count);

    // TextSpan: begin = 1, end = 2, both int64, left out when zero.
    private static int SpanSize(long begin, long end) =>
        (begin != 0 ? 1 + VarintSize((ulong)begin) : 0) + (end != 0 ? 1 + VarintSize((ulong)end) : 0);

    private static int StringSize(string value)
    {
        int bytes = Encoding.UTF8.GetByteCount(value);
        return bytes != 0 ? 1 + VarintSize((uint)bytes) + bytes : 0;
    }

    // An int32 or enum field with its tag, left out when zero; a negative value is sign-extended
    // to ten bytes, as protobuf encodes int32.
    private static int Int32Size(int value) => value != 0 ? 1 + VarintSize((ulong)(long)value) : 0;

    private static int VarintSize(ulong value) => (BitOperations.Log2(value | 1) / 7) + 1;

    /// <summary>Writes into spans of a buffer writer, asking for room before each part.</summary>
    private ref struct Output(IBufferWriter<byte> destination)
    {
        private Span<byte> _span;
        private int _position;

        /// <summary>Makes sure the next <paramref name="bytes"/> fit in the current span.</summary>
        public void Reserve(int bytes)
        {
            if (_span.Length - _position < bytes)
            {
                Flush();
                _span = destination.GetSpan(Math.Max(bytes, 4096));
            }
        }

        /// <summary>Hands the written bytes to the buffer writer.</summary>
        public void Flush()
        {
            if (_position > 0)
            {
                destination.Advance(_position);
            }

            _span = default;
            _position = 0;
        }

        public void Byte(byte value) => _span[_position++] = value;

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(_span[_position..]);
            _position += value.Length;
        }

        public void Varint(ulong value)
        {
            while (value >= 0x80)
            {
                _span[_position++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _span[_position++] = (byte)value;
        }

        /// <summary>A span message in field 1 of its parent; always present, as the service always sets it.</summary>
        public void TextSpan(long begin, long end)
        {
            Byte(TagField1Delimited);
            Varint((uint)SpanSize(begin, end));
            if (begin != 0)
            {
                Byte(TagField1Varint);
                Varint((ulong)begin);
            }

            if (end != 0)
            {
                Byte(TagField2Varint);
                Varint((ulong)end);
            }
        }

        public void Int32(byte tag, int value)
        {
            if (value != 0)
            {
                Byte(tag);
                Varint((ulong)(long)value);
            }
        }

        public void String(byte tag, string value)
        {
            int bytes = Encoding.UTF8.GetByteCount(value);
            if (bytes == 0)
            {
                return;
            }

            Reserve(1 + 5 + bytes);
            Byte(tag);
            Varint((uint)bytes);
            _position += Encoding.UTF8.GetBytes(value, _span[_position..]);
            Reserve(MaxTokenOverhead);
        }
    }
}
