using GrpcNlp.Core.Normalization;

namespace GrpcNlp.Core.Tests.Normalization;

/// <summary>The examples the README and docs/normalization.md show, so the docs stay true.</summary>
public sealed class ProfileExampleTests
{
    public const string Arabic = "«قـالَ» المُدير: إنّ المكتبة ستفتح أبوابها في ٢٠٢٤، أليس كذلك؟";
    public const string English = "“Café” opens 9–10 a.m.… ＡＢＣ\u00A0News";

    public static TheoryData<string, string, string> Examples() => new()
    {
        { "none", Arabic, Arabic },
        { "display", Arabic, "«قالَ» المُدير: إنّ المكتبة ستفتح أبوابها في ٢٠٢٤، أليس كذلك؟" },
        { "search", Arabic, "\"قال\" المدير: ان المكتبه ستفتح ابوابها في 2024, اليس كذلك?" },
        { "lucene", Arabic, "«قال» المدير: ان المكتبه ستفتح ابوابها في ٢٠٢٤، اليس كذلك؟" },
        { "camel-arclean", Arabic, "\"قال\" المدير: إن المكتبة ستفتح أبوابها في 2024, أليس كذلك?" },
        { "none", English, English },
        { "display", English, English },
        { "search", English, "\"café\" opens 9-10 a.m.... abc news" },
        { "lucene", English, English },
        { "camel-arclean", English, "\"Café\" opens 9-10 a.m....  News" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void ProfileExample(string profile, string input, string expected)
    {
        NormalizationOptions options = profile switch
        {
            "none" => NormalizationOptions.None,
            "display" => NormalizationOptions.Display,
            "search" => NormalizationOptions.Search,
            "lucene" => NormalizationOptions.Lucene,
            _ => NormalizationOptions.CamelArclean,
        };
        Assert.Equal(expected, new TextNormalizer(options).Normalize(input).Normalized);
    }
}
