using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Services;

public sealed class SummarizationServiceTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private const string SecondEnglish =
        "The mayor of Paris welcomed the visit. Officials said the deal creates 200 jobs 🎉. "
        + "Critics asked who will pay for it.";

    private SummarizationService.SummarizationServiceClient Client => new(Fixture.Channel);

    [Theory]
    [InlineData(OffsetEncoding.Utf8)]
    [InlineData(OffsetEncoding.Utf16)]
    [InlineData(OffsetEncoding.CodePoint)]
    public async Task Summarize_SentencesSliceToTheirText(OffsetEncoding encoding)
    {
        var request = new SummarizeRequest { OffsetEncoding = encoding, Options = new SummarizeOptions { MaxSentences = 2 } };
        request.Documents.Add(new Document { Id = "en1", Text = Texts.English });
        request.Documents.Add(new Document { Id = "en2", Text = SecondEnglish });
        request.Documents.Add(new Document { Id = "ar", Text = Texts.Arabic });

        SummarizeResponse response = await Client.SummarizeAsync(request, Call());

        Assert.InRange(response.Sentences.Count, 1, 2);
        Assert.True(response.TotalSentences >= response.Sentences.Count);
        foreach (V1.SummarySentence sentence in response.Sentences)
        {
            Document document = request.Documents[sentence.DocumentIndex];
            Assert.Equal(document.Id, sentence.DocumentId);
            Assert.Equal(sentence.Text, Offsets.Slice(document.Text, sentence.Span, encoding));
        }
    }

    [Theory]
    [InlineData(OffsetEncoding.Utf8, 21)]
    [InlineData(OffsetEncoding.CodePoint, 22)]
    public async Task StreamSummarize_EqualsUnary_UnderRandomChunking(OffsetEncoding encoding, int seed)
    {
        var random = new Random(seed);
        (string Id, string Text)[] documents = [("en1", Texts.English), ("ar", Texts.Arabic), ("en2", SecondEnglish)];
        var options = new SummarizeOptions { MaxSentences = 3, Order = SummaryOrder.Score, KeyphraseCount = 5 };

        var request = new SummarizeRequest { Options = options, OffsetEncoding = encoding };
        foreach ((string id, string text) in documents)
        {
            request.Documents.Add(new Document { Id = id, Text = text });
        }

        SummarizeResponse unary = await Client.SummarizeAsync(request, Call());

        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call = Client.StreamSummarize(Call());
        await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Config = new StreamSummarizeConfig { Options = options, OffsetEncoding = encoding } });
        foreach ((string id, string text) in documents)
        {
            foreach (string chunk in Offsets.RandomChunks(text, random, maxChunk: 20))
            {
                await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Chunk = new DocumentChunk { DocumentId = id, Text = chunk } });
            }
        }

        await call.RequestStream.CompleteAsync();
        StreamSummarizeResponse streamed = await call.ResponseAsync;
        Assert.NotEmpty(unary.Keyphrases);
        Assert.Equal(unary, streamed.Summary);
    }

    [Theory]
    [InlineData(OffsetEncoding.Utf8)]
    [InlineData(OffsetEncoding.Utf16)]
    [InlineData(OffsetEncoding.CodePoint)]
    public async Task Summarize_KeyphraseOccurrencesSliceToThePhrase(OffsetEncoding encoding)
    {
        // Two made-up reports of one event; the phrase "solar farm" occurs in both (once inflected).
        const string first = "A solar farm 🌞 opened near the river town on Monday. The solar farm will power 4000 homes.";
        const string second = "Officials said two solar farms are planned. Engineers praised the solar farm design.";
        var request = new SummarizeRequest { OffsetEncoding = encoding, Options = new SummarizeOptions { MaxSentences = 2, KeyphraseCount = 3 } };
        request.Documents.Add(new Document { Id = "report-a", Text = first });
        request.Documents.Add(new Document { Id = "report-b", Text = second });

        SummarizeResponse response = await Client.SummarizeAsync(request, Call());

        Assert.InRange(response.Keyphrases.Count, 1, 3);
        V1.Keyphrase solar = Assert.Single(response.Keyphrases, k => k.Normalized == "solar farm");
        Assert.Equal("solar farm", solar.Text);
        Assert.Equal(["report-a", "report-a", "report-b", "report-b"], solar.Occurrences.Select(o => o.DocumentId));
        foreach (V1.KeyphraseOccurrence occurrence in solar.Occurrences)
        {
            Document document = request.Documents[occurrence.DocumentIndex];
            Assert.Equal(document.Id, occurrence.DocumentId);
            Assert.StartsWith("solar farm", Offsets.Slice(document.Text, occurrence.Span, encoding), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Summarize_WithoutKeyphraseCount_ReturnsNoKeyphrases()
    {
        var request = new SummarizeRequest();
        request.Documents.Add(new Document { Id = "en", Text = Texts.English });
        SummarizeResponse response = await Client.SummarizeAsync(request, Call());
        Assert.Empty(response.Keyphrases);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Summarize_KeyphraseCountOutOfRange_IsInvalidArgument(int count)
    {
        var request = new SummarizeRequest { Options = new SummarizeOptions { KeyphraseCount = count } };
        request.Documents.Add(new Document { Id = "en", Text = Texts.English });
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Client.SummarizeAsync(request, Call()).ResponseAsync);
        RpcAssert.HasFieldViolation(error, "options.keyphrase_count");
    }

    [Fact]
    public async Task StreamSummarize_NegativeKeyphraseCount_IsInvalidArgument()
    {
        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call = Client.StreamSummarize(Call());
        await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Config = new StreamSummarizeConfig { Options = new SummarizeOptions { KeyphraseCount = -2 } } });
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Chunk = new DocumentChunk { DocumentId = "en", Text = Texts.English } });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });
        RpcAssert.HasFieldViolation(error, "config.options.keyphrase_count");
    }

    // Two made-up reports of one event; their opening sentences say the same thing in spellings
    // that differ only in tanween and hamza.
    private const string BridgeReportA =
        "افتتحت الحكومة جسرا جديدا فوق نهر النيل في مدينة أسوان يوم الأحد. "
        + "ويربط الجسر الجديد ضفتي النهر ويختصر الرحلة بين الضفتين إلى ربع ساعة. "
        + "وبلغت تكلفة الجسر نحو مليار جنيه بحسب وزارة النقل. "
        + "وقال المحافظ إن الجسر سيخدم آلاف السكان يوميا.";

    private const string BridgeReportB =
        "افتتحت الحكومة جسراً جديداً فوق نهر النيل في مدينة اسوان يوم الاحد. "
        + "وتوقع خبراء النقل أن يخفف الجسر الزحام في وسط المدينة. "
        + "وشارك مئات العمال في بناء الجسر على مدى ثلاث سنوات.";

    [Theory]
    [InlineData(OffsetEncoding.Utf16)]
    [InlineData(OffsetEncoding.CodePoint)]
    public async Task TwoDocumentSummary_HasProvenance_AndSaysTheSharedOpeningOnce_InUnaryAndStream(OffsetEncoding encoding)
    {
        var options = new SummarizeOptions { MaxSentences = 4 };
        var request = new SummarizeRequest { OffsetEncoding = encoding, Options = options };
        request.Documents.Add(new Document { Id = "report-a", Text = BridgeReportA, Language = "ar" });
        request.Documents.Add(new Document { Id = "report-b", Text = BridgeReportB, Language = "ar" });

        SummarizeResponse unary = await Client.SummarizeAsync(request, Call());

        Assert.Equal(7, unary.TotalSentences);
        Assert.Equal(4, unary.Sentences.Count);
        Assert.Equal(["report-a", "report-b"], unary.Sentences.Select(s => s.DocumentId).Distinct().Order());
        Assert.Single(unary.Sentences, s => s.SentenceIndex == 0);
        foreach (V1.SummarySentence sentence in unary.Sentences)
        {
            Document document = request.Documents[sentence.DocumentIndex];
            Assert.Equal(document.Id, sentence.DocumentId);
            Assert.Equal(sentence.Text, Offsets.Slice(document.Text, sentence.Span, encoding));
        }

        // Document order: by document index, then sentence index.
        Assert.Equal(
            unary.Sentences.OrderBy(s => s.DocumentIndex).ThenBy(s => s.SentenceIndex).Select(s => (s.DocumentIndex, s.SentenceIndex)),
            unary.Sentences.Select(s => (s.DocumentIndex, s.SentenceIndex)));

        // The same documents streamed in two chunks each give the same answer.
        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call = Client.StreamSummarize(Call());
        await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Config = new StreamSummarizeConfig { Options = options, OffsetEncoding = encoding } });
        foreach (Document document in request.Documents)
        {
            int half = document.Text.IndexOf('.', StringComparison.Ordinal) + 5;
            await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Chunk = new DocumentChunk { DocumentId = document.Id, Text = document.Text[..half], Language = "ar" } });
            await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Chunk = new DocumentChunk { DocumentId = document.Id, Text = document.Text[half..] } });
        }

        await call.RequestStream.CompleteAsync();
        StreamSummarizeResponse streamed = await call.ResponseAsync;
        Assert.Equal(unary, streamed.Summary);
    }
}
