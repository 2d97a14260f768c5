using GrpcNlp.Server.Marshalling;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Marshalling;

/// <summary>
/// The hand-written Analyze response writes the bytes the generated serializer writes for the
/// same message: each case builds both from the same values.
/// </summary>
public sealed class AnalyzeResponseBufferTests : PooledResponseBufferTests
{
    private protected override IPooledResponseChecks Checks { get; } =
        new PooledResponseChecks<AnalyzeResponseBuffer, AnalyzeResponse>(AnalyzeResponseBuffer.Rent, Fill, AnalyzeMethod.Method.ResponseMarshaller);

    /// <summary>Fills the buffer with random values and returns the generated message with the same ones.</summary>
    private static AnalyzeResponse Fill(AnalyzeResponseBuffer buffer, Random random)
    {
        var expected = new AnalyzeResponse
        {
            DocumentId = RandomValues.String(random),
            Language = RandomValues.String(random),
            NormalizedText = random.Next(4) == 0 ? string.Concat(Enumerable.Repeat(RandomValues.String(random), random.Next(1, 400))) : RandomValues.String(random),
        };
        buffer.DocumentId = expected.DocumentId;
        buffer.Language = expected.Language;
        buffer.NormalizedText = expected.NormalizedText;
        RandomValues.FillTokenList(buffer.TokenList, random, expected.Tokens, expected.Sentences);

        for (int m = random.Next(0, 8); m > 0; m--)
        {
            var mention = new EntityMention
            {
                Span = random.Next(5) == 0 ? null : RandomValues.Span(random),
                Text = RandomValues.String(random),
                Type = (EntityType)random.Next(0, 16),
                Confidence = RandomValues.Single(random),
                NormalizedValue = RandomValues.String(random),
                EntityIndex = RandomValues.Int32(random),
            };
            buffer.Mentions.Add(mention);
            expected.Mentions.Add(mention.Clone());
        }

        for (int e = random.Next(0, 5); e > 0; e--)
        {
            var entity = new Entity { CanonicalName = RandomValues.String(random), Type = (EntityType)random.Next(0, 16), Salience = RandomValues.Single(random) };
            for (int i = random.Next(0, 4); i > 0; i--)
            {
                entity.MentionIndices.Add(RandomValues.Int32(random));
            }

            buffer.Entities.Add(entity);
            expected.Entities.Add(entity.Clone());
        }

        for (int s = random.Next(0, 4); s > 0; s--)
        {
            var sentence = new SummarySentence
            {
                DocumentId = RandomValues.String(random),
                DocumentIndex = RandomValues.Int32(random),
                SentenceIndex = RandomValues.Int32(random),
                Span = RandomValues.Span(random),
                Text = RandomValues.String(random),
                Score = RandomValues.Single(random),
            };
            buffer.Summary.Add(sentence);
            expected.Summary.Add(sentence.Clone());
        }

        return expected;
    }
}
