using Grpc.Core;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;
using GrpcNlp.Server.Mapping;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Services;

/// <summary>The whole pipeline on one document in one call.</summary>
public sealed class AnalysisService(
    RequestValidator validator,
    TextAnalyzer analyzer,
    EntityExtractor extractor,
    ExtractiveSummarizer summarizer,
    GrpcNlpMetrics metrics)
    : V1.AnalysisService.AnalysisServiceBase
{
    /// <inheritdoc />
    public override Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context)
    {
        validator.ValidateAnalyze(request);
        CancellationToken cancellationToken = context.CancellationToken;
        Document document = request.Document;
        var mapper = new SpanMapper(document.Text, ProtoMapper.ToUnit(request.OffsetEncoding));

        Core.Normalization.NormalizationOptions textOptions = ProtoMapper.ToCore(request.Normalization, V1.NormalizationProfile.Display);
        Core.Normalization.NormalizationOptions tokenOptions = request.Normalization is null
            ? Core.Normalization.NormalizationOptions.Search
            : textOptions;
        // Only the normalized string is answered: no edits to record (the document itself when unchanged).
        string normalized = new TextNormalizer(textOptions).NormalizeToString(document.Text);
        cancellationToken.ThrowIfCancellationRequested();

        AnalyzedText analyzed = analyzer.Analyze(document.Text, document.Language, tokenOptions, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        // Entities and summaries are computed on SEARCH norms, as their own RPCs do, so that
        // Analyze agrees with ExtractEntities and Summarize whatever display options were asked.
        AnalyzedText searchAnalyzed = tokenOptions == Core.Normalization.NormalizationOptions.Search
            ? analyzed
            : analyzer.Analyze(document.Text, document.Language, Core.Normalization.NormalizationOptions.Search, cancellationToken);
        EntityResult entities = extractor.Extract(searchAnalyzed, ProtoMapper.ToCore(request.Entities), cancellationToken);
        SummaryResult summary = summarizer.Summarize([searchAnalyzed], ProtoMapper.ToCore(request.Summary), cancellationToken);

        var response = new AnalyzeResponse
        {
            DocumentId = document.Id,
            Language = document.Language.Length > 0 ? document.Language : analyzed.Language,
            NormalizedText = normalized,
        };
        TokenizationService.AddTokens(analyzed, mapper, response.Tokens, response.Sentences);
        ProtoMapper.AddEntities(entities, document.Text, mapper, response.Mentions, response.Entities);
        foreach (Core.Summarization.SummarySentence sentence in summary.Sentences)
        {
            response.Summary.Add(new V1.SummarySentence
            {
                DocumentId = document.Id,
                DocumentIndex = sentence.DocumentIndex,
                SentenceIndex = sentence.SentenceIndex,
                Span = mapper.Map(sentence.Span),
                Text = document.Text.Substring(sentence.Span.Start, sentence.Span.Length),
                Score = sentence.Score,
            });
        }

        metrics.Documents(nameof(Analyze), 1, document.Text.Length);
        metrics.Tokens(nameof(Analyze), response.Tokens.Count);
        metrics.Entities(nameof(Analyze), response.Mentions.Count);
        return Task.FromResult(response);
    }
}
