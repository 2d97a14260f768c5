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
        var options = new SummarizeOptions { MaxSentences = 3, Order = SummaryOrder.Score };

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
        Assert.Equal(unary, streamed.Summary);
    }
}
