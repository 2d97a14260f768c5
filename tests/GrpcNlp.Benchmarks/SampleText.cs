using System.Text;

namespace GrpcNlp.Benchmarks;

/// <summary>Benchmark inputs: generated news-like text, or a local sample article when one exists.</summary>
internal static class SampleText
{
    // Written for the benchmark: diacritics, tatweel, alef variants, alef maqsura, teh marbuta,
    // Arabic-Indic digits, punctuation and line breaks, as in real news copy.
    private static readonly string[] s_arabic =
    [
        "أعلنت وزارة الصحة يوم الإثنين عن افتتاح مستشفى جديد في مدينة الإسكندرية بسعة ٢٥٠ سريرًا.",
        "وقال المتحدث الرسمي إنّ المشروع كلّف نحو ١٫٥ مليار جنيه، وإنّ العمل بدأ قبل عامين.",
        "وأضاف أن الحكومـــة تسعى إلى توسيع الخدمات الطبية في المحافظات الأخرى خلال العام المقبل.",
        "وفي سياقٍ متّصل، استقبلت القاهرة وفدًا اقتصاديًّا من آسيا لبحث التعاون في مجال الطاقة.",
        "ٱلْحَمْدُ لِلَّهِ، قالها المواطن مصطفى بعد أن تلقّى العلاج في المستشفى الجديد.",
        "وأشارت الإحصاءات إلى أنّ نسبة النمو بلغت 4.2% في الربع الثالث من عام 2024.\n",
    ];

    private static readonly string[] s_english =
    [
        "The Ministry of Health announced on Monday the opening of a new hospital in Alexandria.",
        "A spokesman said the project cost about 1.5 billion pounds and took two years to build.",
        "Officials expect the new wing to serve more than 200,000 patients every year.",
        "In related news, a trade delegation from Asia arrived in Cairo to discuss energy projects.\n",
    ];

    /// <summary>
    /// A tweet-size Arabic text written for the benchmarks, the load harness's tweet (274 UTF-8
    /// bytes: a mention, a hashtag, a URL, numbers, an emoji).
    /// </summary>
    public const string Tweet = "عاجل: افتتاح معرض الكتاب في عمّان يوم السبت 12 أكتوبر بمشاركة 350 دار نشر من 20 دولة 📚 "
        + "التفاصيل والبرنامج الكامل على https://example.org/book-fair \u200F@bookfair_jo #معرض_الكتاب";

    public static string Arabic(int utf16Length) => Repeat(s_arabic, utf16Length);

    public static string English(int utf16Length) => Repeat(s_english, utf16Length);

    /// <summary>
    /// A document of <paramref name="count"/> distinct sentences of 8 to 20 words drawn (seeded)
    /// from the sample sentences' words, so most pairs of sentences share words: the densest
    /// similarity graph a summarizer meets.
    /// </summary>
    public static string Sentences(string language, int count, int seed = 7)
    {
        string[] words = (language == "ar" ? s_arabic : s_english)
            .SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 1 && w.All(char.IsLetter))
            .ToArray();
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int s = 0; s < count; s++)
        {
            int length = random.Next(8, 21);
            for (int w = 0; w < length; w++)
            {
                string word = words[random.Next(words.Length)];
                text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w + 1 < length ? ' ' : '.');
            }

            text.Append(s % 5 == 4 ? "\n\n" : " ");
        }

        return text.ToString();
    }

    /// <summary>Folder of real articles (*.txt) to add as an input, read at run time; never committed.</summary>
    public const string SamplesVariable = "GRPCNLP_BENCH_SAMPLES";

    /// <summary>Folder of real English articles (*.txt, searched recursively), read at run time; never committed.</summary>
    public const string EnglishSamplesVariable = "GRPCNLP_BENCH_SAMPLES_EN";

    /// <summary>The first article of the samples folder, or null when none is configured.</summary>
    public static string? Article() => FirstArticle(SamplesVariable);

    /// <summary>The first English article, or null when none is configured.</summary>
    public static string? EnglishArticle() => FirstArticle(EnglishSamplesVariable);

    private static string? FirstArticle(string variable)
    {
        string? folder = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(folder) && Directory.Exists(folder))
        {
            string? file = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
            if (file is not null)
            {
                return File.ReadAllText(file);
            }
        }

        return null;
    }

    private static string Repeat(string[] sentences, int utf16Length)
    {
        var builder = new StringBuilder(utf16Length + 256);
        int i = 0;
        while (builder.Length < utf16Length)
        {
            builder.Append(sentences[i % sentences.Length]).Append(' ');
            i++;
        }

        return builder.ToString(0, utf16Length);
    }
}
