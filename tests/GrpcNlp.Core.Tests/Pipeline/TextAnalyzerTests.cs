using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tests.Tokenization;

namespace GrpcNlp.Core.Tests.Pipeline;

public sealed class TextAnalyzerTests
{
    private readonly TextAnalyzer _analyzer = new();

    [Theory]
    [InlineData("كتب الطالب الدرس. ثم خرج.", "", "ar")]
    [InlineData("The student wrote. Then left.", "", "en")]
    [InlineData("The student wrote.", "en-GB", "en")]
    [InlineData("كتب الطالب", "AR-eg", "ar")]
    public void Analyze_ResolvesLanguage(string text, string language, string expected)
    {
        AnalyzedText analyzed = _analyzer.Analyze(text, language, NormalizationOptions.None, TestContext.Current.CancellationToken);

        Assert.Equal(expected, analyzed.Language);
        Assert.Same(text, analyzed.Text);
    }

    [Fact]
    public void Analyze_NormalizesEachTokenButKeepsOriginalSpans()
    {
        const string text = "كَتَبَ الطالـــبُ ٣ دروس. The END.";

        AnalyzedText analyzed = _analyzer.Analyze(text, "", NormalizationOptions.Search, TestContext.Current.CancellationToken);

        Assert.Equal(analyzed.Tokens.Count, analyzed.TokenNorms.Count);
        Assert.Equal(["كتب", "الطالب", "3", "دروس", ".", "the", "end", "."], analyzed.TokenNorms);
        Assert.Equal("كَتَبَ", text[analyzed.Tokens[0].Span.Start..analyzed.Tokens[0].Span.End]);
        Assert.Equal(2, analyzed.Sentences.Count);
        TokenInvariants.AssertValid(text, analyzed.Tokens);
        TokenInvariants.AssertCover(analyzed.Tokens, analyzed.Sentences);
    }

    [Fact]
    public void Analyze_WithNoNormalization_NormsEqualSurfaces()
    {
        const string text = "Dr. Smith didn't go 😀.";

        AnalyzedText analyzed = _analyzer.Analyze(text, "en", NormalizationOptions.None, TestContext.Current.CancellationToken);

        Assert.Equal(analyzed.Tokens.Select(t => text[t.Span.Start..t.Span.End]), analyzed.TokenNorms);
    }
}
