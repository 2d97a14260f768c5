using GrpcNlp.Core.Languages;

namespace GrpcNlp.Core.Tests.Languages;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    [InlineData("AR-eg")]
    [InlineData("ar-Arab-EG")]
    [InlineData("zh-Hant-TW")]
    [InlineData("es-419")]
    [InlineData("de-CH-1901")]
    [InlineData("sl-rozaj-biske")]
    [InlineData("zh-yue-HK")]
    [InlineData("en-US-u-islamcal")]
    [InlineData("en-a-bbb-x-a-ccc")]
    [InlineData("x-whatever")]
    [InlineData("i-klingon")]
    [InlineData("abcde")]
    public void AcceptsWellFormedTags(string tag) => Assert.True(LanguageTag.IsWellFormed(tag));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("ar ")]
    [InlineData("en_US")]
    [InlineData("a")]
    [InlineData("ar-")]
    [InlineData("-ar")]
    [InlineData("ar--EG")]
    [InlineData("abcdefghi")]
    [InlineData("12")]
    [InlineData("en-a")]
    [InlineData("en-x")]
    [InlineData("ar-EG-EG")]
    [InlineData("عربي")]
    public void RejectsMalformedTags(string tag) => Assert.False(LanguageTag.IsWellFormed(tag));

    [Theory]
    [InlineData("ar-EG", "ar")]
    [InlineData("EN", "en")]
    [InlineData("zh-Hant-TW", "zh")]
    public void PrimaryLanguageIsFirstSubtagLowerCased(string tag, string expected) =>
        Assert.Equal(expected, LanguageTag.PrimaryLanguage(tag));
}
