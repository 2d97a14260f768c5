using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Grpc.Core;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Server.Mapping;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Services;

/// <summary>Entity RPCs: validate, analyze, extract, map back.</summary>
public sealed class EntityService(RequestValidator validator, TextAnalyzer analyzer, EntityExtractor extractor, GrpcNlpMetrics metrics)
    : V1.EntityService.EntityServiceBase
{
    /// <inheritdoc />
    public override Task<ExtractEntitiesResponse> ExtractEntities(ExtractEntitiesRequest request, ServerCallContext context)
    {
        validator.ValidateExtractEntities(request);
        ExtractEntitiesResponse response = Extract(request.Document, request.OffsetEncoding, request.Options, context.CancellationToken);
        metrics.Documents(nameof(ExtractEntities), 1, request.Document.Text.Length);
        metrics.Entities(nameof(ExtractEntities), response.Mentions.Count);
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Documents are validated in arrival order and extracted concurrently, at most
    /// <see cref="Configuration.GrpcNlpServerOptions.BatchConcurrency"/> at a time; a writer sends
    /// the answers in arrival order as each one is ready. When a document is rejected, the answers
    /// of the documents before it are sent first, then the error ends the call. HTTP/2 flow control
    /// on the response, through the bounded queue, throttles a client that sends faster than it reads.
    /// </remarks>
    public override async Task StreamExtractEntities(IAsyncStreamReader<StreamExtractEntitiesRequest> requestStream,
        IServerStreamWriter<StreamExtractEntitiesResponse> responseStream, ServerCallContext context)
    {
        int concurrency = validator.Limits.BatchConcurrency > 0 ? validator.Limits.BatchConcurrency : Environment.ProcessorCount;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        CancellationToken cancellationToken = stop.Token;

        // Extractions started and not yet answered, in arrival order: the writer awaits the oldest.
        var pending = Channel.CreateBounded<Task<ExtractEntitiesResponse>>(
            new BoundedChannelOptions(Math.Max(1, concurrency - 1)) { SingleReader = true, SingleWriter = true });
        Task writer = WriteInOrderAsync(pending.Reader, responseStream, stop);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int count = 0;
        ExceptionDispatchInfo? readFailure = null;
        try
        {
            while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                StreamExtractEntitiesRequest request = requestStream.Current;
                if (++count > validator.Limits.MaxBatchDocuments)
                {
                    RpcErrors.ThrowLimit("document", $"at most {validator.Limits.MaxBatchDocuments} documents per stream");
                }

                validator.ValidateStreamExtractEntities(request);
                if (request.Document.Id.Length > 0 && !ids.Add(request.Document.Id))
                {
                    RpcErrors.ThrowInvalid("document.id", $"document id '{request.Document.Id}' was already sent in this stream");
                }

                // A place in the queue first, then the extraction: at most `concurrency` run at once.
                await pending.Writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false);
                pending.Writer.TryWrite(Task.Run(() => ExtractOne(request, cancellationToken), cancellationToken));
            }
        }
        catch (Exception exception) when (exception is RpcException or OperationCanceledException or IOException)
        {
            // A rejected document or a failed read: the answers of the documents before it go out first.
            readFailure = ExceptionDispatchInfo.Capture(exception);
        }
        finally
        {
            pending.Writer.TryComplete();
        }

        // A failed writer (an extraction failed, or the client stopped reading) is what stopped the
        // reader, so its error is the call's; otherwise the reader's, once the answers before it are out.
        await writer.ConfigureAwait(false);
        readFailure?.Throw();
    }

    private ExtractEntitiesResponse ExtractOne(StreamExtractEntitiesRequest request, CancellationToken cancellationToken)
    {
        ExtractEntitiesResponse result = Extract(request.Document, request.OffsetEncoding, request.Options, cancellationToken);
        metrics.Documents(nameof(StreamExtractEntities), 1, request.Document.Text.Length);
        metrics.Entities(nameof(StreamExtractEntities), result.Mentions.Count);
        return result;
    }

    // Sends each answer once it and every answer before it are ready; on a failure, stops the reader.
    private static async Task WriteInOrderAsync(ChannelReader<Task<ExtractEntitiesResponse>> pending,
        IServerStreamWriter<StreamExtractEntitiesResponse> responseStream, CancellationTokenSource stop)
    {
        try
        {
            await foreach (Task<ExtractEntitiesResponse> extraction in pending.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                ExtractEntitiesResponse result = await extraction.ConfigureAwait(false);
                await responseStream.WriteAsync(new StreamExtractEntitiesResponse { Result = result }, stop.Token).ConfigureAwait(false);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private ExtractEntitiesResponse Extract(Document document, OffsetEncoding encoding, EntityOptions? options, CancellationToken cancellationToken)
    {
        AnalyzedText analyzed = analyzer.Analyze(document.Text, document.Language, Core.Normalization.NormalizationOptions.Search, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        EntityResult result = extractor.Extract(analyzed, ProtoMapper.ToCore(options), ProtoMapper.ReferenceDate(options), cancellationToken);

        var response = new ExtractEntitiesResponse
        {
            DocumentId = document.Id,
            Language = document.Language.Length > 0 ? document.Language : analyzed.Language,
        };
        var mapper = new SpanMapper(document.Text, ProtoMapper.ToUnit(encoding));
        ProtoMapper.AddEntities(result, document.Text, mapper, response.Mentions, response.Entities);
        return response;
    }
}
