using Google.Protobuf;
using Grpc.Core;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.Server.Tests.Interceptors;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;

namespace GrpcNlp.Server.Tests.Services;

/// <summary>
/// Unary Tokenize over gRPC, read as raw bytes: the server's own response writer answers, and
/// its bytes are exactly what the generated serializer writes for the generated service
/// method's response to the same request (the path JSON transcoding takes).
/// </summary>
public sealed class TokenizeWireTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private static readonly Method<TokenizeRequest, byte[]> s_rawMethod = OwnBindings.RawUnary(TokenizationService.Descriptor, "Tokenize", TokenizeRequest.Parser);

    public static TheoryData<OffsetEncoding, SegmentationScheme, bool, int> Cases() => new()
    {
        { OffsetEncoding.Unspecified, SegmentationScheme.Unspecified, false, 41 },
        { OffsetEncoding.Utf8, SegmentationScheme.Unspecified, true, 42 },
        { OffsetEncoding.Utf16, SegmentationScheme.None, false, 43 },
        { OffsetEncoding.CodePoint, SegmentationScheme.Unspecified, true, 44 },
        { OffsetEncoding.Utf8, SegmentationScheme.Farasa, true, 45 },
        { OffsetEncoding.CodePoint, SegmentationScheme.Atb, false, 46 },
        { OffsetEncoding.Utf16, SegmentationScheme.D3, true, 47 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Response_IsTheGeneratedMethodsBytes(OffsetEncoding encoding, SegmentationScheme segmentation, bool llmCounts, int seed)
    {
        var random = new Random(seed);
        var service = ActivatorUtilities.CreateInstance<Server.Services.TokenizationService>(Fixture.Services);
        var options = new TokenizeOptions { Segmentation = segmentation };
        if (llmCounts)
        {
            options.LlmEncodings.Add([LlmEncoding.O200KBase, LlmEncoding.Cl100KBase, LlmEncoding.O200KBase]);
        }

        // The shared texts, generated text, a lone surrogate, a text of whitespace only; with and
        // without an id and a language (the detected one is answered then); duplicated
        // LLM encodings.
        string[] texts = [.. Texts.All, TextGenerator.Next(random, 60), "a\uD83D b \uDC4D c.", " \n ", "Cafe\u0301 ok. 👩🏽‍💻 done"];
        foreach (string text in texts)
        {
            var sent = new TokenizeRequest
            {
                Document = new Document { Text = text, Id = random.Next(2) == 0 ? "" : $"doc-{random.Next(1000)}", Language = random.Next(2) == 0 ? "" : "ar" },
                OffsetEncoding = encoding,
                Options = options,
            };

            // What the server reads (a lone surrogate travels as U+FFFD).
            TokenizeRequest request = TokenizeRequest.Parser.ParseFrom(sent.ToByteArray());
            byte[] raw = await Fixture.Channel.CreateCallInvoker().AsyncUnaryCall(s_rawMethod, null, Call(), request);
            TokenizeResponse generated = await service.Tokenize(request, new TestServerCallContext("/test", DateTime.MaxValue, CancellationToken.None));

            Assert.Equal(generated.ToByteArray(), raw);
            Assert.Equal(raw, TokenizeResponse.Parser.ParseFrom(raw).ToByteArray());
        }
    }

    [Fact]
    public void GrpcRoute_IsBoundOnce_ByTheServersMethod_AndTranscodingKeepsTheGeneratedOne() =>
        OwnBindings.AssertBoundOnceAndTranscoded<TokenizeRequest, TokenizeResponse>(Fixture.Services, TokenizeMethod.Method, "/v1/documents:tokenize");
}
