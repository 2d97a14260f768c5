using System.Buffers;
using Google.Protobuf;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Marshalling;

/// <summary>
/// The hand-written StreamTokenize response writes the bytes the generated serializer writes for
/// the same message: each case builds both from the same values.
/// </summary>
public sealed class StreamTokenizeResponseBufferTests
{
    [Fact]
    public void Empty_IsZeroBytes()
    {
        var buffer = new StreamTokenizeResponseBuffer();
        Assert.True(buffer.IsEmpty);
        Assert.Equal(0, buffer.CalculateSize());
        Assert.Empty(Serialize(buffer));
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
        var buffer = new StreamTokenizeResponseBuffer();
        for (int n = 0; n < 50; n++)
        {
            // The same buffer is cleared and refilled, as a stream reuses it.
            buffer.Clear();
            StreamTokenizeResponse expected = Fill(buffer, random);
            byte[] generated = expected.ToByteArray();

            Assert.Equal(generated.Length, buffer.CalculateSize());
            Assert.Equal(generated, Serialize(buffer));
            Assert.Equal(generated, buffer.ToByteArray());
        }
    }

    [Fact]
    public void WriteWithoutSizing_EqualsGeneratedBytes()
    {
        var buffer = new StreamTokenizeResponseBuffer();
        StreamTokenizeResponse expected = Fill(buffer, new Random(9));
        // A small first span, so that the writer asks for room many times.
        var output = new ArrayBufferWriter<byte>(16);
        buffer.WriteTo(output);
        Assert.Equal(expected.ToByteArray(), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Deserializing_IsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => StreamTokenizeMethod.Method.ResponseMarshaller.ContextualDeserializer(null!));
    }

    /// <summary>Fills the buffer with random values and returns the generated message with the same ones.</summary>
    private static StreamTokenizeResponse Fill(StreamTokenizeResponseBuffer buffer, Random random)
    {
        var expected = new StreamTokenizeResponse();
        int tokens = random.Next(0, 30);
        for (int t = 0; t < tokens; t++)
        {
            (long begin, long end) = (RandomValues.Offset(random), RandomValues.Offset(random));
            string text = RandomValues.String(random);
            string normalized = random.Next(3) == 0 ? RandomValues.String(random) : text;
            var type = (TokenType)random.Next(0, 10);
            int sentenceIndex = RandomValues.Int32(random);
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
                (long segmentBegin, long segmentEnd) = (RandomValues.Offset(random), RandomValues.Offset(random));
                string surface = RandomValues.String(random);
                string form = RandomValues.String(random);
                var role = (SegmentRole)random.Next(0, 6);
                buffer.Segments.Add(new SegmentEntry(segmentBegin, segmentEnd, surface, form, role));
                token.Segments.Add(new Segment { Span = new TextSpan { Begin = segmentBegin, End = segmentEnd }, Text = surface, Form = form, Role = role });
            }

            buffer.Tokens.Add(new TokenEntry(begin, end, EncodedTokenForms.Encode(text, normalized), type, sentenceIndex, segments));
            expected.Tokens.Add(token);
        }

        int sentences = random.Next(0, 6);
        for (int s = 0; s < sentences; s++)
        {
            (long begin, long end) = (RandomValues.Offset(random), RandomValues.Offset(random));
            (int firstToken, int tokenCount) = (RandomValues.Int32(random), RandomValues.Int32(random));
            var sentence = new Sentence { Span = new TextSpan { Begin = begin, End = end }, FirstToken = firstToken, TokenCount = tokenCount };
            int counts = random.Next(3) == 0 ? random.Next(1, 3) : 0;
            for (int c = 0; c < counts; c++)
            {
                var encoding = (LlmEncoding)random.Next(0, 3);
                int count = RandomValues.Int32(random);
                buffer.LlmTokenCounts.Add((encoding, count));
                sentence.LlmTokenCounts.Add(new LlmTokenCount { Encoding = encoding, Count = count });
            }

            buffer.Sentences.Add(new SentenceEntry(begin, end, firstToken, tokenCount, counts));
            expected.Sentences.Add(sentence);
        }

        return expected;
    }


    /// <summary>Serializes through the method's response marshaller, as the server does.</summary>
    private static byte[] Serialize(StreamTokenizeResponseBuffer buffer)
    {
        var context = new BufferSerializationContext(new ArrayBufferWriter<byte>());
        StreamTokenizeMethod.Method.ResponseMarshaller.ContextualSerializer(buffer, context);
        return context.Written;
    }
}
