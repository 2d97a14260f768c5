using System.Text;
using BenchmarkDotNet.Attributes;
using GrpcNlp.Core.Tokenization;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// Plain word tokenization with offsets against Lucene's StandardTokenizer (UAX #29 word
/// boundaries, offsets through its offset attribute) on the same text. Both sum the token
/// offsets so that neither can skip them. MB/s = UTF-8 bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private readonly WordTokenizer _tokenizer = new();
    private readonly List<Token> _tokens = [];
    private StandardTokenizer _lucene = null!;
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
        yield return "ar-8KB";
    }

    [GlobalSetup]
    public void Setup()
    {
        _text = Input switch
        {
            "ar-100KB" => SampleText.Arabic(100 * 1024),
            "ar-8KB" => SampleText.Arabic(8 * 1024),
            "ar-article" => SampleText.Article() ?? SampleText.Arabic(8 * 1024),
            _ => throw new InvalidOperationException($"Unknown input {Input}."),
        };
        _lucene = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(string.Empty));
        _lucene.Dispose();
        Console.WriteLine($"// {Input}: {_text.Length} UTF-16 units, {Encoding.UTF8.GetByteCount(_text)} UTF-8 bytes, "
            + $"{_tokenizer.Tokenize(_text).Count} tokens (ours), {LuceneTokenCount()} (Lucene)");
    }

    /// <summary>Lucene's tokenizer, reused across calls as Lucene's analyzers reuse it.</summary>
    [Benchmark(Baseline = true)]
    public int LuceneStandardTokenizer()
    {
        int sum = 0;
        _lucene.SetReader(new StringReader(_text));
        IOffsetAttribute offsets = _lucene.AddAttribute<IOffsetAttribute>();
        _lucene.Reset();
        while (_lucene.IncrementToken())
        {
            sum += offsets.StartOffset + offsets.EndOffset;
        }

        _lucene.End();
        _lucene.Dispose();
        return sum;
    }

    private int LuceneTokenCount()
    {
        int count = 0;
        _lucene.SetReader(new StringReader(_text));
        _lucene.Reset();
        while (_lucene.IncrementToken())
        {
            count++;
        }

        _lucene.End();
        _lucene.Dispose();
        return count;
    }

    /// <summary>Our public API: a list of tokens with UTF-16 spans and types.</summary>
    [Benchmark]
    public int WordTokenizerTokenize()
    {
        int sum = 0;
        foreach (Token token in _tokenizer.Tokenize(_text))
        {
            sum += token.Span.Start + token.Span.End;
        }

        return sum;
    }

    /// <summary>The same tokens appended to a reused list: no allocation, as Lucene's reused tokenizer.</summary>
    [Benchmark]
    public int WordTokenizerIntoList()
    {
        int sum = 0;
        _tokens.Clear();
        _tokenizer.Tokenize(_text, _tokens);
        foreach (Token token in _tokens)
        {
            sum += token.Span.Start + token.Span.End;
        }

        return sum;
    }
}
