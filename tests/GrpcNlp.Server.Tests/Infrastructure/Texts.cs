using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Infrastructure;

/// <summary>Short texts written for these tests: Arabic with diacritics and tatweel, English with emoji.</summary>
public static class Texts
{
    public const string Arabic =
        "وصلَ الوزيرُ محمد العلي إلى القاهرة يوم الأحد ١٥ مارس ٢٠٢٤. "
        + "وقالَ إنّ المحادثاتِ كانت مثمرةً جـــداً 👍 وإن الاتفاق سيوقع خلال أسبوعين. "
        + "وأضاف أن الحكومة ستنفق ٣٠٠ مليون دولار على المشروع.";

    public const string English =
        "Dr. Alice Smith arrived in Paris on 12 March 2024 👩🏽‍💻. "
        + "She met the mayor at 10:30 and said the café deal was worth $300 million! "
        + "Questions go to press@example.org or #news, says @alice.";

    public const string Mixed = "Cafe\u0301 and كَتَبَ 🇪🇬 e\u0301\u0301 — ok.";

    public static readonly string[] All = [Arabic, English, Mixed];

    public static TheoryData<string> AllData => new(All);

    /// <summary>The Arabic and English texts, each in every offset encoding.</summary>
    public static TheoryData<string, OffsetEncoding> ArabicAndEnglishInEveryEncoding() => InEveryEncoding([Arabic, English]);

    /// <summary>Every text, each in every offset encoding.</summary>
    public static TheoryData<string, OffsetEncoding> AllInEveryEncoding() => InEveryEncoding(All);

    private static TheoryData<string, OffsetEncoding> InEveryEncoding(IEnumerable<string> texts)
    {
        var data = new TheoryData<string, OffsetEncoding>();
        foreach (string text in texts)
        {
            foreach (OffsetEncoding encoding in Offsets.AllEncodings)
            {
                data.Add(text, encoding);
            }
        }

        return data;
    }
}
