using BenchmarkDotNet.Attributes;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// Summarizing a 1,000-sentence document in Core, against analyzing it (segmentation,
/// tokenization, normalization), which every summary needs first and so sets the scale.
/// </summary>
[MemoryDiagnoser]
public class SummarizerBenchmarks
{
    private readonly TextAnalyzer _analyzer = new();
    private readonly ExtractiveSummarizer _summarizer = new();
    private readonly SummaryOptions _summary = new() { MaxSentences = 10 };
    private readonly SummaryOptions _withKeyphrases = new() { MaxSentences = 10, KeyphraseCount = 10 };
    private string _text = "";
    private AnalyzedText[] _analyzed = [];

    /// <summary>Language of the generated document.</summary>
    [Params("ar", "en")]
    public string Language { get; set; } = "";

    /// <summary>Number of sentences of the generated document.</summary>
    [Params(1000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = SampleText.Sentences(Language, Sentences);
        _analyzed = [_analyzer.Analyze(_text, Language, NormalizationOptions.Search)];
        Console.WriteLine($"// {Language}: {_analyzed[0].Sentences.Count} sentences, {_analyzed[0].Tokens.Count} tokens, {_text.Length} UTF-16 units");
    }

    [Benchmark(Baseline = true)]
    public int Analyze() => _analyzer.Analyze(_text, Language, NormalizationOptions.Search).Sentences.Count;

    /// <summary>Ten sentences of the analyzed document: ranking and selection only.</summary>
    [Benchmark]
    public int Summarize() => _summarizer.Summarize(_analyzed, _summary, CancellationToken.None).Sentences.Count;

    /// <summary>The same with ten keyphrases.</summary>
    [Benchmark]
    public int SummarizeWithKeyphrases() => _summarizer.Summarize(_analyzed, _withKeyphrases, CancellationToken.None).Keyphrases.Count;

    /// <summary>What a request costs in Core: analysis, then the summary.</summary>
    [Benchmark]
    public int AnalyzeAndSummarize() =>
        _summarizer.Summarize([_analyzer.Analyze(_text, Language, NormalizationOptions.Search)], _summary, CancellationToken.None).Sentences.Count;
}
