using GrpcNlp.Server.Marshalling;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Marshalling;

/// <summary>
/// The hand-written Tokenize response writes the bytes the generated serializer writes for the
/// same message: each case builds both from the same values.
/// </summary>
public sealed class TokenizeResponseBufferTests : PooledResponseBufferTests
{
    private protected override IPooledResponseChecks Checks { get; } =
        new PooledResponseChecks<TokenizeResponseBuffer, TokenizeResponse>(TokenizeResponseBuffer.Rent, Fill, TokenizeMethod.Method.ResponseMarshaller);

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
