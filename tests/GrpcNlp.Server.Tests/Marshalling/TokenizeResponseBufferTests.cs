using GrpcNlp.Server.Marshalling;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Marshalling;

/// <summary>
/// The hand-written Tokenize response writes the bytes the generated serializer writes for the
/// same message: each case builds both from the same values.
/// </summary>
public sealed class TokenizeResponseBufferTests
{
    private static readonly PooledResponseChecks<TokenizeResponseBuffer, TokenizeResponse> s_checks = new(TokenizeResponseBuffer.Rent, Fill, TokenizeMethod.Method.ResponseMarshaller);

    [Fact]
    public void Empty_IsZeroBytes() => s_checks.EmptyIsZeroBytes();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomResponses_EqualGeneratedBytes(int seed) => s_checks.RandomResponsesEqualGeneratedBytes(seed);

    [Fact]
    public void Marshaller_WritesTheGeneratedBytes_ThroughSmallSpans() => s_checks.MarshallerWritesTheGeneratedBytesThroughSmallSpans();

    [Fact]
    public void ReleasedBuffer_ComesBackEmpty() => s_checks.ReleasedBufferComesBackEmpty();

    [Fact]
    public void Deserializing_IsNotSupported() => s_checks.DeserializingIsNotSupported();

    /// <summary>Fills the buffer with random values and returns the generated message with the same ones.</summary>
    private static TokenizeResponse Fill(TokenizeResponseBuffer buffer, Random random)
    {
        var expected = new TokenizeResponse { DocumentId = RandomValues.String(random), Language = RandomValues.String(random) };
        buffer.DocumentId = expected.DocumentId;
        buffer.Language = expected.Language;
        RandomValues.FillTokenList(buffer.TokenList, random, expected.Tokens, expected.Sentences);

        int documentCounts = random.Next(3) == 0 ? random.Next(1, 3) : 0;
        for (int c = 0; c < documentCounts; c++)
        {
            var encoding = (LlmEncoding)random.Next(0, 3);
            int count = RandomValues.Int32(random);
            buffer.LlmTokenCounts.Add((encoding, count));
            expected.LlmTokenCounts.Add(new LlmTokenCount { Encoding = encoding, Count = count });
        }

        return expected;
    }
}
