using System.Buffers;
using Google.Protobuf;
using Grpc.Core;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Marshalling;

/// <summary>
/// The hand-written Tokenize response writes the bytes the generated serializer writes for the
/// same message: each case builds both from the same values.
/// </summary>
public sealed class TokenizeResponseBufferTests
{
    private static readonly string[] s_strings =
    [
        "", "a", "word", "كتب", "كَتَبَ", "👍", "👩🏽‍💻", "e\u0301", "\uD83D", "x\uDC4Dy", "\u200F",
        new string('w', 42), new string('w', 43), new string('ب', 64), string.Concat(Enumerable.Repeat("🇪🇬", 40)),
    ];

    private static readonly long[] s_offsets = [0, 1, 127, 128, 16_383, 16_384, int.MaxValue, 1L << 40, long.MaxValue, -1];

    private static readonly int[] s_ints = [0, 1, 127, 128, 300_000, int.MaxValue, -1, int.MinValue];

    [Fact]
    public void Empty_IsZeroBytes()
    {
        var buffer = new TokenizeResponseBuffer();
        Assert.Equal(0, buffer.CalculateSize());
        Assert.Empty(buffer.ToByteArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomResponses_EqualGeneratedBytes(int seed)
    {
        var random = new Random(seed);
        var buffer = new TokenizeResponseBuffer();
        for (int n = 0; n < 50; n++)
        {
            // The same buffer is cleared and refilled, as the pool reuses it.
            buffer.Clear();
            TokenizeResponse expected = Fill(buffer, random);
            byte[] generated = expected.ToByteArray();

            Assert.Equal(generated.Length, buffer.CalculateSize());
            Assert.Equal(generated, buffer.ToByteArray());
        }
    }

    [Fact]
    public void Marshaller_WritesTheGeneratedBytes_ThroughSmallSpans()
    {
        var buffer = new TokenizeResponseBuffer();
        TokenizeResponse expected = Fill(buffer, new Random(9));

        // A small first span, so that the writer asks for room many times.
        var context = new BufferSerializationContext(new ArrayBufferWriter<byte>(16));
        TokenizeMethod.Method.ResponseMarshaller.ContextualSerializer(buffer, context);
        Assert.Equal(expected.ToByteArray(), context.Written);
    }

    [Fact]
    public void ReturnedBuffer_ComesBackEmpty()
    {
        TokenizeResponseBuffer buffer = TokenizeResponseBuffer.Rent();
        Fill(buffer, new Random(11));
        TokenizeResponseBuffer.Return(buffer);

        // Other tests may rent at the same time: whichever buffer comes back is empty.
        TokenizeResponseBuffer next = TokenizeResponseBuffer.Rent();
        Assert.Equal(0, next.CalculateSize());
        Assert.Empty(next.Tokens);
        Assert.Equal("", next.DocumentId);
    }

    [Fact]
    public void Deserializing_IsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => TokenizeMethod.Method.ResponseMarshaller.ContextualDeserializer(null!));
    }

    /// <summary>Fills the buffer with random values and returns the generated message with the same ones.</summary>
    private static TokenizeResponse Fill(TokenizeResponseBuffer buffer, Random random)
    {
        var expected = new TokenizeResponse { DocumentId = Pick(random, s_strings), Language = Pick(random, s_strings) };
        buffer.DocumentId = expected.DocumentId;
        buffer.Language = expected.Language;
        int tokens = random.Next(0, 30);
        for (int t = 0; t < tokens; t++)
        {
            (long begin, long end) = (Pick(random, s_offsets), Pick(random, s_offsets));
            string text = Pick(random, s_strings);
            string normalized = random.Next(3) == 0 ? Pick(random, s_strings) : text;
            var type = (TokenType)random.Next(0, 10);
            int sentenceIndex = Pick(random, s_ints);
            var token = new Token
            {
                Span = new TextSpan { Begin = begin, End = end },
                Text = text,
                Normalized = normalized,
                Type = type,
                SentenceIndex = sentenceIndex,
            };
            int segments = random.Next(4) == 0 ? random.Next(1, 4) : 0;
            for (int s = 0; s < segments; s++)
            {
                (long segmentBegin, long segmentEnd) = (Pick(random, s_offsets), Pick(random, s_offsets));
                string surface = Pick(random, s_strings);
                string form = Pick(random, s_strings);
                var role = (SegmentRole)random.Next(0, 6);
                buffer.Segments.Add(new SegmentEntry(segmentBegin, segmentEnd, surface, form, role));
                token.Segments.Add(new Segment { Span = new TextSpan { Begin = segmentBegin, End = segmentEnd }, Text = surface, Form = form, Role = role });
            }

            buffer.Tokens.Add(new DocumentTokenEntry(begin, end, text, normalized, type, sentenceIndex, segments));
            expected.Tokens.Add(token);
        }

        int sentences = random.Next(0, 6);
        for (int s = 0; s < sentences; s++)
        {
            (long begin, long end) = (Pick(random, s_offsets), Pick(random, s_offsets));
            (int firstToken, int tokenCount) = (Pick(random, s_ints), Pick(random, s_ints));
            var sentence = new Sentence { Span = new TextSpan { Begin = begin, End = end }, FirstToken = firstToken, TokenCount = tokenCount };
            int counts = random.Next(3) == 0 ? random.Next(1, 3) : 0;
            for (int c = 0; c < counts; c++)
            {
                var encoding = (LlmEncoding)random.Next(0, 3);
                int count = Pick(random, s_ints);
                buffer.SentenceLlmTokenCounts.Add((encoding, count));
                sentence.LlmTokenCounts.Add(new LlmTokenCount { Encoding = encoding, Count = count });
            }

            buffer.Sentences.Add(new SentenceEntry(begin, end, firstToken, tokenCount, counts));
            expected.Sentences.Add(sentence);
        }

        int documentCounts = random.Next(3) == 0 ? random.Next(1, 3) : 0;
        for (int c = 0; c < documentCounts; c++)
        {
            var encoding = (LlmEncoding)random.Next(0, 3);
            int count = Pick(random, s_ints);
            buffer.LlmTokenCounts.Add((encoding, count));
            expected.LlmTokenCounts.Add(new LlmTokenCount { Encoding = encoding, Count = count });
        }

        return expected;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private sealed class BufferSerializationContext(ArrayBufferWriter<byte> writer) : SerializationContext
    {
        private int _length = -1;

        public byte[] Written { get; private set; } = [];

        public override void SetPayloadLength(int payloadLength) => _length = payloadLength;

        public override IBufferWriter<byte> GetBufferWriter() => writer;

        public override void Complete()
        {
            Assert.Equal(_length, writer.WrittenCount);
            Written = writer.WrittenSpan.ToArray();
        }

        public override void Complete(byte[] payload) => throw new NotSupportedException();
    }
}
