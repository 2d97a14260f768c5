using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using GrpcNlp.Client.Internal;
using GrpcNlp.V1;

namespace GrpcNlp.Client;

/// <summary>
/// One entry point to every GrpcNlp service: unary calls that take plain text, and streaming
/// helpers that take and return asynchronous sequences. Offsets in answers are UTF-16 code units
/// unless a call asks otherwise, so they index .NET strings directly. Thread-safe.
/// </summary>
public sealed class GrpcNlpClient : IDisposable
{
    private readonly GrpcChannel? _ownedChannel;

    /// <summary>Creates a client over a channel the caller owns and disposes.</summary>
    /// <param name="channel">The channel to the server.</param>
    public GrpcNlpClient(GrpcChannel channel)
        : this(channel.CreateCallInvoker())
    {
    }

    /// <summary>Creates a client over a call invoker (for example one with interceptors).</summary>
    /// <param name="callInvoker">The invoker that makes the calls.</param>
    public GrpcNlpClient(CallInvoker callInvoker)
        : this(
            new NormalizationService.NormalizationServiceClient(callInvoker),
            new TokenizationService.TokenizationServiceClient(callInvoker),
            new EntityService.EntityServiceClient(callInvoker),
            new SummarizationService.SummarizationServiceClient(callInvoker),
            new AnalysisService.AnalysisServiceClient(callInvoker))
    {
    }

