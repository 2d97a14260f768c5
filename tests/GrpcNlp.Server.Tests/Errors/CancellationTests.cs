using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Errors;

public sealed class CancellationTests(GrpcNlpServerFixture fixture) : ServerTestBase(fixture)
{
    private SummarizationService.SummarizationServiceClient Summarization => new(Fixture.Channel);

    [Fact]
    public async Task CancelledStream_IsCancelledOnClient_AndNoServerError()
    {
        using var cts = new CancellationTokenSource();
        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call = Summarization.StreamSummarize(Call(cts.Token));
        await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Chunk = new DocumentChunk { DocumentId = "a", Text = "A first sentence. " } });
        await cts.CancelAsync();
        RpcException error = await RpcAssert.FailsAsync(StatusCode.Cancelled, () => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task ExpiredDeadline_IsDeadlineExceeded()
    {
        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call =
            Summarization.StreamSummarize(new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(300)));

        // The stream is left open, so only the deadline can end the call; on a slow machine it
        // may already have passed at the first write.
        await RpcAssert.FailsAsync(StatusCode.DeadlineExceeded, async () =>
        {
            await call.RequestStream.WriteAsync(new StreamSummarizeRequest { Chunk = new DocumentChunk { DocumentId = "a", Text = "A first sentence. " } });
            await call.ResponseAsync.WaitAsync(GrpcNlpServerFixture.DefaultTimeout);
        });
    }
}
