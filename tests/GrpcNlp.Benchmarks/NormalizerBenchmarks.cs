using System.Text;
using BenchmarkDotNet.Attributes;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;
using Lucene.Net.Analysis.Ar;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// Normalizer throughput against Lucene's Arabic normalizer (no alignment, no Unicode forms),
/// which sets the bar for a per-char rewrite. MB/s = UTF-8 bytes of the input / mean time.
/// </summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private readonly TextNormalizer _search = new(NormalizationOptions.Search);
    private readonly TextNormalizer _display = new(NormalizationOptions.Display);
    private readonly TextNormalizer _luceneProfile = new(NormalizationOptions.Lucene);
    private readonly ArabicNormalizer _lucene = new();
    private string _text = "";
    private char[] _scratch = [];
    private TextSpan[] _tokens = [];

    /// <summary>Input name: script and UTF-16 length.</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "";

    public static IEnumerable<string> Inputs()
    {
        yield return "ar-100KB";
        if (SampleText.Article() is not null)
        {
            yield return "ar-article";
        }

        if (SampleText.EnglishArticle() is not null)
        {
            yield return "en-article";
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _text = Input switch
        {
            "ar-1KB" => SampleText.Arabic(1024),
            "ar-100KB" => SampleText.Arabic(100 * 1024),
            "en-100KB" => SampleText.English(100 * 1024),
            "ar-article" => SampleText.Article() ?? SampleText.Arabic(8 * 1024),
            "en-article" => SampleText.EnglishArticle() ?? SampleText.English(8 * 1024),
            _ => throw new InvalidOperationException($"Unknown input {Input}."),
        };
        _scratch = new char[_text.Length];
        _tokens = Tokens(_text);
        Console.WriteLine($"// {Input}: {_text.Length} UTF-16 units, {Encoding.UTF8.GetByteCount(_text)} UTF-8 bytes, {_tokens.Length} tokens");
    }

    [Benchmark(Baseline = true)]
    public int LuceneArabicNormalizer()
    {
        _text.CopyTo(0, _scratch, 0, _text.Length);
        return _lucene.Normalize(_scratch, _text.Length);
    }

    [Benchmark]
    public int NormalizeSearch() => _search.Normalize(_text).Normalized.Length;

    /// <summary>The same work without alignment: the normalized string only.</summary>
    [Benchmark]
    public int NormalizeSearchNoAlignment() => _search.NormalizeToString(_text).Length;

    /// <summary>Our lucene profile (the same output as the baseline) with its alignment.</summary>
    [Benchmark]
    public int NormalizeLuceneProfile() => _luceneProfile.Normalize(_text).Normalized.Length;

    [Benchmark]
    public int NormalizeDisplay() => _display.Normalize(_text).Normalized.Length;

    /// <summary>The default profile without alignment: the normalized string only.</summary>
    [Benchmark]
    public int NormalizeDisplayNoAlignment() => _display.NormalizeToString(_text).Length;

    private static TextSpan[] Tokens(string text)
    {
        var tokens = new List<TextSpan>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool space = i == text.Length || char.IsWhiteSpace(text[i]);
            if (space && start >= 0)
            {
                tokens.Add(new TextSpan(start, i));
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }

        return [.. tokens];
    }
}
