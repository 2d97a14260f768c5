using System.Buffers;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Grpc.Core;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Server.Configuration;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormalizationOptions = GrpcNlp.Core.Normalization.NormalizationOptions;
using TokenizationService = GrpcNlp.Server.Services.TokenizationService;

namespace GrpcNlp.Benchmarks;

/// <summary>
/// The server's own work for unary Tokenize on a tweet (the load harness's target), in process:
/// Core's analysis; the generated service method with the serialization grpc-dotnet's generated
/// marshaller does (what JSON transcoding still runs, and gRPC ran before its own binding); and
/// the gRPC binding, the service method writing plain values and the server's response
/// marshaller. The request is parsed from its bytes on every call, as the server does.
/// </summary>
[MemoryDiagnoser]
public class TokenizeTweetBenchmarks
{
    private readonly TextAnalyzer _analyzer = new();
    private readonly RequestValidator _validator = new(Options.Create(new GrpcNlpServerOptions()));
    private readonly ServerCallContext _context = new BenchmarkCallContext();
    private readonly BufferSerializationContext _output = new(new ArrayBufferWriter<byte>(64 * 1024));
    private TokenizationService _tokenization = null!;
    private byte[] _request = [];

    [GlobalSetup]
    public void Setup()
    {
        IMeterFactory meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        _tokenization = new TokenizationService(_validator, _analyzer, new GrpcNlpMetrics(meters));
        _request = new TokenizeRequest { Document = new Document { Text = SampleText.Tweet, Language = "ar" } }.ToByteArray();
    }

    /// <summary>Core's analysis of the tweet (tokens, SEARCH norms, sentences), as Tokenize runs it.</summary>
    [Benchmark]
    public int Core() => _analyzer.Analyze(SampleText.Tweet, "ar", NormalizationOptions.Search).Tokens.Count;

    /// <summary>Request parsed, the generated service method (messages built), the response serialized as the generated marshaller does.</summary>
    [Benchmark(Baseline = true)]
    public int GeneratedMessages()
    {
        TokenizeResponse response = _tokenization.Tokenize(TokenizeRequest.Parser.ParseFrom(_request), _context).Result;
        _output.Reset();
        _output.SetPayloadLength(response.CalculateSize());
        response.WriteTo(_output.GetBufferWriter());
        _output.Complete();
        return _output.Written;
    }

    /// <summary>Request parsed, the service method of the gRPC binding (plain values), the response written by the server's marshaller.</summary>
    [Benchmark]
    public int GrpcBinding()
    {
        TokenizeResponseBuffer response = _tokenization.TokenizeToBuffer(TokenizeRequest.Parser.ParseFrom(_request), _context).Result;
        _output.Reset();
        TokenizeMethod.Method.ResponseMarshaller.ContextualSerializer(response, _output);
        return _output.Written;
    }

    /// <summary>The request parsed from its bytes, as every row does first.</summary>
    [Benchmark]
    public int ParseRequest() => TokenizeRequest.Parser.ParseFrom(_request).Document.Text.Length;

    /// <summary>Request parsed and the service method of the gRPC binding, nothing written (the buffer goes back to its pool).</summary>
    [Benchmark]
    public int GrpcBindingServiceOnly()
    {
        TokenizeResponseBuffer response = _tokenization.TokenizeToBuffer(TokenizeRequest.Parser.ParseFrom(_request), _context).Result;
        int tokens = response.TokenList.Tokens.Count;
        TokenizeResponseBuffer.Return(response);
        return tokens;
    }

    /// <summary>A serialization context over one reused buffer, as the server's is over the call's pipe.</summary>
    private sealed class BufferSerializationContext(ArrayBufferWriter<byte> writer) : SerializationContext
    {
        public int Written { get; private set; }

        public void Reset() => writer.ResetWrittenCount();

        public override void SetPayloadLength(int payloadLength)
        {
        }

        public override IBufferWriter<byte> GetBufferWriter() => writer;

        public override void Complete() => Written = writer.WrittenCount;

        public override void Complete(byte[] payload) => throw new NotSupportedException();
    }
}
