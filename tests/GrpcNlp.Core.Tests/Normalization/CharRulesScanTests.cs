using GrpcNlp.Core.Normalization;

namespace GrpcNlp.Core.Tests.Normalization;

/// <summary>The vectorized scan for special chars finds exactly what a search of the whole set finds.</summary>
public sealed class CharRulesScanTests
{
    public static TheoryData<string> Profiles => ["display", "search", "lucene", "none"];

    private static NormalizationOptions OptionsOf(string profile) => profile switch
    {
        "display" => NormalizationOptions.Display,
        "search" => NormalizationOptions.Search,
        "lucene" => NormalizationOptions.Lucene,
        _ => NormalizationOptions.None,
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void EveryCharIsFoundWhereTheSetSearchFindsIt(string profile)
    {
        CharRules rules = CharRules.For(OptionsOf(profile));

        // Each BMP char at every position of a 40-char run of plain Arabic and ASCII, so that
        // both the vector blocks and the scalar tail meet it.
        char[] text = "كتب الولد درسا في المدرسة، وقال: 12 ok. ".ToCharArray();
        Assert.Equal(text.AsSpan().IndexOfAny(rules.Special), rules.IndexOfSpecial(text));
        for (int c = 0; c <= char.MaxValue; c++)
        {
            int position = c % text.Length;
            char[] probe = (char[])text.Clone();
            probe[position] = (char)c;
            Assert.Equal(probe.AsSpan().IndexOfAny(rules.Special), rules.IndexOfSpecial(probe));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RandomTextsAgreeWithTheSetSearch(string profile)
    {
        CharRules rules = CharRules.For(OptionsOf(profile));
        var random = new Random(7);
        char[] alphabet = "ابتثكلمنهويىةأإآءـًٌٍَُِّْ،؛؟٠١ abcXYZ019.,\t\n\r\u00A0\u200C\u200D\u200F\u00E9\u0301\u06A9\u06CC\uFEFB\uD83D\uDE00".ToCharArray();
        for (int n = 0; n < 2000; n++)
        {
            var text = new char[random.Next(0, 80)];
            for (int i = 0; i < text.Length; i++)
            {
                // Mostly plain letters, so runs long enough for the vector compares occur.
                text[i] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : "كتب الولد"[random.Next(9)];
            }

            Assert.Equal(text.AsSpan().IndexOfAny(rules.Special), rules.IndexOfSpecial(text));
        }
    }
}
