using System.Text;
using Grpc.Core;
using GrpcNlp.Cli.Tests.Infrastructure;
using GrpcNlp.Client;
using GrpcNlp.V1;
using Microsoft.Extensions.DependencyInjection;

namespace GrpcNlp.Cli.Tests.EndToEnd;

/// <summary>The SDK facade against the real server: unary, streaming helpers and DI registration.</summary>
public sealed class ClientEndToEndTests(ServerFixture server)
{
    [Fact]
    public async Task Streamed_normalization_equals_the_unary_answer()
    {
        using GrpcNlpClient client = GrpcNlpClient.Create(server.Address);
        var options = new NormalizationOptions { Profile = NormalizationProfile.Search };
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;

        NormalizeResponse unary = await client.NormalizeAsync(Texts.ArabicNews, options, "ar", OffsetEncoding.Utf16, cancellationToken);
        var streamed = new StringBuilder();
        await foreach (StreamNormalizeResponse piece in client.NormalizeStreamAsync(
            Chunks(Texts.ArabicNews, 7),
            new StreamNormalizeConfig { Options = options, Language = "ar", OffsetEncoding = OffsetEncoding.Utf16 },
            cancellationToken))
        {
            streamed.Append(piece.NormalizedText);
        }

        Assert.Equal(unary.NormalizedText, streamed.ToString());
    }

    [Fact]
    public async Task Streamed_tokens_equal_the_unary_tokens()
    {
        using GrpcNlpClient client = GrpcNlpClient.Create(server.Address);
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;

        TokenizeResponse unary = await client.TokenizeAsync(Texts.ArabicNews, language: "ar", cancellationToken: cancellationToken);
        var streamed = new List<Token>();
        await foreach (StreamTokenizeResponse piece in client.TokenizeStreamAsync(
            Chunks(Texts.ArabicNews, 5),
            new StreamTokenizeConfig { Language = "ar", OffsetEncoding = OffsetEncoding.Utf16 },
            cancellationToken))
        {
            streamed.AddRange(piece.Tokens);
        }

        Assert.Equal(unary.Tokens, streamed);
    }

    [Fact]
    public async Task Batch_entities_answer_each_document_in_order()
    {
        using GrpcNlpClient client = GrpcNlpClient.Create(server.Address);
        Document[] documents =
        [
            new() { Id = "one", Text = Texts.ArabicNews },
            new() { Id = "two", Text = Texts.ArabicSecond },
            new() { Id = "three", Text = "Nothing much here." },
        ];

        var ids = new List<string>();
        await foreach (ExtractEntitiesResponse response in client.ExtractEntitiesBatchAsync(
            documents, cancellationToken: TestContext.Current.CancellationToken))
        {
            ids.Add(response.DocumentId);
        }

        Assert.Equal(["one", "two", "three"], ids);
    }

    [Fact]
    public async Task Streamed_summary_of_chunks_equals_the_unary_summary()
    {
        using GrpcNlpClient client = GrpcNlpClient.Create(server.Address);
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Document[] documents =
        [
            new() { Id = "a", Text = Texts.ArabicNews, Language = "ar" },
            new() { Id = "b", Text = Texts.ArabicSecond, Language = "ar" },
        ];

        SummarizeResponse unary = await client.SummarizeAsync(documents, new SummarizeOptions { MaxSentences = 2 }, cancellationToken: cancellationToken);
        SummarizeResponse streamed = await client.SummarizeStreamAsync(
            DocumentChunks(documents, 11),
            new StreamSummarizeConfig { Options = new SummarizeOptions { MaxSentences = 2 }, OffsetEncoding = OffsetEncoding.Utf16 },
            cancellationToken);

        Assert.Equal(unary.Sentences.Select(s => s.Text), streamed.Sentences.Select(s => s.Text));
    }

    [Fact]
    public async Task A_streamed_summary_over_the_server_limit_fails_with_resource_exhausted()
    {
        using GrpcNlpClient client = GrpcNlpClient.Create(server.Address);
        string sentence = "جملة قصيرة للاختبار فقط. ";
        int count = (ServerFixture.MaxStreamBytes / Encoding.UTF8.GetByteCount(sentence)) + 100;

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.SummarizeStreamAsync(
            RepeatedChunks("big", sentence, count), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_failing_chunk_source_surfaces_its_own_exception()
    {
        using GrpcNlpClient client = GrpcNlpClient.Create(server.Address);

        await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (StreamNormalizeResponse piece in client.NormalizeStreamAsync(
                FailingChunks(), cancellationToken: TestContext.Current.CancellationToken))
            {
                _ = piece;
            }
        });
    }

    [Fact]
    public async Task Dependency_injection_resolves_a_working_facade()
    {
        var services = new ServiceCollection();
        services.AddGrpcNlpClient(options =>
        {
            options.Address = new Uri(server.Address);
            options.DefaultDeadline = TimeSpan.FromMinutes(1);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        GrpcNlpClient client = provider.GetRequiredService<GrpcNlpClient>();
        AnalyzeResponse response = await client.AnalyzeAsync(
            Texts.ArabicNews, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("ar", response.Language);
        Assert.NotEmpty(response.Summary);
    }

    [Fact]
    public async Task A_default_deadline_already_past_fails_the_call_with_deadline_exceeded()
    {
        // A deadline of one tick has expired before the call is sent: proof the default applies.
        using GrpcNlpClient client = GrpcNlpClient.Create(new GrpcNlpClientOptions
        {
            Address = new Uri(server.Address),
            DefaultDeadline = TimeSpan.FromTicks(1),
        });

        RpcException error = await Assert.ThrowsAsync<RpcException>(() =>
            client.TokenizeAsync("text", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    private static async IAsyncEnumerable<string> Chunks(string text, int size)
    {
        for (int start = 0; start < text.Length; start += size)
        {
            int end = Math.Min(text.Length, start + size);
            // Never split a surrogate pair: a chunk must be valid UTF-8 on the wire.
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end++;
            }

            yield return text[start..end];
            await Task.Yield();
            start = end - size;
        }
    }

    private static async IAsyncEnumerable<DocumentChunk> DocumentChunks(IEnumerable<Document> documents, int size)
    {
        foreach (Document document in documents)
        {
            await foreach (string chunk in Chunks(document.Text, size))
            {
                yield return new DocumentChunk { DocumentId = document.Id, Text = chunk, Language = document.Language };
            }
        }
    }

    private static async IAsyncEnumerable<DocumentChunk> RepeatedChunks(string id, string text, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return new DocumentChunk { DocumentId = id, Text = text };
            await Task.Yield();
        }
    }

    private static async IAsyncEnumerable<string> FailingChunks()
    {
        yield return "أول جزء ";
        await Task.Yield();
        throw new InvalidDataException("the source broke");
    }
}
