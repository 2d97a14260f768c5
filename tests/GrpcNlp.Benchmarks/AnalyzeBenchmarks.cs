using System.Buffers;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Grpc.Core;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;
using GrpcNlp.Core.Tokenization;
using GrpcNlp.Server.Configuration;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AnalysisService = GrpcNlp.Server.Services.AnalysisService;
using NormalizationOptions = GrpcNlp.Core.Normalization.NormalizationOptions;
using Token = GrpcNlp.Core.Tokenization.Token;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// The Analyze RPC's work on one Arabic article, and on the article two and four times over,
/// so that allocation per token reads as the slope between the rows of one benchmark: the
/// service method in process (every stage and the response messages, no serialization; and with
/// the response serialized, as generated messages and as the server's gRPC writer does), Core's
/// <see cref="TextAnalyzer"/> (warm and with a new analyzer per call), and each stage the
/// service runs. The article is the first of <see cref="SampleText.SamplesVariable"/> when set,
/// else 7,733 UTF-16 units of generated news-like text.
/// </summary>
[MemoryDiagnoser]
public class AnalyzeBenchmarks
{
    private readonly TextAnalyzer _analyzer = new();
    private readonly WordTokenizer _tokenizer = new();
    private readonly SentenceSegmenter _segmenter = new();
    private readonly EntityExtractor _extractor = new();
    private readonly ExtractiveSummarizer _summarizer = new();
    private readonly TextNormalizer _display = new(NormalizationOptions.Display);

    // The call's output buffer: grown once, reused by every call, as the server's pipe is.
    private readonly ArrayBufferWriter<byte> _wire = new();
    private AnalysisService _service = null!;
    private ServerCallContext _context = null!;
    private AnalyzeRequest _request = null!;
    private string _text = "";
    private IReadOnlyList<Token> _tokens = [];
    private AnalyzedText _analyzed = null!;

    /// <summary>How many times the article is repeated (paragraphs apart) in the input.</summary>
    [Params(1, 2, 4)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        IMeterFactory meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var validator = new RequestValidator(Options.Create(new GrpcNlpServerOptions()));
        _service = new AnalysisService(validator, _analyzer, _extractor, _summarizer, new GrpcNlpMetrics(meters));
        _context = new BenchmarkCallContext();

        string article = (SampleText.Article() ?? SampleText.Arabic(7733)).TrimEnd();
        _text = string.Join("\n\n", Enumerable.Repeat(article, Copies)) + "\n";
        _request = new AnalyzeRequest { Document = new Document { Id = "article", Text = _text } };
        _tokens = _tokenizer.Tokenize(_text);
        _analyzed = _analyzer.Analyze(_text, "", NormalizationOptions.Search);
        AnalyzeResponse response = _service.Analyze(_request, _context).Result;
        Console.WriteLine($"// copies {Copies}: {_text.Length} UTF-16 units, {response.Tokens.Count} tokens, {response.Sentences.Count} sentences, "
            + $"{response.Mentions.Count} mentions, {response.Summary.Count} summary sentences");
    }

    /// <summary>The Analyze service method (every stage and the response messages).</summary>
    [Benchmark]
    public int Service() => _service.Analyze(_request, _context).Result.Tokens.Count;

    /// <summary>
    /// The generated Analyze (the JSON transcoding path) and its response serialized into a
    /// reused buffer: what gRPC calls cost before the server wrote Analyze's responses itself.
    /// </summary>
    [Benchmark]
    public int ServiceMessagesWire()
    {
        _wire.ResetWrittenCount();
        _service.Analyze(_request, _context).Result.WriteTo(_wire);
        return _wire.WrittenCount;
    }

    /// <summary>
    /// Analyze as the server answers it over gRPC: every stage, the response held as plain values
    /// and written into a reused buffer by the response marshaller, the buffer returned to its pool.
    /// </summary>
    [Benchmark]
    public int ServiceWire()
    {
        _wire.ResetWrittenCount();
        AnalyzeResponseBuffer response = _service.AnalyzeToBuffer(_request, _context).Result;
        response.WriteTo(_wire);
        response.Release();
        return _wire.WrittenCount;
    }

    /// <summary>Core's analysis as the service runs it (language detected, SEARCH norms), analyzer reused.</summary>
    [Benchmark(Baseline = true)]
    public int Core() => _analyzer.Analyze(_text, "", NormalizationOptions.Search).Tokens.Count;

    /// <summary>The same with a new analyzer per call: nothing kept from an earlier call.</summary>
    [Benchmark]
    public int CoreNewAnalyzer() => new TextAnalyzer().Analyze(_text, "", NormalizationOptions.Search).Tokens.Count;

    /// <summary>The whole text's DISPLAY normalization with its edits (how the service first computed the response's normalized text).</summary>
    [Benchmark]
    public int NormalizeText() => _display.Normalize(_text).Normalized.Length;

    /// <summary>Stage: the whole text's DISPLAY normalization to a string, as the service computes the response's normalized text.</summary>
    [Benchmark]
    public int NormalizeTextToString() => _display.NormalizeToString(_text).Length;

    /// <summary>Stage of Core: tokenization.</summary>
    [Benchmark]
    public int Tokenize() => _tokenizer.Tokenize(_text).Count;

    /// <summary>Stage of Core: sentences from the tokens.</summary>
    [Benchmark]
    public int Sentences() => _segmenter.Segment(_text, _tokens, "").Count;

    /// <summary>Stage: entity extraction on the analyzed text.</summary>
    [Benchmark]
    public int Entities() => _extractor.Extract(_analyzed, [], CancellationToken.None).Mentions.Count;

    /// <summary>Stage: the summary (default options) of the analyzed text.</summary>
    [Benchmark]
    public int Summary() => _summarizer.Summarize([_analyzed], new SummaryOptions(), CancellationToken.None).Sentences.Count;
}
