using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Services;

/// <summary>Streaming equals unary on generated texts cut at random code point boundaries.</summary>
public sealed class GeneratedStreamingTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private const int Texts = 15;

    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    public async Task StreamNormalize_EqualsUnary_OnGeneratedText(int seed)
    {
        var client = new NormalizationService.NormalizationServiceClient(Fixture.Channel);
        var random = new Random(seed);
        for (int n = 0; n < Texts; n++)
        {
            string text = TextGenerator.Next(random, random.Next(1, 25));
            OffsetEncoding encoding = Offsets.AllEncodings[random.Next(3)];
            var options = new V1.NormalizationOptions { Profile = (NormalizationProfile)random.Next(1, 4) };
            NormalizeResponse unary = await client.NormalizeAsync(
                new NormalizeRequest { Document = new Document { Text = text }, Options = options, OffsetEncoding = encoding }, Call());

            using AsyncDuplexStreamingCall<StreamNormalizeRequest, StreamNormalizeResponse> call = client.StreamNormalize(Call());
            await call.RequestStream.WriteAsync(new StreamNormalizeRequest { Config = new StreamNormalizeConfig { Options = options, OffsetEncoding = encoding } });
            foreach (string chunk in Offsets.RandomChunks(text, random, maxChunk: 5))
            {
                await call.RequestStream.WriteAsync(new StreamNormalizeRequest { Text = chunk });
            }

            await call.RequestStream.CompleteAsync();
            string normalized = string.Empty;
            var edits = new List<V1.TextEdit>();
            await foreach (StreamNormalizeResponse piece in call.ResponseStream.ReadAllAsync())
            {
                normalized += piece.NormalizedText;
                edits.AddRange(piece.Edits);
            }

            Assert.True(unary.NormalizedText == normalized, $"normalized text differs for {Escape(text)}");
            Assert.True(unary.Edits.SequenceEqual(edits), $"edits differ for {Escape(text)}");
        }
    }

    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    public async Task StreamTokenize_EqualsUnary_OnGeneratedText(int seed)
    {
        var client = new TokenizationService.TokenizationServiceClient(Fixture.Channel);
        var random = new Random(seed);
        for (int n = 0; n < Texts; n++)
        {
            string text = TextGenerator.Next(random, random.Next(1, 25));
            OffsetEncoding encoding = Offsets.AllEncodings[random.Next(3)];
            TokenizeResponse unary = await client.TokenizeAsync(
                new TokenizeRequest { Document = new Document { Text = text }, OffsetEncoding = encoding }, Call());
            Assert.All(unary.Tokens, t => Assert.Equal(t.Text, Offsets.Slice(text, t.Span, encoding)));

            using AsyncDuplexStreamingCall<StreamTokenizeRequest, StreamTokenizeResponse> call = client.StreamTokenize(Call());
            await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Config = new StreamTokenizeConfig { OffsetEncoding = encoding } });
            foreach (string chunk in Offsets.RandomChunks(text, random, maxChunk: 5))
            {
                await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Text = chunk });
            }

            await call.RequestStream.CompleteAsync();
            var tokens = new List<Token>();
            var sentences = new List<Sentence>();
            await foreach (StreamTokenizeResponse piece in call.ResponseStream.ReadAllAsync())
            {
                tokens.AddRange(piece.Tokens);
                sentences.AddRange(piece.Sentences);
            }

            Assert.True(unary.Tokens.SequenceEqual(tokens), $"tokens differ for {Escape(text)}");
            Assert.True(unary.Sentences.SequenceEqual(sentences), $"sentences differ for {Escape(text)}");
        }
    }

    private static string Escape(string text)
        => string.Concat(text.Select(c => c < 0x80 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
