using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Errors;

public sealed class ValidationTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private NormalizationService.NormalizationServiceClient Normalization => new(Fixture.Channel);

    private TokenizationService.TokenizationServiceClient Tokenization => new(Fixture.Channel);

    private EntityService.EntityServiceClient Entities => new(Fixture.Channel);

    private SummarizationService.SummarizationServiceClient Summarization => new(Fixture.Channel);

    private AnalysisService.AnalysisServiceClient Analysis => new(Fixture.Channel);

    [Fact]
    public async Task Normalize_EmptyDocument_IsInvalidArgument_OnDocumentText()
    {
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Normalization.NormalizeAsync(new NormalizeRequest { Document = new Document() }, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "document.text");
        Assert.Equal("INVALID_ARGUMENT_FIELD", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task Tokenize_MissingDocument_IsInvalidArgument_OnDocument()
    {
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Tokenization.TokenizeAsync(new TokenizeRequest(), Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "document");
    }

    [Fact]
    public async Task Tokenize_UnknownOffsetEncoding_IsInvalidArgument()
    {
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Tokenization.TokenizeAsync(
                new TokenizeRequest { Document = new Document { Text = "hello" }, OffsetEncoding = (OffsetEncoding)99 },
                Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "offset_encoding");
    }

    [Fact]
    public async Task Normalize_UnknownProfile_IsInvalidArgument_OnOptionsProfile()
    {
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Normalization.NormalizeAsync(
                new NormalizeRequest
                {
                    Document = new Document { Text = "hello" },
                    Options = new V1.NormalizationOptions { Profile = (NormalizationProfile)42 },
                },
                Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "options.profile");
    }

    [Fact]
    public async Task Normalize_UnknownDiacriticSetAndCharacterMap_AreInvalidArgument()
    {
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Normalization.NormalizeAsync(
                new NormalizeRequest
                {
                    Document = new Document { Text = "hello" },
                    Options = new V1.NormalizationOptions { DiacriticSet = (DiacriticSet)9, CharacterMap = (CharacterMap)9 },
                },
                Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "options.diacritic_set");
        RpcAssert.HasFieldViolation(error, "options.character_map");
    }

    [Fact]
    public async Task Normalize_BadLanguageTag_IsInvalidArgument_OnDocumentLanguage()
    {
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Normalization.NormalizeAsync(
                new NormalizeRequest { Document = new Document { Text = "hello", Language = "en_US!!" } },
                Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "document.language");
    }

    [Fact]
    public async Task ExtractEntities_UnspecifiedTypeInFilter_IsInvalidArgument()
    {
        var request = new ExtractEntitiesRequest { Document = new Document { Text = "hello" }, Options = new EntityOptions() };
        request.Options.Types_.Add(EntityType.Person);
        request.Options.Types_.Add(EntityType.Unspecified);
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Entities.ExtractEntitiesAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "options.types[1]");
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("11/11/2024")]
    [InlineData("2024-11-11T10:00")]
    [InlineData("yesterday")]
    public async Task ExtractEntities_MalformedReferenceDate_IsInvalidArgument(string date)
    {
        var request = new ExtractEntitiesRequest
        {
            Document = new Document { Text = "وصل الوفد أمس" },
            Options = new EntityOptions { ReferenceDate = date },
        };
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Entities.ExtractEntitiesAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "options.reference_date");
    }

    [Fact]
    public async Task Analyze_MalformedReferenceDate_IsInvalidArgument_OnEntities()
    {
        var request = new AnalyzeRequest
        {
            Document = new Document { Text = "وصل الوفد أمس" },
            Entities = new EntityOptions { ReferenceDate = "2024-1-5" },
        };
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Analysis.AnalyzeAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "entities.reference_date");
    }

    [Theory]
    [InlineData(-0.1f, 0.3f, "options.ratio")]
    [InlineData(1.5f, 0.3f, "options.ratio")]
    [InlineData(0.5f, -1f, "options.redundancy_weight")]
    [InlineData(0.5f, 2f, "options.redundancy_weight")]
    public async Task Summarize_OptionsOutOfRange_AreInvalidArgument(float ratio, float redundancy, string field)
    {
        var request = new SummarizeRequest { Options = new SummarizeOptions { Ratio = ratio, RedundancyWeight = redundancy } };
        request.Documents.Add(new Document { Id = "a", Text = "One. Two." });
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Summarization.SummarizeAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, field);
    }

    [Fact]
    public async Task Summarize_NegativeMaxSentences_AndNoDocuments_ReportEveryField()
    {
        var request = new SummarizeRequest { Options = new SummarizeOptions { MaxSentences = -1 } };
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Summarization.SummarizeAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "documents");
        RpcAssert.HasFieldViolation(error, "options.max_sentences");
    }

    [Fact]
    public async Task Summarize_DuplicateIds_AreInvalidArgument()
    {
        var request = new SummarizeRequest();
        request.Documents.Add(new Document { Id = "a", Text = "One." });
        request.Documents.Add(new Document { Id = "a", Text = "Two." });
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Summarization.SummarizeAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "documents[1].id");
    }

    [Fact]
    public async Task Analyze_UnknownOrder_IsInvalidArgument_OnSummaryOrder()
    {
        var request = new AnalyzeRequest
        {
            Document = new Document { Text = "hello" },
            Summary = new SummarizeOptions { Order = (SummaryOrder)7 },
        };
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Analysis.AnalyzeAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "summary.order");
    }

    [Fact]
    public async Task Analyze_MissingDocument_IsInvalidArgument_OnDocument()
    {
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            Analysis.AnalyzeAsync(new AnalyzeRequest(), Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "document");
    }

    [Fact]
    public async Task Analyze_OversizeDocument_IsResourceExhausted_OnDocumentText()
    {
        string text = new('b', GrpcNlpServerFixture.MaxDocumentChars + 1);
        RpcException error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () =>
            Analysis.AnalyzeAsync(new AnalyzeRequest { Document = new Document { Text = text } }, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "document.text");
    }

    [Fact]
    public async Task OversizeMessage_IsResourceExhausted()
    {
        string text = new('a', GrpcNlpServerFixture.MaxMessageBytes + 10);
        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () =>
            Normalization.NormalizeAsync(new NormalizeRequest { Document = new Document { Text = text } }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task OversizeDocument_IsResourceExhausted_OnDocumentText()
    {
        string text = new('b', GrpcNlpServerFixture.MaxDocumentChars + 1);
        RpcException error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () =>
            Tokenization.TokenizeAsync(new TokenizeRequest { Document = new Document { Text = text } }, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "document.text");
    }

    [Fact]
    public async Task StreamNormalize_ConfigSentTwice_IsInvalidArgument()
    {
        using AsyncDuplexStreamingCall<StreamNormalizeRequest, StreamNormalizeResponse> call = Normalization.StreamNormalize(Call());
        await call.RequestStream.WriteAsync(new StreamNormalizeRequest { Config = new StreamNormalizeConfig() });
        await call.RequestStream.WriteAsync(new StreamNormalizeRequest { Config = new StreamNormalizeConfig() });
        await call.RequestStream.CompleteAsync();
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
            }
        });
        RpcAssert.HasFieldViolation(error, "config");
    }

    [Fact]
    public async Task StreamTokenize_ConfigAfterText_IsInvalidArgument()
    {
        using AsyncDuplexStreamingCall<StreamTokenizeRequest, StreamTokenizeResponse> call = Tokenization.StreamTokenize(Call());
        await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Text = "hello " });
        await call.RequestStream.WriteAsync(new StreamTokenizeRequest { Config = new StreamTokenizeConfig() });
        await call.RequestStream.CompleteAsync();
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
            }
        });
        RpcAssert.HasFieldViolation(error, "config");
    }

    [Fact]
    public async Task StreamSummarize_OverByteLimit_IsResourceExhausted()
    {
        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call = Summarization.StreamSummarize(Call());
        string piece = new('x', 4096);
        RpcException error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, async () =>
        {
            // The server fails the call as soon as it passes the limit.
            await RpcAssert.WriteUntilServerEndsAsync(
                call.RequestStream,
                Enumerable.Range(0, (GrpcNlpServerFixture.MaxStreamBytes / piece.Length) + 2)
                    .Select(_ => new StreamSummarizeRequest { Chunk = new DocumentChunk { DocumentId = "d", Text = piece } }));
            await call.ResponseAsync;
        });
        RpcAssert.HasFieldViolation(error, "chunk.text");
    }

    [Fact]
    public async Task StreamSummarize_OverDocumentLimit_IsResourceExhausted()
    {
        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call = Summarization.StreamSummarize(Call());
        RpcException error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, async () =>
        {
            await RpcAssert.WriteUntilServerEndsAsync(
                call.RequestStream,
                Enumerable.Range(0, GrpcNlpServerFixture.MaxSummaryDocuments + 1).Select(i => new StreamSummarizeRequest
                {
                    Chunk = new DocumentChunk { DocumentId = "d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = "One sentence." },
                }));
            await call.ResponseAsync;
        });
        RpcAssert.HasFieldViolation(error, "chunk.document_id");
    }

    [Fact]
    public async Task StreamSummarize_EmptyStream_IsInvalidArgument()
    {
        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call = Summarization.StreamSummarize(Call());
        await call.RequestStream.CompleteAsync();
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => call.ResponseAsync);
        RpcAssert.HasFieldViolation(error, "chunk");
    }

    [Fact]
    public async Task StreamExtractEntities_EmptyDocument_IsInvalidArgument()
    {
        using AsyncDuplexStreamingCall<StreamExtractEntitiesRequest, StreamExtractEntitiesResponse> call = Entities.StreamExtractEntities(Call());
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            await call.RequestStream.WriteAsync(new StreamExtractEntitiesRequest { Document = new Document { Id = "x", Text = string.Empty } });
            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext())
            {
            }
        });
        RpcAssert.HasFieldViolation(error, "document.text");
    }

    [Fact]
    public async Task Summarize_TooManyDocuments_IsResourceExhausted_OnDocuments()
    {
        var request = new SummarizeRequest();
        for (int i = 0; i <= GrpcNlpServerFixture.MaxSummaryDocuments; i++)
        {
            request.Documents.Add(new Document { Text = "One sentence." });
        }

        RpcException error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () =>
            Summarization.SummarizeAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "documents");
        Assert.Equal("LIMIT_EXCEEDED", error.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task StreamTokenize_UnfinishedTailOverDocumentLimit_IsResourceExhausted()
    {
        using AsyncDuplexStreamingCall<StreamTokenizeRequest, StreamTokenizeResponse> call = Tokenization.StreamTokenize(Call());
        string run = new('a', 8000);
        RpcException error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, async () =>
        {
            // No whitespace: nothing can become final, so everything is held back.
            await RpcAssert.WriteUntilServerEndsAsync(
                call.RequestStream,
                Enumerable.Range(0, (GrpcNlpServerFixture.MaxDocumentChars / run.Length) + 2).Select(_ => new StreamTokenizeRequest { Text = run }));
            while (await call.ResponseStream.MoveNext())
            {
            }
        });
        RpcAssert.HasFieldViolation(error, "text");
    }
}
