using Grpc.Core;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;
using GrpcNlp.Server.Mapping;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Services;

/// <summary>The whole pipeline on one document in one call.</summary>
/// <remarks>
/// Bound by its own <see cref="BindService"/>: over gRPC, <see cref="AnalyzeMethodProvider"/>
/// binds Analyze with a response written from plain values (<see cref="AnalyzeResponseBuffer"/>,
/// <see cref="AnalyzeToBuffer"/>); JSON transcoding binds the generated Analyze
/// (<see cref="Analyze"/>), whose message it writes as JSON.
/// </remarks>
[BindServiceMethod(typeof(AnalysisService), nameof(BindService))]
public sealed class AnalysisService(
    RequestValidator validator,
    TextAnalyzer analyzer,
    EntityExtractor extractor,
    ExtractiveSummarizer summarizer,
    GrpcNlpMetrics metrics)
    : V1.AnalysisService.AnalysisServiceBase
{
    /// <summary>
    /// Binds the generated methods, except Analyze for the gRPC server's binder (see the remarks
    /// of the class and <see cref="SkippingServiceBinder.IsGrpcServerBinder"/>).
    /// </summary>
    public static void BindService(ServiceBinderBase serviceBinder, V1.AnalysisService.AnalysisServiceBase serviceImpl) =>
        V1.AnalysisService.BindService(
            SkippingServiceBinder.IsGrpcServerBinder(serviceBinder) ? new SkippingServiceBinder(serviceBinder, AnalyzeMethod.Name) : serviceBinder,
            serviceImpl);

    /// <summary>The service's descriptor; JSON transcoding reads it from the type that holds the bind method.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => V1.AnalysisService.Descriptor;

    /// <inheritdoc />
    public override Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context)
    {
        Analysis analysis = Run(request, context.CancellationToken);
        Document document = request.Document;
        var response = new AnalyzeResponse
        {
            DocumentId = document.Id,
            Language = analysis.Language,
            NormalizedText = analysis.NormalizedText,
        };
        var mapper = new SpanMapper(document.Text, ProtoMapper.ToUnit(request.OffsetEncoding));
        TokenizationService.AddTokens(analysis.Analyzed, mapper, response.Tokens, response.Sentences);
        ProtoMapper.AddEntities(analysis.Entities, document.Text, mapper, response.Mentions, response.Entities);
        AddSummary(analysis.Summary, document, mapper, response.Summary);
        Count(analysis, response.Tokens.Count, response.Mentions.Count);
        return Task.FromResult(response);
    }

    /// <summary>
    /// Analyze as the server binds it for gRPC (<see cref="AnalyzeMethod"/>): the same result as
    /// <see cref="Analyze"/>, its tokens and sentences held as plain values and the whole
    /// response written without a message per token.
    /// </summary>
    internal Task<AnalyzeResponseBuffer> AnalyzeToBuffer(AnalyzeRequest request, ServerCallContext context)
    {
        Analysis analysis = Run(request, context.CancellationToken);
        Document document = request.Document;
        AnalyzeResponseBuffer response = AnalyzeResponseBuffer.Rent();
        response.DocumentId = document.Id;
        response.Language = analysis.Language;
        response.NormalizedText = analysis.NormalizedText;
        TokenizationService.AddTokens(analysis.Analyzed, ProtoMapper.ToUnit(request.OffsetEncoding), Core.Segmentation.SegmentationScheme.None,
            [], response.TokenList);
        var mapper = new SpanMapper(document.Text, ProtoMapper.ToUnit(request.OffsetEncoding));
        ProtoMapper.AddEntities(analysis.Entities, document.Text, mapper, response.Mentions, response.Entities);
        AddSummary(analysis.Summary, document, mapper, response.Summary);
        Count(analysis, response.TokenList.Tokens.Count, response.Mentions.Count);
        return Task.FromResult(response);
    }

    /// <summary>Validates the request and runs every stage.</summary>
    private Analysis Run(AnalyzeRequest request, CancellationToken cancellationToken)
    {
        validator.ValidateAnalyze(request);
        Document document = request.Document;

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
        EntityResult entities = extractor.Extract(searchAnalyzed, ProtoMapper.ToCore(request.Entities), ProtoMapper.ReferenceDate(request.Entities), cancellationToken);
        SummaryResult summary = summarizer.Summarize([searchAnalyzed], ProtoMapper.ToCore(request.Summary), cancellationToken);
        string language = document.Language.Length > 0 ? document.Language : analyzed.Language;
        return new Analysis(document.Text.Length, language, normalized, analyzed, entities, summary);
    }

    private static void AddSummary(SummaryResult summary, Document document, SpanMapper mapper, ICollection<V1.SummarySentence> sentences)
    {
        foreach (Core.Summarization.SummarySentence sentence in summary.Sentences)
        {
            sentences.Add(new V1.SummarySentence
            {
                DocumentId = document.Id,
                DocumentIndex = sentence.DocumentIndex,
                SentenceIndex = sentence.SentenceIndex,
                Span = mapper.Map(sentence.Span),
                Text = document.Text.Substring(sentence.Span.Start, sentence.Span.Length),
                Score = sentence.Score,
            });
        }
    }

    private void Count(Analysis analysis, int tokens, int mentions)
    {
        metrics.Documents(nameof(Analyze), 1, analysis.Characters);
        metrics.Tokens(nameof(Analyze), tokens);
        metrics.Entities(nameof(Analyze), mentions);
    }

    /// <summary>What every stage made of one document, before it is mapped to a response.</summary>
    private readonly record struct Analysis(int Characters, string Language, string NormalizedText, AnalyzedText Analyzed, EntityResult Entities,
        SummaryResult Summary);
}
