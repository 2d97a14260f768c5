using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Services;

/// <summary>Arabic clitic segmentation through TokenizationService (Token.segments).</summary>
public sealed class SegmentationServiceTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    // Written for these tests: "For the first time, the students went to the school with their books."
    private const string Text = "للمرة الأولى ذهب الطلاب بكتبهم وبالمدرسة 👩🏽‍💻 سيكتبونها.";

    private TokenizationService.TokenizationServiceClient Client => new(Fixture.Channel);

    private static string Show(Token token) => string.Join('+', token.Segments.Select(s => s.Form));

    [Theory]
    [InlineData(OffsetEncoding.Utf8)]
    [InlineData(OffsetEncoding.Utf16)]
    [InlineData(OffsetEncoding.CodePoint)]
    public async Task Tokenize_Atb_SegmentsTileTheirTokenInEveryEncoding(OffsetEncoding encoding)
    {
        TokenizeResponse response = await Tokenize(SegmentationScheme.Atb, encoding);

        foreach (Token token in response.Tokens.Where(t => t.Segments.Count > 0))
        {
            Assert.True(token.Segments.Count > 1);
            long position = token.Span.Begin;
            foreach (Segment segment in token.Segments)
            {
                Assert.Equal(position, segment.Span.Begin);
                Assert.Equal(segment.Text, Offsets.Slice(Text, segment.Span, encoding));
                position = segment.Span.End;
            }

            Assert.Equal(token.Span.End, position);
        }

        Token school = Assert.Single(response.Tokens, t => t.Text == "وبالمدرسة");
        Assert.Equal("و+ب+المدرسة", Show(school));
        Assert.Equal([SegmentRole.Proclitic, SegmentRole.Proclitic, SegmentRole.Stem], school.Segments.Select(s => s.Role));
        Assert.Equal("س+يكتبون+ها", Show(Assert.Single(response.Tokens, t => t.Text == "سيكتبونها")));
        Assert.Empty(Assert.Single(response.Tokens, t => t.Text == "ذهب").Segments);
    }

    [Fact]
    public async Task Tokenize_D3_RestoresTheArticleWithAnExactSpan()
    {
        TokenizeResponse response = await Tokenize(SegmentationScheme.D3, OffsetEncoding.Utf16);
        Token time = Assert.Single(response.Tokens, t => t.Text == "للمرة");
        Assert.Equal("ل+ال+مرة", Show(time));
        Segment article = time.Segments[1];
        Assert.Equal(SegmentRole.Article, article.Role);
        Assert.Equal("ل", article.Text);
        Assert.Equal((1L, 2L), (article.Span.Begin, article.Span.End));
    }

    [Fact]
    public async Task Tokenize_Unspecified_MeansNoSegmentation()
    {
        TokenizeResponse response = await Tokenize(SegmentationScheme.Unspecified, OffsetEncoding.Utf16);
        Assert.All(response.Tokens, t => Assert.Empty(t.Segments));
    }

    [Fact]
    public async Task Tokenize_UnknownScheme_IsInvalidArgument()
    {
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Tokenize((SegmentationScheme)42, OffsetEncoding.Utf16));
        RpcAssert.HasFieldViolation(error, "options.segmentation");
    }

    [Theory]
    [InlineData(OffsetEncoding.Utf8, 5)]
    [InlineData(OffsetEncoding.CodePoint, 6)]
    public async Task StreamTokenize_SegmentsEqualUnary_WithGlobalOffsets(OffsetEncoding encoding, int seed)
    {
        TokenizeResponse unary = await Tokenize(SegmentationScheme.Farasa, encoding);
        var random = new Random(seed);
        using AsyncDuplexStreamingCall<StreamTokenizeRequest, StreamTokenizeResponse> call = Client.StreamTokenize(Call());
        await call.RequestStream.WriteAsync(new StreamTokenizeRequest
        {
            Config = new StreamTokenizeConfig { OffsetEncoding = encoding, Options = new TokenizeOptions { Segmentation = SegmentationScheme.Farasa } },
        });
        foreach (string chunk in Offsets.RandomChunks(Text, random))
        {
            await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Text = chunk });
        }

        await call.RequestStream.CompleteAsync();
        var tokens = new List<Token>();
        await foreach (StreamTokenizeResponse piece in call.ResponseStream.ReadAllAsync())
        {
            tokens.AddRange(piece.Tokens);
        }

        Assert.Equal(unary.Tokens.Select(t => t.Segments.ToString()), tokens.Select(t => t.Segments.ToString()));
        Assert.Contains(tokens, t => t.Segments.Count > 2);
    }

    private Task<TokenizeResponse> Tokenize(SegmentationScheme scheme, OffsetEncoding encoding) =>
        Client.TokenizeAsync(new TokenizeRequest
        {
            Document = new Document { Text = Text, Language = "ar" },
            OffsetEncoding = encoding,
            Options = new TokenizeOptions { Segmentation = scheme },
        }, Call()).ResponseAsync;
}
