using Google.Protobuf;
using Grpc.Core;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.Server.Tests.Interceptors;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;

namespace GrpcNlp.Server.Tests.Services;

/// <summary>
/// Analyze over gRPC, read as raw bytes: the server's own response writer answers, and its
/// bytes are exactly what the generated serializer writes for the generated service method's
/// response to the same request (the path JSON transcoding takes).
/// </summary>
public sealed class AnalyzeWireTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private static readonly Method<AnalyzeRequest, byte[]> s_rawMethod = OwnBindings.RawUnary(AnalysisService.Descriptor, "Analyze", AnalyzeRequest.Parser);

    public static TheoryData<OffsetEncoding, bool, int> Cases() => new()
    {
        { OffsetEncoding.Unspecified, false, 51 },
        { OffsetEncoding.Utf8, true, 52 },
        { OffsetEncoding.Utf16, false, 53 },
        { OffsetEncoding.CodePoint, true, 54 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Response_IsTheGeneratedMethodsBytes(OffsetEncoding encoding, bool options, int seed)
    {
        var random = new Random(seed);
        var service = ActivatorUtilities.CreateInstance<Server.Services.AnalysisService>(Fixture.Services);

        // The shared texts, generated text, a lone surrogate, a text of whitespace only, a text
        // the display profile changes; with and without an id and a language (the detected one
        // is answered then); default options and explicit ones.
        string[] texts = [.. Texts.All, TextGenerator.Next(random, 80), "a\uD83D b \uDC4D c.", " \n ", "Cafe\u0301 ok. 👩🏽‍💻 done",
            "قـــال الرئيس جو بايدن في واشنطن يوم ١٥ مارس ٢٠٢٤ إن بايدن سيزور القاهرة."];
        foreach (string text in texts)
        {
            var sent = new AnalyzeRequest
            {
                Document = new Document { Text = text, Id = random.Next(2) == 0 ? "" : $"doc-{random.Next(1000)}", Language = random.Next(2) == 0 ? "" : "ar" },
                OffsetEncoding = encoding,
            };
            if (options)
            {
                sent.Normalization = new NormalizationOptions { Profile = NormalizationProfile.Search };
                sent.Summary = new SummarizeOptions { MaxSentences = 1 };
            }

            // What the server reads (a lone surrogate travels as U+FFFD).
            AnalyzeRequest request = AnalyzeRequest.Parser.ParseFrom(sent.ToByteArray());
            byte[] raw = await Fixture.Channel.CreateCallInvoker().AsyncUnaryCall(s_rawMethod, null, Call(), request);
            AnalyzeResponse generated = await service.Analyze(request, new TestServerCallContext("/test", DateTime.MaxValue, CancellationToken.None));

            Assert.Equal(generated.ToByteArray(), raw);
            Assert.Equal(raw, AnalyzeResponse.Parser.ParseFrom(raw).ToByteArray());
        }
    }

    [Fact]
    public async Task Response_HasTokensEntitiesAndASummary()
    {
        // Not an empty answer written equal to an empty one: the parts the writer handles are there.
        var request = new AnalyzeRequest { Document = new Document { Text = Texts.Arabic } };
        byte[] raw = await Fixture.Channel.CreateCallInvoker().AsyncUnaryCall(s_rawMethod, null, Call(), request);
        AnalyzeResponse response = AnalyzeResponse.Parser.ParseFrom(raw);

        Assert.NotEmpty(response.Tokens);
        Assert.NotEmpty(response.Sentences);
        Assert.NotEmpty(response.Mentions);
        Assert.NotEmpty(response.Entities);
        Assert.NotEmpty(response.Summary);
        Assert.NotEmpty(response.NormalizedText);
    }

    [Fact]
    public void GrpcRoute_IsBoundOnce_ByTheServersMethod_AndTranscodingKeepsTheGeneratedOne() =>
        OwnBindings.AssertBoundOnceAndTranscoded<AnalyzeRequest, AnalyzeResponse>(Fixture.Services, AnalyzeMethod.Method, "/v1/documents:analyze");
}
