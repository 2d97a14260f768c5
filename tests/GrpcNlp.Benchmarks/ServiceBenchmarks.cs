using System.Diagnostics.Metrics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Grpc.Core;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;
using GrpcNlp.Server.Configuration;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormalizationOptions = GrpcNlp.Core.Normalization.NormalizationOptions;
using NormalizationService = GrpcNlp.Server.Services.NormalizationService;
using TokenizationService = GrpcNlp.Server.Services.TokenizationService;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// Where the server's time goes for Tokenize on one article and for the two streams on 64 KiB
/// chunks: Core alone, then the service method in process (validation, per-token normalization,
/// offset mapping, proto building), then the same plus protobuf serialization of every response,
/// as the server writes it. No HTTP/2 and no client: what is left of the load harness's server
/// CPU after these is hosting. MB/s = UTF-8 bytes of the input / mean time.
/// </summary>
[MemoryDiagnoser]
public class ServiceBenchmarks
{
    private const int ChunkChars = 64 * 1024;
    private const int Chunks = 4;

    private readonly TextAnalyzer _analyzer = new();
    private readonly TextNormalizer _display = new(NormalizationOptions.Display);
    private readonly RequestValidator _validator = new(Options.Create(new GrpcNlpServerOptions()));
    private readonly byte[] _wire = new byte[16 * 1024 * 1024];
    private TokenizationService _tokenization = null!;
    private NormalizationService _normalization = null!;
    private ServerCallContext _context = null!;
    private TokenizeRequest _article = null!;
    private string[] _chunks = [];

    [GlobalSetup]
    public void Setup()
    {
        IMeterFactory meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var metrics = new GrpcNlpMetrics(meters);
        _tokenization = new TokenizationService(_validator, _analyzer, metrics);
        _normalization = new NormalizationService(_validator, metrics);
        _context = new BenchmarkCallContext();
        string article = SampleText.Article() ?? SampleText.Arabic(8 * 1024);
        _article = new TokenizeRequest { Document = new Document { Text = article } };

        // Generated Arabic news sentences, cut every 64 Ki UTF-16 units as a client would send them.
        string stream = SampleText.Arabic(ChunkChars * Chunks);
        _chunks = [.. Enumerable.Range(0, Chunks).Select(i => stream.Substring(i * ChunkChars, ChunkChars))];
        Console.WriteLine($"// article: {Encoding.UTF8.GetByteCount(article)} UTF-8 bytes; stream: {Chunks} chunks, {Encoding.UTF8.GetByteCount(stream)} UTF-8 bytes");
    }

    /// <summary>Core's analysis of the article (tokens, SEARCH norms, sentences), as Tokenize runs it.</summary>
    [Benchmark]
    public int TokenizeArticleCore() =>
        _analyzer.Analyze(_article.Document.Text, "", NormalizationOptions.Search).Tokens.Count;

    /// <summary>The Tokenize service method on the article.</summary>
    [Benchmark]
    public int TokenizeArticleService() => _tokenization.Tokenize(_article, _context).Result.Tokens.Count;

    /// <summary>The Tokenize service method and the serialization of its response.</summary>
    [Benchmark]
    public int TokenizeArticleServiceWire() => Serialize(_tokenization.Tokenize(_article, _context).Result);

    /// <summary>Core's streaming tokenizer over the chunks, pieces as spans, as the service runs it.</summary>
    [Benchmark]
    public int TokenizeStreamCore()
    {
        using var tokenizer = new StreamingTokenizer("");
        int count = 0;
        foreach (string chunk in _chunks)
        {
            count += tokenizer.PushPiece(chunk, isFinalBlock: false).Tokens.Length;
        }

        return count + tokenizer.PushPiece([], isFinalBlock: true).Tokens.Length;
    }

    /// <summary>The same through the string API (a string and token array per piece), as the service ran it before.</summary>
    [Benchmark]
    public int TokenizeStreamCoreStrings()
    {
        using var tokenizer = new StreamingTokenizer("");
        int count = 0;
        foreach (string chunk in _chunks)
        {
            count += tokenizer.Push(chunk, isFinalBlock: false).Tokens.Count;
        }

        return count + tokenizer.Push([], isFinalBlock: true).Tokens.Count;
    }

