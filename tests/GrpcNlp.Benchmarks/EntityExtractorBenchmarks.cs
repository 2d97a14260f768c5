using BenchmarkDotNet.Attributes;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Entities.Tagging;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// Entity extraction on one Arabic article, whole and stage by stage, against analyzing the same
/// text (baseline: normalize, tokenize, split sentences, as the service does before extracting).
/// The article is the first of <see cref="SampleText.SamplesVariable"/> when set, else 7,733
/// UTF-16 units of generated news-like text.
/// </summary>
[MemoryDiagnoser]
public class EntityExtractorBenchmarks
{
    private readonly TextAnalyzer _analyzer = new();
    private readonly EntityExtractor _extractor = new();
    private string _text = "";
    private AnalyzedText _analyzed = null!;
    private string[] _keys = [];
    private NerTagger _tagger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = SampleText.Article() ?? SampleText.Arabic(7733);
        _analyzed = _analyzer.Analyze(_text, "ar", NormalizationOptions.Search);
        _keys = new string[_analyzed.Tokens.Count];
        for (int i = 0; i < _keys.Length; i++)
        {
            _keys[i] = EntityText.Fold(_text.AsSpan(_analyzed.Tokens[i].Span.Start, _analyzed.Tokens[i].Span.Length));
        }

        _tagger = NerTagger.ForLanguage("ar") ?? throw new InvalidOperationException("No embedded model.");
        EntityResult result = _extractor.Extract(_analyzed, [], CancellationToken.None);
        Console.WriteLine($"// {_text.Length} UTF-16 units, {_analyzed.Tokens.Count} tokens, {_analyzed.Sentences.Count} sentences, {result.Mentions.Count} mentions, {result.Entities.Count} entities");
    }

    /// <summary>Analysis of the text (what the service does before extracting).</summary>
    [Benchmark(Baseline = true)]
    public int Analyze() => _analyzer.Analyze(_text, "ar", NormalizationOptions.Search).Tokens.Count;

    /// <summary>The whole extraction on the analyzed text.</summary>
    [Benchmark]
    public int Extract() => _extractor.Extract(_analyzed, [], CancellationToken.None).Mentions.Count;

    /// <summary>Stage: numbers, dates, money and other patterns.</summary>
    [Benchmark]
    public int Patterns()
    {
        var candidates = new List<Candidate>();
        new PatternRecognizer(_analyzed, _keys).Recognize(candidates, CancellationToken.None);
        return candidates.Count;
    }

    /// <summary>Stage: the tagger's names, sentence by sentence, and their repeats.</summary>
    [Benchmark]
    public int ModelNames()
    {
        var candidates = new List<Candidate>();
        new ModelNameRecognizer(_analyzed, _keys, _tagger).Recognize(candidates, CancellationToken.None);
        return candidates.Count;
    }

    /// <summary>Stage: names after titles (gazetteer and rules).</summary>
    [Benchmark]
    public int Titles()
    {
        var candidates = new List<Candidate>();
        new NameRecognizer(_analyzed, _keys).RecognizeTitles(candidates, CancellationToken.None);
        return candidates.Count;
    }
}
