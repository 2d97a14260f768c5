using System.Buffers;
using Grpc.Core;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Marshalling;

/// <summary>
/// Random field values for the hand-written response writers' tests: strings of every UTF-8
/// width (lone surrogates, lengths around a one-byte length prefix), offsets and ints at varint
/// boundaries, negatives.
/// </summary>
internal static class RandomValues
{
    private static readonly string[] s_strings =
    [
        "", "a", "word", "كتب", "كَتَبَ", "👍", "👩🏽‍💻", "e\u0301", "\uD83D", "x\uDC4Dy", "\u200F",
        new string('w', 42), new string('w', 43), new string('ب', 64), string.Concat(Enumerable.Repeat("🇪🇬", 40)),
    ];

    private static readonly long[] s_offsets = [0, 1, 127, 128, 16_383, 16_384, int.MaxValue, 1L << 40, long.MaxValue, -1];

    private static readonly int[] s_ints = [0, 1, 127, 128, 300_000, int.MaxValue, -1, int.MinValue];

    private static readonly float[] s_floats = [0f, 1f, 0.5f, -2.25f, float.Epsilon, float.MaxValue];

    /// <summary>One of the strings.</summary>
    public static string String(Random random) => Pick(random, s_strings);

    /// <summary>One of the offsets.</summary>
    public static long Offset(Random random) => Pick(random, s_offsets);

    /// <summary>One of the ints.</summary>
    public static int Int32(Random random) => Pick(random, s_ints);

    /// <summary>One of the floats.</summary>
    public static float Single(Random random) => Pick(random, s_floats);

    /// <summary>A random span.</summary>
    public static TextSpan Span(Random random) => new() { Begin = Offset(random), End = Offset(random) };

    /// <summary>
    /// Fills <paramref name="list"/> with random tokens, segments, sentences and sentence LLM
    /// counts, and adds the generated messages with the same values to <paramref name="tokenMessages"/>
    /// and <paramref name="sentenceMessages"/>.
    /// </summary>
    public static void FillTokenList(DocumentTokenList list, Random random, ICollection<Token> tokenMessages, ICollection<Sentence> sentenceMessages)
    {
        int tokens = random.Next(0, 30);
        for (int t = 0; t < tokens; t++)
        {
            (long begin, long end) = (Offset(random), Offset(random));
            string text = String(random);
            string normalized = random.Next(3) == 0 ? String(random) : text;
            var type = (TokenType)random.Next(0, 10);
            int sentenceIndex = Int32(random);
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
                (long segmentBegin, long segmentEnd) = (Offset(random), Offset(random));
                string surface = String(random);
                string form = String(random);
                var role = (SegmentRole)random.Next(0, 6);
                list.Segments.Add(new SegmentEntry(segmentBegin, segmentEnd, surface, form, role));
                token.Segments.Add(new Segment { Span = new TextSpan { Begin = segmentBegin, End = segmentEnd }, Text = surface, Form = form, Role = role });
            }

            list.Tokens.Add(new DocumentTokenEntry(begin, end, text, normalized, type, sentenceIndex, segments));
            tokenMessages.Add(token);
        }

        int sentences = random.Next(0, 6);
        for (int s = 0; s < sentences; s++)
        {
            (long begin, long end) = (Offset(random), Offset(random));
            (int firstToken, int tokenCount) = (Int32(random), Int32(random));
            var sentence = new Sentence { Span = new TextSpan { Begin = begin, End = end }, FirstToken = firstToken, TokenCount = tokenCount };
            int counts = random.Next(3) == 0 ? random.Next(1, 3) : 0;
            for (int c = 0; c < counts; c++)
            {
                var encoding = (LlmEncoding)random.Next(0, 3);
                int count = Int32(random);
                list.SentenceLlmTokenCounts.Add((encoding, count));
                sentence.LlmTokenCounts.Add(new LlmTokenCount { Encoding = encoding, Count = count });
            }

            list.Sentences.Add(new SentenceEntry(begin, end, firstToken, tokenCount, counts));
            sentenceMessages.Add(sentence);
        }
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}

/// <summary>A serialization context over a buffer writer that keeps what a marshaller wrote and checks its announced length.</summary>
internal sealed class BufferSerializationContext(ArrayBufferWriter<byte> writer) : SerializationContext
{
    private int _length = -1;

    /// <summary>The bytes written, once complete.</summary>
    public byte[] Written { get; private set; } = [];

    /// <inheritdoc />
    public override void SetPayloadLength(int payloadLength) => _length = payloadLength;

    /// <inheritdoc />
    public override IBufferWriter<byte> GetBufferWriter() => writer;

    /// <inheritdoc />
    public override void Complete()
    {
        Assert.Equal(_length, writer.WrittenCount);
        Written = writer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public override void Complete(byte[] payload) => throw new NotSupportedException();
}
