using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Services;

public sealed class EntityServiceTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private EntityService.EntityServiceClient Client => new(Fixture.Channel);

    [Theory]
    [MemberData(nameof(Texts.ArabicAndEnglishInEveryEncoding), MemberType = typeof(Texts))]
    public async Task ExtractEntities_MentionsSliceToTheirText(string text, OffsetEncoding encoding)
    {
        ExtractEntitiesResponse response = await Client.ExtractEntitiesAsync(
            new ExtractEntitiesRequest { Document = new Document { Id = "e", Text = text }, OffsetEncoding = encoding }, Call());

        Assert.Equal("e", response.DocumentId);
        Assert.NotEmpty(response.Mentions);
        foreach (EntityMention mention in response.Mentions)
        {
            Assert.Equal(mention.Text, Offsets.Slice(text, mention.Span, encoding));
            Assert.NotEqual(EntityType.Unspecified, mention.Type);
            Assert.InRange(mention.EntityIndex, 0, response.Entities.Count - 1);
        }

        foreach (Entity entity in response.Entities)
        {
            Assert.All(entity.MentionIndices, i => Assert.InRange(i, 0, response.Mentions.Count - 1));
        }
    }

    [Fact]
    public async Task ExtractEntities_TypeFilter_ReturnsOnlyThoseTypes()
    {
        var request = new ExtractEntitiesRequest { Document = new Document { Text = Texts.English }, Options = new EntityOptions() };
        request.Options.Types_.Add(EntityType.Email);
        ExtractEntitiesResponse response = await Client.ExtractEntitiesAsync(request, Call());
        EntityMention email = Assert.Single(response.Mentions);
        Assert.Equal(EntityType.Email, email.Type);
        Assert.Equal("press@example.org", email.Text);
    }

    [Fact]
    public async Task ExtractEntities_ReferenceDate_ResolvesRelativeDates()
    {
        const string Text = "وصل الوفد أمس، ويعود الأحد المقبل. He leaves tomorrow.";
        var request = new ExtractEntitiesRequest { Document = new Document { Text = Text }, Options = new EntityOptions() };
        request.Options.Types_.Add(EntityType.Date);
        ExtractEntitiesResponse without = await Client.ExtractEntitiesAsync(request, Call());
        request.Options.ReferenceDate = "2024-11-13";
        ExtractEntitiesResponse with = await Client.ExtractEntitiesAsync(request, Call());

        Assert.Equal(["أمس", "الأحد المقبل", "tomorrow"], with.Mentions.Select(m => m.Text));
        Assert.Equal(["2024-11-12", "2024-11-17", "2024-11-14"], with.Mentions.Select(m => m.NormalizedValue));
        Assert.Equal(with.Mentions.Select(m => m.Text), without.Mentions.Select(m => m.Text));
        Assert.All(without.Mentions, m => Assert.Equal(string.Empty, m.NormalizedValue));
    }

    [Fact]
    public async Task StreamExtractEntities_ManyDocumentsExtractedConcurrently_AnswerInOrder()
    {
        // More documents than processors, of very different lengths: a short one after a long one
        // is ready first, and must still be answered after it.
        string[] texts = Enumerable.Range(0, 12)
            .Select(i => string.Concat(Enumerable.Repeat(i % 2 == 0 ? Texts.Arabic + " " : Texts.English + " ", i % 3 == 0 ? 40 : 1)))
            .ToArray();
        using AsyncDuplexStreamingCall<StreamExtractEntitiesRequest, StreamExtractEntitiesResponse> call = Client.StreamExtractEntities(Call());
        foreach ((string text, int i) in texts.Select((t, i) => (t, i)))
        {
            await call.RequestStream.WriteAsync(new StreamExtractEntitiesRequest
            {
                Document = new Document { Id = "d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = text },
            });
        }

        await call.RequestStream.CompleteAsync();
        var answers = new List<ExtractEntitiesResponse>();
        await foreach (StreamExtractEntitiesResponse answer in call.ResponseStream.ReadAllAsync())
        {
            answers.Add(answer.Result);
        }

        Assert.Equal(texts.Select((_, i) => "d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), answers.Select(a => a.DocumentId));
        for (int i = 0; i < texts.Length; i += 5)
        {
            ExtractEntitiesResponse unary = await Client.ExtractEntitiesAsync(
                new ExtractEntitiesRequest { Document = new Document { Id = answers[i].DocumentId, Text = texts[i] } }, Call());
            Assert.Equal(unary, answers[i]);
        }
    }

    [Fact]
    public async Task StreamExtractEntities_RejectedDocument_AnswersTheDocumentsBeforeItFirst()
    {
        using AsyncDuplexStreamingCall<StreamExtractEntitiesRequest, StreamExtractEntitiesResponse> call = Client.StreamExtractEntities(Call());
        foreach (string id in (string[])["a", "b", "c"])
        {
            await call.RequestStream.WriteAsync(new StreamExtractEntitiesRequest { Document = new Document { Id = id, Text = Texts.Arabic } });
        }

        await call.RequestStream.WriteAsync(new StreamExtractEntitiesRequest { Document = new Document { Id = "bad", Text = string.Empty } });
        var answered = new List<string>();
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            await foreach (StreamExtractEntitiesResponse answer in call.ResponseStream.ReadAllAsync())
            {
                answered.Add(answer.Result.DocumentId);
            }
        });

        Assert.Equal(["a", "b", "c"], answered);
        RpcAssert.HasFieldViolation(error, "document.text");
    }

    [Fact]
    public async Task StreamExtractEntities_AnswersEachDocumentInOrder_AsUnary()
    {
        string[] texts = [Texts.English, Texts.Arabic, Texts.Mixed, Texts.English];
        using AsyncDuplexStreamingCall<StreamExtractEntitiesRequest, StreamExtractEntitiesResponse> call = Client.StreamExtractEntities(Call());
        Task writer = Task.Run(async () =>
        {
            for (int i = 0; i < texts.Length; i++)
            {
                await call.RequestStream.WriteAsync(new StreamExtractEntitiesRequest
                {
                    Document = new Document { Id = "doc" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = texts[i] },
                    OffsetEncoding = (OffsetEncoding)(1 + (i % 3)),
                });
            }

            await call.RequestStream.CompleteAsync();
        });

        var answers = new List<ExtractEntitiesResponse>();
        await foreach (StreamExtractEntitiesResponse answer in call.ResponseStream.ReadAllAsync())
        {
            answers.Add(answer.Result);
        }

        await writer;
        Assert.Equal(texts.Length, answers.Count);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal("doc" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), answers[i].DocumentId);
            ExtractEntitiesResponse unary = await Client.ExtractEntitiesAsync(
                new ExtractEntitiesRequest { Document = new Document { Id = answers[i].DocumentId, Text = texts[i] }, OffsetEncoding = (OffsetEncoding)(1 + (i % 3)) },
                Call());
            Assert.Equal(unary, answers[i]);
        }
    }

    [Fact]
    public async Task StreamExtractEntities_RepeatedId_IsInvalidArgument()
    {
        using AsyncDuplexStreamingCall<StreamExtractEntitiesRequest, StreamExtractEntitiesResponse> call = Client.StreamExtractEntities(Call());
        RpcException error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            await call.RequestStream.WriteAsync(new StreamExtractEntitiesRequest { Document = new Document { Id = "same", Text = "Paris." } });
            await call.RequestStream.WriteAsync(new StreamExtractEntitiesRequest { Document = new Document { Id = "same", Text = "Cairo." } });
            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext())
            {
            }
        });
        RpcAssert.HasFieldViolation(error, "document.id");
    }

    [Fact]
    public async Task StreamExtractEntities_PastTheBatchLimit_IsResourceExhausted()
    {
        using AsyncDuplexStreamingCall<StreamExtractEntitiesRequest, StreamExtractEntitiesResponse> call = Client.StreamExtractEntities(Call());
        int answered = 0;
        RpcException error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, async () =>
        {
            await RpcAssert.WriteUntilServerEndsAsync(
                call.RequestStream,
                Enumerable.Range(0, GrpcNlpServerFixture.MaxBatchDocuments + 1).Select(_ => new StreamExtractEntitiesRequest { Document = new Document { Text = "Cairo, 2024." } }));
            while (await call.ResponseStream.MoveNext())
            {
                answered++;
            }
        });
        Assert.Equal(GrpcNlpServerFixture.MaxBatchDocuments, answered);
        RpcAssert.HasFieldViolation(error, "document");
    }

    [Fact]
    public async Task ExtractEntities_EchoesTheLanguageSent()
    {
        ExtractEntitiesResponse response = await Client.ExtractEntitiesAsync(
            new ExtractEntitiesRequest { Document = new Document { Text = Texts.Arabic, Language = "ar-EG" } }, Call());
        Assert.Equal("ar-EG", response.Language);
    }
}
