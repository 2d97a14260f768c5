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
    public override async Task StreamExtractEntities(IAsyncStreamReader<StreamExtractEntitiesRequest> requestStream,
        IServerStreamWriter<StreamExtractEntitiesResponse> responseStream, ServerCallContext context)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int count = 0;
        // Documents are answered one by one in arrival order; HTTP/2 flow control on the
        // response throttles a client that sends faster than it reads.
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

            ExtractEntitiesResponse result = Extract(request.Document, request.OffsetEncoding, request.Options, cancellationToken);
            metrics.Documents(nameof(StreamExtractEntities), 1, request.Document.Text.Length);
            metrics.Entities(nameof(StreamExtractEntities), result.Mentions.Count);
            await responseStream.WriteAsync(new StreamExtractEntitiesResponse { Result = result }, cancellationToken).ConfigureAwait(false);
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
