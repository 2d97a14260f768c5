using Google.Protobuf;
using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Services;

/// <summary>
/// StreamTokenize through the server, read as raw bytes: every response is exactly what the
/// generated serializer writes for the message a generated client parses from it.
/// </summary>
public sealed class StreamTokenizeWireTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private static readonly Method<StreamTokenizeRequest, byte[]> s_rawMethod = new(
        MethodType.DuplexStreaming,
        TokenizationService.Descriptor.FullName,
        "StreamTokenize",
        Marshallers.Create<StreamTokenizeRequest>(r => r.ToByteArray(), StreamTokenizeRequest.Parser.ParseFrom),
        Marshallers.Create<byte[]>(b => b, b => b));

    [Theory]
    [InlineData(OffsetEncoding.Utf8, SegmentationScheme.Unspecified, 31)]
    [InlineData(OffsetEncoding.Utf16, SegmentationScheme.Unspecified, 32)]
    [InlineData(OffsetEncoding.CodePoint, SegmentationScheme.Unspecified, 33)]
    [InlineData(OffsetEncoding.Utf8, SegmentationScheme.Farasa, 34)]
    [InlineData(OffsetEncoding.CodePoint, SegmentationScheme.Atb, 35)]
    public async Task Responses_AreTheGeneratedBytes(OffsetEncoding encoding, SegmentationScheme segmentation, int seed)
    {
        var random = new Random(seed);
        var config = new StreamTokenizeConfig
        {
            OffsetEncoding = encoding,
            Options = new TokenizeOptions { Segmentation = segmentation, LlmEncodings = { LlmEncoding.O200KBase } },
        };
        string text = string.Concat(Texts.All) + TextGenerator.Next(random, 200);
        List<byte[]> responses = await StreamRaw(config, Offsets.RandomChunks(text, random, maxChunk: 40));

        Assert.NotEmpty(responses);
        int tokens = 0;
        foreach (byte[] raw in responses)
        {
            StreamTokenizeResponse parsed = StreamTokenizeResponse.Parser.ParseFrom(raw);
            Assert.Equal(parsed.ToByteArray(), raw);
            tokens += parsed.Tokens.Count;
        }

        Assert.True(tokens > 100, $"{tokens} tokens");
    }

    [Fact]
    public async Task WhitespaceOnlyStream_SendsNothing()
    {
        List<byte[]> responses = await StreamRaw(new StreamTokenizeConfig(), ["   ", "\n\n", " "]);
        Assert.Empty(responses);
    }

    private async Task<List<byte[]>> StreamRaw(StreamTokenizeConfig config, IEnumerable<string> chunks)
    {
        using AsyncDuplexStreamingCall<StreamTokenizeRequest, byte[]> call = Fixture.Channel.CreateCallInvoker().AsyncDuplexStreamingCall(s_rawMethod, null, Call());
        await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Config = config });
        foreach (string chunk in chunks)
        {
            await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Text = chunk });
        }

        await call.RequestStream.CompleteAsync();
        var responses = new List<byte[]>();
        await foreach (byte[] raw in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(raw);
        }

        return responses;
    }
}
