using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Services;

public sealed class AnalysisServiceTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private AnalysisService.AnalysisServiceClient Client => new(Fixture.Channel);

    [Theory]
    [MemberData(nameof(Texts.ArabicAndEnglishInEveryEncoding), MemberType = typeof(Texts))]
    public async Task Analyze_EveryLayerSlicesTheOriginal(string text, OffsetEncoding encoding)
    {
        AnalyzeResponse response = await Client.AnalyzeAsync(
            new AnalyzeRequest { Document = new Document { Id = "a", Text = text }, OffsetEncoding = encoding }, Call());

        Assert.Equal("a", response.DocumentId);
        Assert.Contains(response.Language, new[] { "ar", "en" });
        Assert.False(string.IsNullOrEmpty(response.NormalizedText));
        Assert.NotEmpty(response.Tokens);
        Assert.NotEmpty(response.Sentences);
        Assert.NotEmpty(response.Summary);
        Assert.All(response.Tokens, t => Assert.Equal(t.Text, Offsets.Slice(text, t.Span, encoding)));
        Assert.All(response.Mentions, m => Assert.Equal(m.Text, Offsets.Slice(text, m.Span, encoding)));
        Assert.All(response.Summary, s => Assert.Equal(s.Text, Offsets.Slice(text, s.Span, encoding)));
    }

    [Fact]
    public async Task Analyze_AgreesWithTokenizeAndExtractEntities()
    {
        var document = new Document { Id = "x", Text = Texts.English };
        AnalyzeResponse analysis = await Client.AnalyzeAsync(new AnalyzeRequest { Document = document }, Call());
        TokenizeResponse tokens = await new TokenizationService.TokenizationServiceClient(Fixture.Channel)
            .TokenizeAsync(new TokenizeRequest { Document = document }, Call());
        ExtractEntitiesResponse entities = await new EntityService.EntityServiceClient(Fixture.Channel)
            .ExtractEntitiesAsync(new ExtractEntitiesRequest { Document = document }, Call());

        Assert.Equal(tokens.Tokens, analysis.Tokens);
        Assert.Equal(tokens.Sentences, analysis.Sentences);
        Assert.Equal(entities.Mentions, analysis.Mentions);
    }

    [Theory]
    [InlineData("كَتَبَ الطالـــبُ ٣ دروس.\r\n\r\nThe  END.", false)]
    [InlineData("كَتَبَ الطالـــبُ ٣ دروس.\r\n\r\nThe  END.", true)]
    [InlineData("Plain text that no profile changes.", false)]
    public async Task Analyze_NormalizedTextIsTheNormalizeRpcs(string text, bool searchProfile)
    {
        var document = new Document { Id = "n", Text = text };
        NormalizationOptions? options = searchProfile ? new NormalizationOptions { Profile = NormalizationProfile.Search } : null;
        AnalyzeResponse analysis = await Client.AnalyzeAsync(new AnalyzeRequest { Document = document, Normalization = options }, Call());
        NormalizeResponse normalized = await new NormalizationService.NormalizationServiceClient(Fixture.Channel)
            .NormalizeAsync(new NormalizeRequest { Document = document, Options = options }, Call());

        Assert.Equal(normalized.NormalizedText, analysis.NormalizedText);
    }
}
