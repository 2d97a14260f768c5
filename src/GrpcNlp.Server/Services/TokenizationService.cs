using System.Runtime.InteropServices;
using Grpc.Core;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;
using GrpcNlp.Server.Mapping;
using GrpcNlp.Server.Marshalling;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Services;

/// <summary>Tokenization RPCs: validate, map to Core, tokenize, map back.</summary>
/// <remarks>
/// Bound by its own <see cref="BindService"/>: the generated methods except StreamTokenize, which
/// <see cref="StreamTokenizeMethodProvider"/> binds with a response marshaller that writes tokens
/// from plain values (<see cref="StreamTokenizeResponseBuffer"/>), and, for gRPC, except Tokenize,
/// which <see cref="TokenizeMethodProvider"/> binds the same way (<see cref="TokenizeResponseBuffer"/>,
/// <see cref="TokenizeToBuffer"/>). JSON transcoding binds the generated Tokenize
/// (<see cref="Tokenize"/>): it writes the generated message as JSON.
/// </remarks>
[BindServiceMethod(typeof(TokenizationService), nameof(BindService))]
public sealed class TokenizationService(RequestValidator validator, TextAnalyzer analyzer, GrpcNlpMetrics metrics)
    : V1.TokenizationService.TokenizationServiceBase
{
    /// <summary>
    /// Binds the generated methods but those the server binds itself (see the remarks of the
    /// class). grpc-dotnet finds this through the attribute on the class and checks each handler
    /// against the type of <paramref name="serviceImpl"/>, hence the generated base type.
    /// </summary>
    public static void BindService(ServiceBinderBase serviceBinder, V1.TokenizationService.TokenizationServiceBase serviceImpl) =>
        V1.TokenizationService.BindService(
            SkippingServiceBinder.IsGrpcServerBinder(serviceBinder)
                ? new SkippingServiceBinder(serviceBinder, StreamTokenizeMethod.Name, TokenizeMethod.Name)
                : new SkippingServiceBinder(serviceBinder, StreamTokenizeMethod.Name),
            serviceImpl);

    /// <summary>The service's descriptor; JSON transcoding reads it from the type that holds the bind method.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => V1.TokenizationService.Descriptor;

    /// <inheritdoc />
    public override Task<TokenizeResponse> Tokenize(TokenizeRequest request, ServerCallContext context)
    {
        validator.ValidateTokenize(request);
        Document document = request.Document;
        Core.Normalization.NormalizationOptions tokenOptions = ProtoMapper.ToCore(request.Options?.Normalization, V1.NormalizationProfile.Search);
        AnalyzedText analyzed = analyzer.Analyze(document.Text, document.Language, tokenOptions, context.CancellationToken);

        var response = new TokenizeResponse
        {
            DocumentId = document.Id,
            Language = document.Language.Length > 0 ? document.Language : analyzed.Language,
        };
        var mapper = new SpanMapper(document.Text, ProtoMapper.ToUnit(request.OffsetEncoding));
        AddTokens(analyzed, mapper, response.Tokens, response.Sentences, ProtoMapper.ToCore(request.Options?.Segmentation ?? V1.SegmentationScheme.Unspecified));
        AddLlmTokenCounts(analyzed, ProtoMapper.DistinctLlmEncodings(request.Options), response);
        metrics.Documents(nameof(Tokenize), 1, document.Text.Length);
        metrics.Tokens(nameof(Tokenize), response.Tokens.Count);
        return Task.FromResult(response);
    }

    /// <summary>
    /// Tokenize as the server binds it for gRPC (<see cref="TokenizeMethod"/>): the same result
    /// as <see cref="Tokenize"/>, held as plain values and written without generated messages.
    /// </summary>
    internal Task<TokenizeResponseBuffer> TokenizeToBuffer(TokenizeRequest request, ServerCallContext context)
    {
        validator.ValidateTokenize(request);
        Document document = request.Document;
        Core.Normalization.NormalizationOptions tokenOptions = ProtoMapper.ToCore(request.Options?.Normalization, V1.NormalizationProfile.Search);
        AnalyzedText analyzed = analyzer.Analyze(document.Text, document.Language, tokenOptions, context.CancellationToken);

        TokenizeResponseBuffer response = TokenizeResponseBuffer.Rent();
        response.DocumentId = document.Id;
        response.Language = document.Language.Length > 0 ? document.Language : analyzed.Language;
        V1.LlmEncoding[] encodings = ProtoMapper.DistinctLlmEncodings(request.Options);
        AddTokens(analyzed, ProtoMapper.ToUnit(request.OffsetEncoding), ProtoMapper.ToCore(request.Options?.Segmentation ?? V1.SegmentationScheme.Unspecified),
            encodings, response.TokenList);
        foreach (V1.LlmEncoding encoding in encodings)
        {
            response.LlmTokenCounts.Add((encoding, Core.Tokenization.LlmTokenCounter.Count(ProtoMapper.ToCore(encoding), analyzed.Text)));
        }

        metrics.Documents(nameof(Tokenize), 1, document.Text.Length);
        metrics.Tokens(nameof(Tokenize), response.TokenList.Tokens.Count);
        return Task.FromResult(response);
    }

    /// <summary>
    /// StreamTokenize as the server binds it (<see cref="StreamTokenizeMethod"/>): the same
    /// request and response messages on the wire, responses written from plain values.
    /// </summary>
    internal async Task StreamTokenize(IAsyncStreamReader<StreamTokenizeRequest> requestStream,
        IServerStreamWriter<StreamTokenizeResponseBuffer> responseStream, ServerCallContext context)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        var state = new StreamState();
        bool first = true;
        try
        {
            while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                StreamTokenizeRequest message = requestStream.Current;
                if (message.PayloadCase == StreamTokenizeRequest.PayloadOneofCase.Config)
                {
                    if (!first)
                    {
                        RpcErrors.ThrowStreamProtocol("config", "the configuration is allowed only as the first message");
                    }

                    validator.ValidateConfig(message.Config);
                    state = new StreamState(message.Config);
                    first = false;
                    continue;
                }

                first = false;
                state.Characters += message.Text.Length;
                StreamTokenizeResponseBuffer? response = state.Accept(state.Tokenizer.PushPiece(message.Text, isFinalBlock: false), isFinal: false);
                if (response is not null)
                {
                    // The writer serializes the response before its task completes: the state
                    // reuses it for the next piece.
                    await responseStream.WriteAsync(response, cancellationToken).ConfigureAwait(false);
                }

                // Core holds back the text of the unfinished sentence (a run without whitespace is
                // held whole), which would grow without bound on such input: cap it like a document.
                if (state.Characters - state.Consumed > validator.Limits.MaxDocumentChars)
                {
                    RpcErrors.ThrowLimit("text", $"more than {validator.Limits.MaxDocumentChars} UTF-16 code units are held back unfinished");
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            // The client half-closed: flush the held-back tail.
            StreamTokenizeResponseBuffer? last = state.Accept(state.Tokenizer.PushPiece(ReadOnlySpan<char>.Empty, isFinalBlock: true), isFinal: true);
            if (last is not null)
            {
                await responseStream.WriteAsync(last, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            state.Dispose();
        }

        metrics.Documents(nameof(StreamTokenize), 1, state.Characters);
        metrics.Tokens(nameof(StreamTokenize), state.TokensEmitted);
    }

    /// <summary>Adds the requested LLM token counts of the whole text and of each sentence.</summary>
    private static void AddLlmTokenCounts(AnalyzedText analyzed, V1.LlmEncoding[] encodings, TokenizeResponse response)
    {
        if (encodings.Length == 0)
        {
            return;
        }

        ProtoMapper.AddLlmTokenCounts(analyzed.Text, encodings, response.LlmTokenCounts);
        for (int i = 0; i < analyzed.Sentences.Count; i++)
        {
            Core.Text.TextSpan span = analyzed.Sentences[i].Span;
            ProtoMapper.AddLlmTokenCounts(analyzed.Text.AsSpan(span.Start, span.Length), encodings, response.Sentences[i].LlmTokenCounts);
        }
    }

    /// <summary>The index of the sentence of token <paramref name="token"/>, searched forwards from <paramref name="from"/> (tokens come in text order).</summary>
    private static int SentenceOf(AnalyzedText analyzed, int token, int from)
    {
        while (from < analyzed.Sentences.Count - 1
            && token >= analyzed.Sentences[from].FirstToken + analyzed.Sentences[from].TokenCount)
        {
            from++;
        }

        return from;
    }

    /// <summary>
    /// The token's text. Most tokens are already normalized: their normalized string serves as
    /// their text, so no second string is made.
    /// </summary>
    private static string TokenText(string text, Core.Tokenization.Token token, string normalized) =>
        text.AsSpan(token.Span.Start, token.Span.Length).SequenceEqual(normalized)
            ? normalized
            : text.Substring(token.Span.Start, token.Span.Length);

    /// <summary>Maps analyzed tokens and sentences, giving each token the index of its sentence.</summary>
    internal static void AddTokens(AnalyzedText analyzed, SpanMapper mapper, ICollection<V1.Token> tokens, ICollection<V1.Sentence> sentences,
        Core.Segmentation.SegmentationScheme segmentation = Core.Segmentation.SegmentationScheme.None)
    {
        int sentenceIndex = 0;
        for (int i = 0; i < analyzed.Tokens.Count; i++)
        {
            sentenceIndex = SentenceOf(analyzed, i, sentenceIndex);
            Core.Tokenization.Token token = analyzed.Tokens[i];
            string normalized = analyzed.TokenNorms[i];
            string tokenText = TokenText(analyzed.Text, token, normalized);
            tokens.Add(ProtoMapper.ToProto(token, analyzed.Text, tokenText, normalized, sentenceIndex, mapper, segmentation));
        }

        foreach (Core.Tokenization.Sentence sentence in analyzed.Sentences)
        {
            sentences.Add(ProtoMapper.ToProto(sentence, mapper));
        }
    }

    /// <summary>
    /// Maps analyzed tokens and sentences, with the sentences' LLM token counts in
    /// <paramref name="encodings"/>, into <paramref name="response"/>, as
    /// <see cref="AddTokens(AnalyzedText, SpanMapper, ICollection{V1.Token}, ICollection{V1.Sentence}, Core.Segmentation.SegmentationScheme)"/>
    /// and <see cref="AddLlmTokenCounts"/> do into messages. Offsets come from two cursors that
    /// move forwards through the text (tokens and their segments, then sentences) instead of a
    /// conversion table built over the whole text.
    /// </summary>
    internal static void AddTokens(AnalyzedText analyzed, OffsetUnit unit, Core.Segmentation.SegmentationScheme segmentation, V1.LlmEncoding[] encodings,
        DocumentTokenList response)
    {
        // Sized once: grown by doubling, the lists of a document too large for the pool
        // (DocumentResponseBuffer) allocated about twice its tokens' entries.
        response.Tokens.EnsureCapacity(analyzed.Tokens.Count);
        response.Sentences.EnsureCapacity(analyzed.Sentences.Count);
        string text = analyzed.Text;
        var cursor = new OffsetCursor(text, unit, 0);
        int sentenceIndex = 0;
        for (int i = 0; i < analyzed.Tokens.Count; i++)
        {
            sentenceIndex = SentenceOf(analyzed, i, sentenceIndex);
            Core.Tokenization.Token token = analyzed.Tokens[i];
            string normalized = analyzed.TokenNorms[i];
            string tokenText = TokenText(text, token, normalized);
            long begin = cursor.Offset(token.Span.Start);
            int segments = segmentation != Core.Segmentation.SegmentationScheme.None && token.Type == Core.Tokenization.TokenType.Word
                ? ProtoMapper.AddSegments(token.Span, text, segmentation, ref cursor, response.Segments)
                : 0;
            long end = cursor.Offset(token.Span.End);
            response.Tokens.Add(new DocumentTokenEntry(begin, end, tokenText, normalized, ProtoMapper.ToProto(token.Type), sentenceIndex, segments));
        }

        var sentenceCursor = new OffsetCursor(text, unit, 0);
        foreach (Core.Tokenization.Sentence sentence in analyzed.Sentences)
        {
            long begin = sentenceCursor.Offset(sentence.Span.Start);
            long end = sentenceCursor.Offset(sentence.Span.End);
            foreach (V1.LlmEncoding encoding in encodings)
            {
                response.SentenceLlmTokenCounts.Add((encoding,
                    Core.Tokenization.LlmTokenCounter.Count(ProtoMapper.ToCore(encoding), text.AsSpan(sentence.Span.Start, sentence.Span.Length))));
            }

            response.Sentences.Add(new SentenceEntry(begin, end, sentence.FirstToken, sentence.TokenCount, encodings.Length));
        }
    }

    /// <summary>
    /// The state of one tokenization stream. Tokens are held until the sentence that holds
    /// them is final, so every token is sent with its sentence index and together with its
    /// sentence; memory stays bounded by the longest sentence.
    /// </summary>
    /// <remarks>
    /// Tokens are held and sent as plain values (<see cref="TokenEntry"/>) in one response that
    /// is reused for every piece: a stream sends one token per 5 or so input bytes, and a
    /// message object (with its span message) per token cost far more than tokenizing.
    /// </remarks>
    private sealed class StreamState : IDisposable
    {
        // Per stream: a long stream's vocabulary is mostly its first few thousand words.
        private const int FormCacheCapacity = 8192;

        private readonly StreamTokenizeResponseBuffer _response = new();
        private readonly OffsetUnit _unit;
        private readonly V1.LlmEncoding[] _llmEncodings;
        private readonly EncodedTokenForms _forms;
        private readonly Core.Segmentation.SegmentationScheme _segmentation;
        private readonly List<TokenEntry> _pending = [];
        private readonly List<SegmentEntry> _pendingSegments = [];
        private long _originalBase;
        private int _pendingFirstIndex;
        private int _sentencesEmitted;

        public StreamState(StreamTokenizeConfig? config = null)
        {
            _unit = ProtoMapper.ToUnit(config?.OffsetEncoding ?? OffsetEncoding.Unspecified);
            _llmEncodings = ProtoMapper.DistinctLlmEncodings(config?.Options);
            _forms = new EncodedTokenForms(new TextNormalizer(ProtoMapper.ToCore(config?.Options?.Normalization, V1.NormalizationProfile.Search)), FormCacheCapacity);
            _segmentation = ProtoMapper.ToCore(config?.Options?.Segmentation ?? V1.SegmentationScheme.Unspecified);
            Tokenizer = new StreamingTokenizer(config?.Language ?? string.Empty);
        }

        public StreamingTokenizer Tokenizer { get; }

        public long Characters { get; set; }

        public long Consumed { get; private set; }

        public int TokensEmitted { get; private set; }

        /// <summary>
        /// Takes a piece's tokens and sentences; returns the response to send (the state's one
        /// reused response), or null when the piece released nothing.
        /// </summary>
        public StreamTokenizeResponseBuffer? Accept(TokenPiece piece, bool isFinal)
        {
            var cursor = new OffsetCursor(piece.Original, _unit, _originalBase);
            Consumed += piece.Original.Length;
            foreach (Core.Tokenization.Token token in piece.Tokens)
            {
                // The token's text and normalized form, encoded once per distinct word.
                byte[] forms = _forms.Get(piece.Original.Slice(token.Span.Start, token.Span.Length));
                long begin = cursor.Offset(token.Span.Start);
                int segments = _segmentation != Core.Segmentation.SegmentationScheme.None && token.Type == Core.Tokenization.TokenType.Word
                    ? ProtoMapper.AddSegments(token.Span, piece.Original, _segmentation, ref cursor, _pendingSegments)
                    : 0;
                long end = cursor.Offset(token.Span.End);
                _pending.Add(new TokenEntry(begin, end, forms, ProtoMapper.ToProto(token.Type), SentenceIndex: -1, segments));
            }

            StreamTokenizeResponseBuffer response = _response;
            response.Clear();
            Span<TokenEntry> pending = CollectionsMarshal.AsSpan(_pending);
            foreach (Core.Tokenization.Sentence sentence in piece.Sentences)
            {
                int sentenceIndex = _sentencesEmitted++;
                for (int i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
                {
                    int local = i - _pendingFirstIndex;
                    if (local >= 0 && local < pending.Length)
                    {
                        pending[local].SentenceIndex = sentenceIndex;
                    }
                }

                // A sentence may start in an earlier piece than the one that closed it, so its
                // global span is taken from its own tokens, which are all still pending here.
                int firstLocal = sentence.FirstToken - _pendingFirstIndex;
                int lastLocal = firstLocal + sentence.TokenCount - 1;
                (long begin, long end) = sentence.TokenCount > 0 && firstLocal >= 0 && lastLocal < pending.Length
                    ? (pending[firstLocal].Begin, pending[lastLocal].End)
                    : (cursor.Offset(sentence.Span.Start), cursor.Offset(sentence.Span.End));
                if (_llmEncodings.Length > 0)
                {
                    // The tokens of a sentence arrive with it, so its text lies in this piece.
                    ReadOnlySpan<char> text = piece.Original.Slice(sentence.Span.Start, sentence.Span.Length);
                    foreach (V1.LlmEncoding encoding in _llmEncodings)
                    {
                        response.LlmTokenCounts.Add((encoding, Core.Tokenization.LlmTokenCounter.Count(ProtoMapper.ToCore(encoding), text)));
                    }
                }

                response.Sentences.Add(new SentenceEntry(begin, end, sentence.FirstToken, sentence.TokenCount, _llmEncodings.Length));
            }

            _originalBase = cursor.Offset(piece.Original.Length);

            // Release every token up to the first one still waiting for its sentence.
            int release = 0;
            int releasedSegments = 0;
            while (release < pending.Length && (isFinal || pending[release].SentenceIndex >= 0))
            {
                if (pending[release].SentenceIndex < 0)
                {
                    pending[release].SentenceIndex = Math.Max(0, _sentencesEmitted - 1);
                }

                releasedSegments += pending[release].SegmentCount;
                release++;
            }

            response.Tokens.AddRange(pending[..release]);
            response.Segments.AddRange(CollectionsMarshal.AsSpan(_pendingSegments)[..releasedSegments]);
            _pending.RemoveRange(0, release);
            _pendingSegments.RemoveRange(0, releasedSegments);
            _pendingFirstIndex += release;
            TokensEmitted += release;
            return response.IsEmpty ? null : response;
        }

        /// <summary>Returns the tokenizer's pooled buffer.</summary>
        public void Dispose() => Tokenizer.Dispose();
    }
}
