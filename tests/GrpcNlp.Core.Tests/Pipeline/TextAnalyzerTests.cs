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

    private const string Mixed = "كَتَبَ الطالـــبُ ٣ دروس إلى أحمد. The END “quoted” — كَتَبَ الطالـــبُ again.\nThe END.";

    public static TheoryData<string> OptionSets => ["Search", "Display", "Lucene", "Custom"];

    private static NormalizationOptions Options(string name) => name switch
    {
        "Search" => NormalizationOptions.Search,
        "Display" => NormalizationOptions.Display,
        "Lucene" => NormalizationOptions.Lucene,
        // A request's own options, resolved anew for each call as the server does.
        _ => NormalizationOptions.Display with { RemoveDiacritics = true, NormalizeDigits = true },
    };

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Analyze_NormsAreTheNormalizers_OnAColdAndAWarmAnalyzer(string optionSet)
    {
        var normalizer = new TextNormalizer(Options(optionSet));
        var analyzer = new TextAnalyzer();

        for (int call = 0; call < 3; call++)
        {
            AnalyzedText analyzed = analyzer.Analyze(Mixed, "", Options(optionSet), TestContext.Current.CancellationToken);

            Assert.Equal(analyzed.Tokens.Select(t => normalizer.NormalizeToString(Mixed.AsSpan(t.Span.Start, t.Span.Length))), analyzed.TokenNorms);
        }
    }

    [Fact]
    public void FormCacheFor_EqualOptionsShareOneCache()
    {
        var analyzer = new TextAnalyzer();
        NormalizationOptions resolved = NormalizationOptions.Search with { };

        Assert.NotSame(NormalizationOptions.Search, resolved);
        Assert.Same(analyzer.FormCacheFor(NormalizationOptions.Search), analyzer.FormCacheFor(resolved));
    }

    [Fact]
    public void FormCacheFor_KeepsABoundedNumberOfOptionSets_AndAnalyzeStaysCorrectPastIt()
    {
        var analyzer = new TextAnalyzer();
        NormalizationOptions[] sets =
        [
            .. Enumerable.Range(0, TextAnalyzer.MaxCachedOptionSets + 3).Select(i => NormalizationOptions.Display with
            {
                CaseFold = (i & 1) != 0,
                RemoveDiacritics = (i & 2) != 0,
                NormalizeDigits = (i & 4) != 0,
                RemoveTatweel = (i & 8) != 0,
            }),
        ];

        foreach (NormalizationOptions options in sets)
        {
            AnalyzedText analyzed = analyzer.Analyze(Mixed, "", options, TestContext.Current.CancellationToken);
            var normalizer = new TextNormalizer(options);
            Assert.Equal(analyzed.Tokens.Select(t => normalizer.NormalizeToString(Mixed.AsSpan(t.Span.Start, t.Span.Length))), analyzed.TokenNorms);
        }

        Assert.All(sets.Take(TextAnalyzer.MaxCachedOptionSets), o => Assert.NotNull(analyzer.FormCacheFor(o)));
        Assert.All(sets.Skip(TextAnalyzer.MaxCachedOptionSets), o => Assert.Null(analyzer.FormCacheFor(o)));
    }

    [Fact]
    public void Analyze_UnderParallelCalls_GivesWhatOneCallGives()
    {
        string[] texts = [.. Enumerable.Range(0, 40).Select(i => $"{Mixed} وثيقة رقم {i} كُتِبَتْ في {i * 7}. Item {i} of LIST{i % 5}.")];
        AnalyzedText[] expected = [.. texts.Select(t => new TextAnalyzer().Analyze(t, "", NormalizationOptions.Search, TestContext.Current.CancellationToken))];
        var shared = new TextAnalyzer();
        int mismatches = 0;

        Parallel.For(0, 20 * texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int k = i % texts.Length;
            AnalyzedText analyzed = shared.Analyze(texts[k], "", NormalizationOptions.Search, CancellationToken.None);
            if (!analyzed.Tokens.SequenceEqual(expected[k].Tokens)
                || !analyzed.TokenNorms.SequenceEqual(expected[k].TokenNorms)
                || !analyzed.Sentences.SequenceEqual(expected[k].Sentences))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }
}