    /// <summary>Creates a client over the generated clients, as dependency injection supplies them.</summary>
    /// <param name="normalization">The normalization client.</param>
    /// <param name="tokenization">The tokenization client.</param>
    /// <param name="entities">The entity client.</param>
    /// <param name="summarization">The summarization client.</param>
    /// <param name="analysis">The analysis client.</param>
    public GrpcNlpClient(
        NormalizationService.NormalizationServiceClient normalization,
        TokenizationService.TokenizationServiceClient tokenization,
        EntityService.EntityServiceClient entities,
        SummarizationService.SummarizationServiceClient summarization,
        AnalysisService.AnalysisServiceClient analysis)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentNullException.ThrowIfNull(tokenization);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(summarization);
        ArgumentNullException.ThrowIfNull(analysis);
        Normalization = normalization;
        Tokenization = tokenization;
        Entities = entities;
        Summarization = summarization;
        Analysis = analysis;
    }

    private GrpcNlpClient(GrpcChannel channel, CallInvoker callInvoker)
        : this(callInvoker)
    {
        _ownedChannel = channel;
    }

    /// <summary>Gets the generated normalization client, for calls the helpers do not cover.</summary>
    public NormalizationService.NormalizationServiceClient Normalization { get; }

    /// <summary>Gets the generated tokenization client.</summary>
    public TokenizationService.TokenizationServiceClient Tokenization { get; }

    /// <summary>Gets the generated entity client.</summary>
    public EntityService.EntityServiceClient Entities { get; }

    /// <summary>Gets the generated summarization client.</summary>
    public SummarizationService.SummarizationServiceClient Summarization { get; }

    /// <summary>Gets the generated analysis client.</summary>
    public AnalysisService.AnalysisServiceClient Analysis { get; }

    /// <summary>
    /// Creates a client that owns its channel to <paramref name="address"/>, with the default
    /// deadline and retry policy of <see cref="GrpcNlpClientOptions"/>. An <c>http://</c> address
    /// speaks HTTP/2 without TLS.
    /// </summary>
    /// <param name="address">The server address, such as <c>http://127.0.0.1:5080</c>.</param>
    /// <returns>A client to dispose when done.</returns>
    public static GrpcNlpClient Create(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return Create(new GrpcNlpClientOptions { Address = new Uri(address, UriKind.Absolute) });
    }

    /// <summary>Creates a client that owns its channel, configured by <paramref name="options"/>.</summary>
    /// <param name="options">The address or addresses, default deadline, retry policy and compression.</param>
    /// <returns>A client to dispose when done.</returns>
    public static GrpcNlpClient Create(GrpcNlpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var channelOptions = new GrpcChannelOptions();
        ChannelConfiguration.Apply(options, channelOptions);
        var channel = GrpcChannel.ForAddress(ChannelConfiguration.Target(options), channelOptions);
        CallInvoker invoker = options.DefaultDeadline is not null || options.RequestCompression is not null
            ? channel.Intercept(new CallDefaultsInterceptor(options.DefaultDeadline, options.RequestCompression))
            : channel.CreateCallInvoker();
        return new GrpcNlpClient(channel, invoker);
    }

    /// <summary>Normalizes a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">The normalization options; <see langword="null"/> for the DISPLAY profile.</param>
    /// <param name="language">The BCP-47 language; <see langword="null"/> to let the server detect it.</param>
    /// <param name="offsetEncoding">The unit of the offsets in the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The normalized text and the edits that map it back to <paramref name="text"/>.</returns>
    public Task<NormalizeResponse> NormalizeAsync(
        string text,
        NormalizationOptions? options = null,
        string? language = null,
        OffsetEncoding offsetEncoding = OffsetEncoding.Utf16,
        CancellationToken cancellationToken = default)
    {
        var request = new NormalizeRequest
        {
            Document = CreateDocument(text, language),
            Options = options,
            OffsetEncoding = offsetEncoding,
        };
        return NormalizeAsync(request, new CallOptions(cancellationToken: cancellationToken));
    }

    /// <summary>Sends a normalization request as built by the caller.</summary>
    /// <param name="request">The request.</param>
    /// <param name="callOptions">Deadline, headers and cancellation of the call.</param>
    /// <returns>The answer.</returns>
    public Task<NormalizeResponse> NormalizeAsync(NormalizeRequest request, CallOptions callOptions = default)
        => Normalization.NormalizeAsync(request, callOptions).ResponseAsync;

    /// <summary>Tokenizes a text into tokens and sentences.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">The tokenization options; <see langword="null"/> for the defaults.</param>
    /// <param name="language">The BCP-47 language; <see langword="null"/> to let the server detect it.</param>
    /// <param name="offsetEncoding">The unit of the offsets in the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens and sentences.</returns>
    public Task<TokenizeResponse> TokenizeAsync(
        string text,
        TokenizeOptions? options = null,
        string? language = null,
        OffsetEncoding offsetEncoding = OffsetEncoding.Utf16,
        CancellationToken cancellationToken = default)
    {
        var request = new TokenizeRequest
        {
            Document = CreateDocument(text, language),
            Options = options,
            OffsetEncoding = offsetEncoding,
        };
        return TokenizeAsync(request, new CallOptions(cancellationToken: cancellationToken));
    }

    /// <summary>Sends a tokenization request as built by the caller.</summary>
    /// <param name="request">The request.</param>
    /// <param name="callOptions">Deadline, headers and cancellation of the call.</param>
    /// <returns>The answer.</returns>
    public Task<TokenizeResponse> TokenizeAsync(TokenizeRequest request, CallOptions callOptions = default)
        => Tokenization.TokenizeAsync(request, callOptions).ResponseAsync;

    /// <summary>Extracts the named entities and typed values of a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">The extraction options; <see langword="null"/> for every type.</param>
    /// <param name="language">The BCP-47 language; <see langword="null"/> to let the server detect it.</param>
    /// <param name="offsetEncoding">The unit of the offsets in the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mentions and the entities they group into.</returns>
    public Task<ExtractEntitiesResponse> ExtractEntitiesAsync(
        string text,
        EntityOptions? options = null,
        string? language = null,
        OffsetEncoding offsetEncoding = OffsetEncoding.Utf16,
        CancellationToken cancellationToken = default)
    {
        var request = new ExtractEntitiesRequest
        {
            Document = CreateDocument(text, language),
            Options = options,
            OffsetEncoding = offsetEncoding,
        };
        return ExtractEntitiesAsync(request, new CallOptions(cancellationToken: cancellationToken));
    }

    /// <summary>Sends an entity extraction request as built by the caller.</summary>
    /// <param name="request">The request.</param>
    /// <param name="callOptions">Deadline, headers and cancellation of the call.</param>
    /// <returns>The answer.</returns>
    public Task<ExtractEntitiesResponse> ExtractEntitiesAsync(ExtractEntitiesRequest request, CallOptions callOptions = default)
        => Entities.ExtractEntitiesAsync(request, callOptions).ResponseAsync;

    /// <summary>Summarizes one or several documents about one subject into one summary.</summary>
    /// <param name="documents">The documents; ids must be unique.</param>
    /// <param name="options">The summary options; <see langword="null"/> for the defaults (3 sentences).</param>
    /// <param name="offsetEncoding">The unit of the offsets in the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The chosen sentences.</returns>
    public Task<SummarizeResponse> SummarizeAsync(
        IEnumerable<Document> documents,
        SummarizeOptions? options = null,
        OffsetEncoding offsetEncoding = OffsetEncoding.Utf16,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var request = new SummarizeRequest { Options = options, OffsetEncoding = offsetEncoding };
        request.Documents.AddRange(documents);
        return SummarizeAsync(request, new CallOptions(cancellationToken: cancellationToken));
    }

    /// <summary>Sends a summarization request as built by the caller.</summary>
    /// <param name="request">The request.</param>
    /// <param name="callOptions">Deadline, headers and cancellation of the call.</param>
    /// <returns>The answer.</returns>
    public Task<SummarizeResponse> SummarizeAsync(SummarizeRequest request, CallOptions callOptions = default)
        => Summarization.SummarizeAsync(request, callOptions).ResponseAsync;

    /// <summary>Runs the whole pipeline (normalization, tokens, entities, summary) on one document.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">The BCP-47 language; <see langword="null"/> to let the server detect it.</param>
    /// <param name="offsetEncoding">The unit of the offsets in the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The whole analysis.</returns>
    public Task<AnalyzeResponse> AnalyzeAsync(
        string text,
        string? language = null,
        OffsetEncoding offsetEncoding = OffsetEncoding.Utf16,
        CancellationToken cancellationToken = default)
    {
        var request = new AnalyzeRequest
        {
            Document = CreateDocument(text, language),
            OffsetEncoding = offsetEncoding,
        };
        return AnalyzeAsync(request, new CallOptions(cancellationToken: cancellationToken));
    }

    /// <summary>Sends an analysis request as built by the caller.</summary>
    /// <param name="request">The request.</param>
    /// <param name="callOptions">Deadline, headers and cancellation of the call.</param>
    /// <returns>The answer.</returns>
    public Task<AnalyzeResponse> AnalyzeAsync(AnalyzeRequest request, CallOptions callOptions = default)
        => Analysis.AnalyzeAsync(request, callOptions).ResponseAsync;

    /// <summary>
    /// Normalizes a text sent as chunks cut anywhere, yielding the normalized pieces as they become
    /// final. Chunks are sent while answers are read, so any length streams in bounded memory.
    /// </summary>
    /// <param name="chunks">The chunks of the text, in order.</param>
    /// <param name="config">The stream's options, offset unit and language; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The normalized pieces; concatenated, they equal the unary answer on the whole text.</returns>
    public IAsyncEnumerable<StreamNormalizeResponse> NormalizeStreamAsync(
        IAsyncEnumerable<string> chunks,
        StreamNormalizeConfig? config = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        IAsyncEnumerable<StreamNormalizeRequest> requests = StreamingCalls.WithHeader(
            config is null ? null : new StreamNormalizeRequest { Config = config },
            chunks,
            static chunk => new StreamNormalizeRequest { Text = chunk });
        return StreamingCalls.DuplexAsync(
            token => Normalization.StreamNormalize(cancellationToken: token),
            requests,
            cancellationToken);
    }

    /// <summary>
    /// Tokenizes a text sent as chunks cut anywhere, yielding tokens and sentences as they become
    /// final, with offsets global to the whole stream.
    /// </summary>
    /// <param name="chunks">The chunks of the text, in order.</param>
    /// <param name="config">The stream's options, offset unit and language; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens and sentences, in pieces; together they equal the unary answer on the whole text.</returns>
    public IAsyncEnumerable<StreamTokenizeResponse> TokenizeStreamAsync(
        IAsyncEnumerable<string> chunks,
        StreamTokenizeConfig? config = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        IAsyncEnumerable<StreamTokenizeRequest> requests = StreamingCalls.WithHeader(
            config is null ? null : new StreamTokenizeRequest { Config = config },
            chunks,
            static chunk => new StreamTokenizeRequest { Text = chunk });
        return StreamingCalls.DuplexAsync(
            token => Tokenization.StreamTokenize(cancellationToken: token),
            requests,
            cancellationToken);
    }

    /// <summary>
    /// Extracts entities from many documents over one call, yielding one answer per document in
    /// the order sent, each carrying its document's id.
    /// </summary>
    /// <param name="documents">The documents; ids should be unique.</param>
    /// <param name="options">The extraction options for every document; <see langword="null"/> for every type.</param>
    /// <param name="offsetEncoding">The unit of the offsets in the answers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answers, one per document.</returns>
    public async IAsyncEnumerable<ExtractEntitiesResponse> ExtractEntitiesBatchAsync(
        IAsyncEnumerable<Document> documents,
        EntityOptions? options = null,
        OffsetEncoding offsetEncoding = OffsetEncoding.Utf16,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        IAsyncEnumerable<StreamExtractEntitiesRequest> requests = StreamingCalls.WithHeader(
            (StreamExtractEntitiesRequest?)null,
            documents,
            document => new StreamExtractEntitiesRequest
            {
                Document = document,
                Options = options,
                OffsetEncoding = offsetEncoding,
            });
        IAsyncEnumerable<StreamExtractEntitiesResponse> responses = StreamingCalls.DuplexAsync(
            token => Entities.StreamExtractEntities(cancellationToken: token),
            requests,
            cancellationToken);
        await foreach (StreamExtractEntitiesResponse response in responses.ConfigureAwait(false))
        {
            yield return response.Result;
        }
    }

    /// <summary>
    /// Extracts entities from many documents over one call, yielding one answer per document in
    /// the order sent.
    /// </summary>
    /// <param name="documents">The documents; ids should be unique.</param>
    /// <param name="options">The extraction options for every document; <see langword="null"/> for every type.</param>
    /// <param name="offsetEncoding">The unit of the offsets in the answers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answers, one per document.</returns>
    public IAsyncEnumerable<ExtractEntitiesResponse> ExtractEntitiesBatchAsync(
        IEnumerable<Document> documents,
        EntityOptions? options = null,
        OffsetEncoding offsetEncoding = OffsetEncoding.Utf16,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return ExtractEntitiesBatchAsync(StreamingCalls.ToAsync(documents), options, offsetEncoding, cancellationToken);
    }

    /// <summary>
    /// Summarizes documents sent as a stream of chunks: consecutive chunks with the same document id
    /// form one document. The server answers once, after the last chunk.
    /// </summary>
    /// <param name="chunks">The chunks, document after document.</param>
    /// <param name="config">The summary options and offset unit; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary of all documents.</returns>
    public async Task<SummarizeResponse> SummarizeStreamAsync(
        IAsyncEnumerable<DocumentChunk> chunks,
        StreamSummarizeConfig? config = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        IAsyncEnumerable<StreamSummarizeRequest> requests = StreamingCalls.WithHeader(
            config is null ? null : new StreamSummarizeRequest { Config = config },
            chunks,
            static chunk => new StreamSummarizeRequest { Chunk = chunk });
        using AsyncClientStreamingCall<StreamSummarizeRequest, StreamSummarizeResponse> call =
            Summarization.StreamSummarize(cancellationToken: cancellationToken);
        StreamSummarizeResponse response = await StreamingCalls
            .ClientStreamingAsync(call, requests, cancellationToken)
            .ConfigureAwait(false);
        return response.Summary;
    }

    /// <summary>Disposes the channel when this client created it; otherwise does nothing.</summary>
    public void Dispose() => _ownedChannel?.Dispose();

    private static Document CreateDocument(string text, string? language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Document { Text = text, Language = language ?? string.Empty };
    }
}
