using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Tokenization;

public sealed class AbbreviationsTests
{
    [Fact]
    public void Data_IsLoadedForEnglishAndArabic()
    {
        Assert.Equal(AbbreviationKind.NonTerminal, Abbreviations.Lookup("Dr"));
        Assert.Equal(AbbreviationKind.Terminal, Abbreviations.Lookup("etc"));
        Assert.Equal(AbbreviationKind.NonTerminal, Abbreviations.Lookup("د"));
        Assert.Equal(AbbreviationKind.None, Abbreviations.Lookup("house"));
    }

    [Fact]
    public void Data_EntriesAreCleanAndWithoutFinalPeriod()
    {
        foreach (KeyValuePair<string, AbbreviationKind> entry in Abbreviations.All)
        {
            string key = entry.Key;
            Assert.False(string.IsNullOrWhiteSpace(key));
            Assert.DoesNotContain(key, c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200E' or '\u200F' or '\uFEFF');
            Assert.False(key.EndsWith('.'), $"'{key}' must be written without its final period");
            Assert.Equal(key.Normalize(System.Text.NormalizationForm.FormC), key);
        }
    }
}
