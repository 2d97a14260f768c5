using System.Text;
using BenchmarkDotNet.Attributes;
using GrpcNlp.Core.Segmentation;
using GrpcNlp.Core.Tokenization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// Word tokenization + ATB clitic segmentation against Lucene's ArabicAnalyzer (tokenize,
/// normalize, stop words, light stemming) on the same Arabic text. MB/s = UTF-8 bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class SegmenterBenchmarks
{
    private readonly WordTokenizer _tokenizer = new();
    private readonly ArabicSegmenter _segmenter = ArabicSegmenter.Default;
    private readonly ArabicAnalyzer _lucene = new(LuceneVersion.LUCENE_48);
    private readonly WordSegment[] _segments = new WordSegment[ArabicSegmenter.MaxSegments];
    private string _text = "";

    /// <summary>Input name: a real article when configured, and generated text.</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "";

    public static IEnumerable<string> Inputs()
    {
        if (SampleText.Article() is not null)
        {
            yield return "ar-article";
        }

        yield return "ar-100KB";
    }

    [GlobalSetup]
    public void Setup()
    {
        _text = Input switch
        {
            "ar-100KB" => SampleText.Arabic(100 * 1024),
            "ar-article" => SampleText.Article() ?? SampleText.Arabic(8 * 1024),
            _ => throw new InvalidOperationException($"Unknown input {Input}."),
        };
        Console.WriteLine($"// {Input}: {_text.Length} UTF-16 units, {Encoding.UTF8.GetByteCount(_text)} UTF-8 bytes");
    }

    [Benchmark(Baseline = true)]
    public int LuceneArabicAnalyzer()
    {
        int count = 0;
        using TokenStream stream = _lucene.GetTokenStream("f", _text);
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            count += term.Length;
        }

        stream.End();
        return count;
    }

    [Benchmark]
    public int TokenizeAndSegmentAtb()
    {
        int count = 0;
        ReadOnlySpan<char> text = _text;
        foreach (GrpcNlp.Core.Tokenization.Token token in _tokenizer.Tokenize(_text))
        {
            if (token.Type == TokenType.Word)
            {
                count += _segmenter.Segment(text[token.Span.Start..token.Span.End], SegmentationScheme.Atb, _segments);
            }
        }

        return count;
    }
}