    /// <summary>The StreamTokenize service method over the chunks, responses serialized (by the server's own response writer).</summary>
    [Benchmark]
    public int TokenizeStreamServiceWire()
    {
        var writer = new BufferWriter(_wire);
        var requests = new ListReader<StreamTokenizeRequest>([.. _chunks.Select(c => new StreamTokenizeRequest { Text = c })]);
        _tokenization.StreamTokenize(requests, writer, _context).GetAwaiter().GetResult();
        return writer.Bytes;
    }

    /// <summary>
    /// Core's non-streaming normalizer (DISPLAY) on each chunk as a whole document: the floor
    /// for the streaming normalizer, which does this work plus holding back a tail.
    /// </summary>
    [Benchmark]
    public int NormalizeChunksUnary()
    {
        int count = 0;
        foreach (string chunk in _chunks)
        {
            count += _display.Normalize(chunk).Edits.Count;
        }

        return count;
    }

    /// <summary>Core's streaming normalizer (DISPLAY, the stream's default) over the chunks, pieces as spans, as the service runs it.</summary>
    [Benchmark]
    public int NormalizeStreamCore()
    {
        using var normalizer = new StreamingNormalizer(NormalizationOptions.Display);
        int count = 0;
        foreach (string chunk in _chunks)
        {
            count += normalizer.PushPiece(chunk, isFinalBlock: false).Edits.Length;
        }

        return count + normalizer.PushPiece([], isFinalBlock: true).Edits.Length;
    }

    /// <summary>The same through the string API (a string per piece and an edit array), as the service ran it before.</summary>
    [Benchmark]
    public int NormalizeStreamCoreStrings()
    {
        using var normalizer = new StreamingNormalizer(NormalizationOptions.Display);
        int count = 0;
        foreach (string chunk in _chunks)
        {
            count += normalizer.Push(chunk, isFinalBlock: false).Edits.Count;
        }

        return count + normalizer.Push([], isFinalBlock: true).Edits.Count;
    }

    /// <summary>The StreamNormalize service method over the chunks, responses serialized.</summary>
    [Benchmark]
    public int NormalizeStreamServiceWire()
    {
        var writer = new SerializingWriter<StreamNormalizeResponse>(_wire);
        var requests = new ListReader<StreamNormalizeRequest>([.. _chunks.Select(c => new StreamNormalizeRequest { Text = c })]);
        _normalization.StreamNormalize(requests, writer, _context).GetAwaiter().GetResult();
        return writer.Bytes;
    }

    private int Serialize(IMessage message)
    {
        int size = message.CalculateSize();
        message.WriteTo(_wire.AsSpan(0, size));
        return size;
    }

    /// <summary>Writes each StreamTokenize response into one buffer with the server's response marshaller.</summary>
    private sealed class BufferWriter(byte[] buffer) : IServerStreamWriter<StreamTokenizeResponseBuffer>
    {
        public int Bytes { get; private set; }

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(StreamTokenizeResponseBuffer message)
        {
            int size = message.CalculateSize();
            var output = new FixedBufferWriter(buffer);
            message.WriteTo(output);
            Bytes += size;
            return Task.CompletedTask;
        }

        public Task WriteAsync(StreamTokenizeResponseBuffer message, CancellationToken cancellationToken) => WriteAsync(message);
    }

    /// <summary>An <see cref="System.Buffers.IBufferWriter{T}"/> over a fixed buffer (no copy, no growth).</summary>
    private sealed class FixedBufferWriter(Memory<byte> buffer) : System.Buffers.IBufferWriter<byte>
    {
        private int _written;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => buffer[_written..];

        public Span<byte> GetSpan(int sizeHint = 0) => buffer.Span[_written..];
    }

    /// <summary>Request messages from a list, as the server's reader hands them over.</summary>
    private sealed class ListReader<T>(IReadOnlyList<T> messages) : IAsyncStreamReader<T>
    {
        private int _next = -1;

        public T Current => messages[_next];

        public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromResult(++_next < messages.Count);
    }

    /// <summary>Serializes each response into one buffer, as the server does before framing it.</summary>
    private sealed class SerializingWriter<T>(byte[] buffer) : IServerStreamWriter<T>
        where T : IMessage<T>
    {
        public int Bytes { get; private set; }

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(T message)
        {
            int size = message.CalculateSize();
            message.WriteTo(buffer.AsSpan(0, size));
            Bytes += size;
            return Task.CompletedTask;
        }

        public Task WriteAsync(T message, CancellationToken cancellationToken) => WriteAsync(message);
    }
}
