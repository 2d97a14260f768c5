using BenchmarkDotNet.Attributes;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// Sentence segmentation of already tokenized English text: the rules alone (the baseline)
/// against the rules with the shipped boundary model deciding at the gaps it judges, and the
/// tokenizer on the same text for scale. Sentences go into one reused list.
/// </summary>
[MemoryDiagnoser]
public class SentenceSegmenterBenchmarks
{
    private readonly List<Token> _tokens = [];
    private readonly List<Sentence> _sentences = [];
    private readonly WordTokenizer _tokenizer = new();
    private readonly SentenceRules _model = SentenceRules.For("en");
    private readonly SentenceRules _rules = SentenceRules.For("en").WithBoundaryModel(null);
    private string _text = "";

    /// <summary>Input name: a real article when configured, and generated text.</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "";

    public static IEnumerable<string> Inputs()
    {
        if (SampleText.EnglishArticle() is not null)
        {
            yield return "en-article";
        }

        yield return "en-100KB";
    }

    [GlobalSetup]
    public void Setup()
    {
        _text = Input switch
        {
            "en-100KB" => SampleText.English(100 * 1024),
            "en-article" => SampleText.EnglishArticle() ?? SampleText.English(8 * 1024),
            _ => throw new InvalidOperationException($"Unknown input {Input}."),
        };
        _tokenizer.Tokenize(_text, _tokens);
        Console.WriteLine($"// {Input}: {_text.Length} UTF-16 units, {_tokens.Count} tokens");
    }

    [Benchmark(Baseline = true)]
    public int RulesAlone()
    {
        _sentences.Clear();
        SentenceSegmenter.Segment(_text, _tokens, _rules, _sentences);
        return _sentences.Count;
    }

    [Benchmark]
    public int RulesAndModel()
    {
        _sentences.Clear();
        SentenceSegmenter.Segment(_text, _tokens, _model, _sentences);
        return _sentences.Count;
    }

    [Benchmark]
    public int TokenizeOnly()
    {
        _tokens.Clear();
        _tokenizer.Tokenize(_text, _tokens);
        return _tokens.Count;
    }
}
