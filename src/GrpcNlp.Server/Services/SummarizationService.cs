using System.Text;
using Grpc.Core;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;
using GrpcNlp.Core.Text;
using GrpcNlp.Server.Configuration;
using GrpcNlp.Server.Mapping;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Services;

/// <summary>Summarization RPCs: validate, analyze each document, summarize, map back.</summary>
public sealed class SummarizationService(
    RequestValidator validator,
    TextAnalyzer analyzer,
    ExtractiveSummarizer summarizer,
    GrpcNlpMetrics metrics,
    ILogger<SummarizationService> logger)
    : V1.SummarizationService.SummarizationServiceBase
{
    /// <inheritdoc />
    public override Task<SummarizeResponse> Summarize(SummarizeRequest request, ServerCallContext context)
    {
        validator.ValidateSummarize(request);
        SummarizeResponse response = Run(request.Documents, request.Options, request.OffsetEncoding, context.CancellationToken);
        metrics.Documents(nameof(Summarize), request.Documents.Count, request.Documents.Sum(d => (long)d.Text.Length));
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override async Task<StreamSummarizeResponse> StreamSummarize(IAsyncStreamReader<StreamSummarizeRequest> requestStream, ServerCallContext context)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        GrpcNlpServerOptions limits = validator.Limits;
        StreamSummarizeConfig? config = null;
        var documents = new List<Document>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        StringBuilder? current = null;
        Document? currentDocument = null;
        long bytes = 0;
        bool first = true;

        while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            StreamSummarizeRequest message = requestStream.Current;
            if (message.PayloadCase == StreamSummarizeRequest.PayloadOneofCase.Config)
            {
                if (!first)
                {
                    RpcErrors.ThrowStreamProtocol("config", "the configuration is allowed only as the first message");
                }

                validator.ValidateConfig(message.Config);
                config = message.Config;
                first = false;
                continue;
            }

            first = false;
            DocumentChunk chunk = message.Chunk ?? new DocumentChunk();

            // Counted before buffering: past the limit the stream fails without holding more.
            bytes += Encoding.UTF8.GetByteCount(chunk.Text);
            if (bytes > limits.MaxStreamBytes)
            {
                ServerLog.StreamLimitExceeded(logger, nameof(StreamSummarize), limits.MaxStreamBytes, "bytes");
                RpcErrors.ThrowLimit("chunk.text", $"the stream carries more than {limits.MaxStreamBytes} bytes of text");
            }

            if (currentDocument is null || chunk.DocumentId != currentDocument.Id)
            {
                Close();
                if (documents.Count + 1 > limits.MaxSummaryDocuments)
                {
                    ServerLog.StreamLimitExceeded(logger, nameof(StreamSummarize), limits.MaxSummaryDocuments, "documents");
                    RpcErrors.ThrowLimit("chunk.document_id", $"at most {limits.MaxSummaryDocuments} documents per summary");
                }

                if (chunk.DocumentId.Length > 0 && !ids.Add(chunk.DocumentId))
                {
                    RpcErrors.ThrowInvalid("chunk.document_id", $"document '{chunk.DocumentId}' was already closed by another document's chunk");
                }

                validator.ValidateChunkLanguage(chunk.Language);
                currentDocument = new Document { Id = chunk.DocumentId, Language = chunk.Language };
                current = new StringBuilder();
            }

            current!.Append(chunk.Text);
            if (current.Length > limits.MaxDocumentChars)
            {
                RpcErrors.ThrowLimit("chunk.text", $"document '{chunk.DocumentId}' is longer than {limits.MaxDocumentChars} UTF-16 code units");
            }
        }

        Close();
        if (documents.Count == 0)
        {
            RpcErrors.ThrowInvalid("chunk", "the stream carried no document");
        }

        SummarizeResponse summary = Run(documents, config?.Options, config?.OffsetEncoding ?? OffsetEncoding.Unspecified, cancellationToken);
        metrics.Documents(nameof(StreamSummarize), documents.Count, documents.Sum(d => (long)d.Text.Length));
        return new StreamSummarizeResponse { Summary = summary };

        void Close()
        {
            if (currentDocument is null)
            {
                return;
            }

            if (current!.Length == 0)
            {
                RpcErrors.ThrowInvalid("chunk.text", $"document '{currentDocument.Id}' has no text");
            }

            currentDocument.Text = current.ToString();
            documents.Add(currentDocument);
            currentDocument = null;
            current = null;
        }
    }

    private SummarizeResponse Run(IReadOnlyList<Document> documents, SummarizeOptions? options, OffsetEncoding encoding, CancellationToken cancellationToken)
    {
        var analyzed = new List<AnalyzedText>(documents.Count);
        foreach (Document document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            analyzed.Add(analyzer.Analyze(document.Text, document.Language, Core.Normalization.NormalizationOptions.Search, cancellationToken));
        }

        SummaryResult result = summarizer.Summarize(analyzed, ProtoMapper.ToCore(options), cancellationToken);
        OffsetUnit unit = ProtoMapper.ToUnit(encoding);
        var mappers = new SpanMapper?[documents.Count];
        var response = new SummarizeResponse { TotalSentences = result.TotalSentences };
        foreach (Core.Summarization.SummarySentence sentence in result.Sentences)
        {
            Document document = documents[sentence.DocumentIndex];
            response.Sentences.Add(new V1.SummarySentence
            {
                DocumentId = document.Id,
                DocumentIndex = sentence.DocumentIndex,
                SentenceIndex = sentence.SentenceIndex,
                Span = MapperOf(sentence.DocumentIndex).Map(sentence.Span),
                Text = document.Text.Substring(sentence.Span.Start, sentence.Span.Length),
                Score = sentence.Score,
            });
        }

        foreach (Core.Summarization.Keyphrase keyphrase in result.Keyphrases)
        {
            var phrase = new V1.Keyphrase { Text = keyphrase.Text, Normalized = keyphrase.Normalized, Score = keyphrase.Score };
            foreach (Core.Summarization.KeyphraseOccurrence occurrence in keyphrase.Occurrences)
            {
                phrase.Occurrences.Add(new V1.KeyphraseOccurrence
                {
                    DocumentId = documents[occurrence.DocumentIndex].Id,
                    DocumentIndex = occurrence.DocumentIndex,
                    Span = MapperOf(occurrence.DocumentIndex).Map(occurrence.Span),
                });
            }

            response.Keyphrases.Add(phrase);
        }

        return response;

        // One offset mapper per document, made when a span of that document is first mapped.
        SpanMapper MapperOf(int documentIndex) => mappers[documentIndex] ??= new SpanMapper(documents[documentIndex].Text, unit);
    }
}
