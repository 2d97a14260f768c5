using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;
using Microsoft.ML.Tokenizers;

namespace GrpcNlp.Server.Tests.Services;

public sealed class LlmTokenCountTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private const string Text = "The talks ended today. قال المتحدث إن الاجتماع انتهى. Prices rose 3.5% 👍🏽!";

    private static readonly Tokenizer s_o200k = TiktokenTokenizer.CreateForEncoding("o200k_base");
    private static readonly Tokenizer s_cl100k = TiktokenTokenizer.CreateForEncoding("cl100k_base");

    private TokenizationService.TokenizationServiceClient Client => new(Fixture.Channel);

    [Fact]
    public async Task Tokenize_WithLlmEncodings_CountsTheTextAndEachSentenceLikeTheTokenizerLibrary()
    {
        var options = new TokenizeOptions { LlmEncodings = { LlmEncoding.O200KBase, LlmEncoding.Cl100KBase, LlmEncoding.O200KBase } };
        TokenizeResponse response = await Client.TokenizeAsync(
            new TokenizeRequest { Document = new Document { Text = Text, Language = "en" }, Options = options, OffsetEncoding = OffsetEncoding.Utf16 }, Call());

        Assert.Equal(
            [new LlmTokenCount { Encoding = LlmEncoding.O200KBase, Count = s_o200k.CountTokens(Text) }, new LlmTokenCount { Encoding = LlmEncoding.Cl100KBase, Count = s_cl100k.CountTokens(Text) }],
            response.LlmTokenCounts);
        Assert.Equal(3, response.Sentences.Count);
        foreach (Sentence sentence in response.Sentences)
        {
            string sentenceText = Text[(int)sentence.Span.Begin..(int)sentence.Span.End];
            Assert.Equal(2, sentence.LlmTokenCounts.Count);
            Assert.Equal(s_o200k.CountTokens(sentenceText), sentence.LlmTokenCounts[0].Count);
            Assert.Equal(s_cl100k.CountTokens(sentenceText), sentence.LlmTokenCounts[1].Count);
            Assert.True(sentence.LlmTokenCounts[0].Count > 0);
        }

        // The encodings differ on Arabic, so the counts are not one number returned twice.
        Assert.NotEqual(response.LlmTokenCounts[0].Count, response.LlmTokenCounts[1].Count);
    }

    [Fact]
    public async Task Tokenize_WithoutLlmEncodings_ReturnsNoCounts()
    {
        TokenizeResponse response = await Client.TokenizeAsync(
            new TokenizeRequest { Document = new Document { Text = Text } }, Call());

        Assert.Empty(response.LlmTokenCounts);
        Assert.All(response.Sentences, s => Assert.Empty(s.LlmTokenCounts));
    }

    [Fact]
    public async Task Tokenize_UnspecifiedLlmEncoding_IsInvalidArgument_OnItsIndex()
    {
        var options = new TokenizeOptions { LlmEncodings = { LlmEncoding.O200KBase, LlmEncoding.Unspecified } };
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Client.TokenizeAsync(new TokenizeRequest { Document = new Document { Text = Text }, Options = options }, Call()).ResponseAsync);

        RpcAssert.HasFieldViolation(error, "options.llm_encodings[1]");
    }

    [Fact]
    public async Task StreamTokenize_WithLlmEncodings_CountsEachSentenceLikeUnary()
    {
        var options = new TokenizeOptions { LlmEncodings = { LlmEncoding.Cl100KBase } };
        TokenizeResponse unary = await Client.TokenizeAsync(
            new TokenizeRequest { Document = new Document { Text = Text, Language = "en" }, Options = options }, Call());

        using AsyncDuplexStreamingCall<StreamTokenizeRequest, StreamTokenizeResponse> call = Client.StreamTokenize(Call());
        await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Config = new StreamTokenizeConfig { Language = "en", Options = options } });
        for (int i = 0; i < Text.Length; i += 7)
        {
            await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Text = Text.Substring(i, Math.Min(7, Text.Length - i)) });
        }

        await call.RequestStream.CompleteAsync();
        var sentences = new List<Sentence>();
        await foreach (StreamTokenizeResponse piece in call.ResponseStream.ReadAllAsync())
        {
            sentences.AddRange(piece.Sentences);
        }

        Assert.Equal(unary.Sentences, sentences);
    }
}
