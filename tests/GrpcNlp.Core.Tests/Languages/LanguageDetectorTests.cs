using GrpcNlp.Core.Languages;

namespace GrpcNlp.Core.Tests.Languages;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("ذهب الولد إلى المدرسة صباحا", "ar")]
    [InlineData("The boy went to school this morning", "en")]
    [InlineData("الرئيس Obama زار القاهرة أمس", "ar")]
    [InlineData("Мальчик пошёл в школу", "und")]
    [InlineData("12345 !?", "und")]
    [InlineData("", "und")]
    public void DetectsLanguageFromDominantScript(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void LooksOnlyAtTheStartOfLongText()
    {
        string text = new string('a', LanguageDetector.SampleLength) + new string('\u0628', LanguageDetector.SampleLength * 2);
        Assert.Equal("en", LanguageDetector.Detect(text));
    }
}
