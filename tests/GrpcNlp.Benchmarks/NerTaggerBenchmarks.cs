using BenchmarkDotNet.Attributes;
using GrpcNlp.Core.Entities.Tagging;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// The entity tagger on the words of a text, sentence by sentence, against tokenizing the same
/// text (baseline). Tokens/s = word count printed at setup / mean time, on one core.
/// </summary>
[MemoryDiagnoser]
public class NerTaggerBenchmarks
{
    private readonly WordTokenizer _tokenizer = new();
    private string _text = "";
    private NerTagger _tagger = null!;
    private string[][] _sentences = [];
    private TaggerSentence[] _prepared = [];
    private int[] _labels = [];

    /// <summary>Input: language and UTF-16 length of generated news-like text.</summary>
    [Params("ar-10KB", "en-10KB")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        bool arabic = Input.StartsWith("ar", StringComparison.Ordinal);
        _text = arabic ? SampleText.Arabic(10 * 1024) : SampleText.English(10 * 1024);
        _tagger = NerTagger.ForLanguage(arabic ? "ar" : "en") ?? throw new InvalidOperationException("No embedded model.");

        // Sentences end at ". ! ? ؟" tokens, as the analyzer's sentence splitter would cut this text.
        var sentences = new List<string[]>();
        var words = new List<string>();
        foreach (Token token in _tokenizer.Tokenize(_text))
        {
            string word = _text[token.Span.Start..token.Span.End];
            words.Add(word);
            if (word is "." or "!" or "?" or "؟")
            {
                sentences.Add([.. words]);
                words.Clear();
            }
        }

        if (words.Count > 0)
        {
            sentences.Add([.. words]);
        }

        _sentences = [.. sentences];
        _prepared = _sentences.Select(_tagger.Prepare).ToArray();
        _labels = new int[_sentences.Max(s => s.Length)];
        Console.WriteLine($"// {Input}: {_text.Length} UTF-16 units, {_sentences.Sum(s => s.Length)} tokens, {_sentences.Length} sentences");
    }

    [Benchmark(Baseline = true)]
    public int Tokenize() => _tokenizer.Tokenize(_text).Count;

    /// <summary>Features, weights and Viterbi on sentences already folded, stemmed and matched against the name list.</summary>
    [Benchmark]
    public int Tag()
    {
        int names = 0;
        foreach (TaggerSentence sentence in _prepared)
        {
            _tagger.Tag(sentence, _labels);
            names += _labels[0];
        }

        return names;
    }

    /// <summary>The whole tagger on words: fold, stem, name list, then tag.</summary>
    [Benchmark]
    public int PrepareAndTag()
    {
        int names = 0;
        foreach (string[] words in _sentences)
        {
            _tagger.Tag(_tagger.Prepare(words), _labels);
            names += _labels[0];
        }

        return names;
    }
}
