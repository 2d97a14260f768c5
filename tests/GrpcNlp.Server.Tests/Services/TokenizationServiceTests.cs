using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Services;

public sealed class TokenizationServiceTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private TokenizationService.TokenizationServiceClient Client => new(Fixture.Channel);

    [Theory]
    [MemberData(nameof(Texts.AllInEveryEncoding), MemberType = typeof(Texts))]
    public async Task Tokenize_EverySpanSlicesToItsText(string text, OffsetEncoding encoding)
    {
        TokenizeResponse response = await Client.TokenizeAsync(
            new TokenizeRequest { Document = new Document { Id = "t", Text = text }, OffsetEncoding = encoding }, Call());

        Assert.Equal("t", response.DocumentId);
        Assert.NotEmpty(response.Tokens);
        Assert.NotEmpty(response.Sentences);
        long previousEnd = 0;
        foreach (Token token in response.Tokens)
        {
            Assert.Equal(token.Text, Offsets.Slice(text, token.Span, encoding));
            Assert.True(token.Span.Begin >= previousEnd, "tokens are in text order and do not overlap");
            Assert.NotEqual(TokenType.Unspecified, token.Type);
            Assert.InRange(token.SentenceIndex, 0, response.Sentences.Count - 1);
            previousEnd = token.Span.End;
        }

        for (int s = 0; s < response.Sentences.Count; s++)
        {
            Sentence sentence = response.Sentences[s];
            Token first = response.Tokens[sentence.FirstToken];
            Token last = response.Tokens[sentence.FirstToken + sentence.TokenCount - 1];
            Assert.Equal(first.Span.Begin, sentence.Span.Begin);
            Assert.Equal(last.Span.End, sentence.Span.End);
            Assert.Equal(s, first.SentenceIndex);
        }
    }

    [Fact]
    public async Task Tokenize_KeepsEmojiAsOneToken()
    {
        TokenizeResponse response = await Client.TokenizeAsync(
            new TokenizeRequest { Document = new Document { Text = Texts.English }, OffsetEncoding = OffsetEncoding.CodePoint }, Call());
        Token emoji = Assert.Single(response.Tokens, t => t.Type == TokenType.Emoji);
        Assert.Equal("👩🏽‍💻", emoji.Text);
        Assert.Equal(4, emoji.Span.End - emoji.Span.Begin);
    }

    [Theory]
    [InlineData(OffsetEncoding.Utf8, 11)]
    [InlineData(OffsetEncoding.Utf16, 12)]
    [InlineData(OffsetEncoding.CodePoint, 13)]
    public async Task StreamTokenize_EqualsUnary_UnderRandomChunking(OffsetEncoding encoding, int seed)
    {
        var random = new Random(seed);
        foreach (string text in Texts.All)
        {
            TokenizeResponse unary = await Client.TokenizeAsync(
                new TokenizeRequest { Document = new Document { Text = text }, OffsetEncoding = encoding }, Call());
            for (int round = 0; round < 3; round++)
            {
                using AsyncDuplexStreamingCall<StreamTokenizeRequest, StreamTokenizeResponse> call = Client.StreamTokenize(Call());
                await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Config = new StreamTokenizeConfig { OffsetEncoding = encoding } });
                foreach (string chunk in Offsets.RandomChunks(text, random))
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

                Assert.Equal(unary.Tokens, tokens);
                Assert.Equal(unary.Sentences, sentences);
            }
        }
    }

    [Fact]
    public async Task StreamTokenize_WithoutConfig_UsesUtf8Defaults()
    {
        using AsyncDuplexStreamingCall<StreamTokenizeRequest, StreamTokenizeResponse> call = Client.StreamTokenize(Call());
        await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Text = "Hello " });
        await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Text = "world." });
        await call.RequestStream.CompleteAsync();
        var tokens = new List<Token>();
        await foreach (StreamTokenizeResponse piece in call.ResponseStream.ReadAllAsync())
        {
            tokens.AddRange(piece.Tokens);
        }

        foreach (Token token in tokens)
        {
            Assert.Equal(token.Text, Offsets.Slice("Hello world.", token.Span, OffsetEncoding.Utf8));
        }

        Assert.Equal(3, tokens.Count);
    }
}
