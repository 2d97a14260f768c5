using Grpc.Core;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;
using GrpcNlp.Server.Mapping;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Services;

/// <summary>Tokenization RPCs: validate, map to Core, tokenize, map back.</summary>
public sealed class TokenizationService(RequestValidator validator, TextAnalyzer analyzer, GrpcNlpMetrics metrics)
    : V1.TokenizationService.TokenizationServiceBase
{
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

    /// <inheritdoc />
    public override async Task StreamTokenize(IAsyncStreamReader<StreamTokenizeRequest> requestStream,
        IServerStreamWriter<StreamTokenizeResponse> responseStream, ServerCallContext context)
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
                StreamTokenizeResponse? response = state.Accept(state.Tokenizer.PushPiece(message.Text, isFinalBlock: false), isFinal: false);
                if (response is not null)
                {
                    await responseStream.WriteAsync(response, cancellationToken).ConfigureAwait(false);
                    state.Recycle(response);
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
            StreamTokenizeResponse? last = state.Accept(state.Tokenizer.PushPiece(ReadOnlySpan<char>.Empty, isFinalBlock: true), isFinal: true);
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

    /// <summary>Maps analyzed tokens and sentences, giving each token the index of its sentence.</summary>
    internal static void AddTokens(AnalyzedText analyzed, SpanMapper mapper, ICollection<V1.Token> tokens, ICollection<V1.Sentence> sentences,
        Core.Segmentation.SegmentationScheme segmentation = Core.Segmentation.SegmentationScheme.None)
    {
        int sentenceIndex = 0;
        for (int i = 0; i < analyzed.Tokens.Count; i++)
        {
            while (sentenceIndex < analyzed.Sentences.Count - 1
                && i >= analyzed.Sentences[sentenceIndex].FirstToken + analyzed.Sentences[sentenceIndex].TokenCount)
            {
                sentenceIndex++;
            }

            Core.Tokenization.Token token = analyzed.Tokens[i];
            string normalized = analyzed.TokenNorms[i];

            // Most tokens are already normalized: their normalized string serves as their text.
            string tokenText = analyzed.Text.AsSpan(token.Span.Start, token.Span.Length).SequenceEqual(normalized)
                ? normalized
                : analyzed.Text.Substring(token.Span.Start, token.Span.Length);
            tokens.Add(ProtoMapper.ToProto(token, analyzed.Text, tokenText, normalized, sentenceIndex, mapper, segmentation));
        }

        foreach (Core.Tokenization.Sentence sentence in analyzed.Sentences)
        {
            sentences.Add(ProtoMapper.ToProto(sentence, mapper));
        }
    }

    /// <summary>
    /// The state of one tokenization stream. Tokens are held until the sentence that holds
    /// them is final, so every token is sent with its sentence index and together with its
    /// sentence; memory stays bounded by the longest sentence.
    /// </summary>
    /// <remarks>
    /// A stream sends one token message per token: instead of allocating them (and their span
    /// messages and the response's token array) for every piece, the messages of a response are
    /// recycled once it has been written, which the writer does before its task completes.
    /// </remarks>
    private sealed class StreamState : IDisposable
    {
        private readonly Stack<V1.Token> _freeTokens = new();
        private readonly StreamTokenizeResponse _response = new();
        private readonly OffsetUnit _unit;
        private readonly V1.LlmEncoding[] _llmEncodings;
        // Per stream: a long stream's vocabulary is mostly its first few thousand words.
        private const int StringCacheCapacity = 8192;

        private readonly NormalizedFormCache _strings;
        private readonly Core.Segmentation.SegmentationScheme _segmentation;
        private readonly List<V1.Token> _pending = [];
        private long _originalBase;
        private int _pendingFirstIndex;
        private int _sentencesEmitted;

        public StreamState(StreamTokenizeConfig? config = null)
        {
            _unit = ProtoMapper.ToUnit(config?.OffsetEncoding ?? OffsetEncoding.Unspecified);
            _llmEncodings = ProtoMapper.DistinctLlmEncodings(config?.Options);
            _strings = new NormalizedFormCache(new TextNormalizer(ProtoMapper.ToCore(config?.Options?.Normalization, V1.NormalizationProfile.Search)), StringCacheCapacity);
            _segmentation = ProtoMapper.ToCore(config?.Options?.Segmentation ?? V1.SegmentationScheme.Unspecified);
            Tokenizer = new StreamingTokenizer(config?.Language ?? string.Empty);
        }

        public StreamingTokenizer Tokenizer { get; }

        public long Characters { get; set; }

        public long Consumed { get; private set; }

        public int TokensEmitted { get; private set; }

        public StreamTokenizeResponse? Accept(TokenPiece piece, bool isFinal)
        {
            var cursor = new OffsetCursor(piece.Original, _unit, _originalBase);
            Consumed += piece.Original.Length;
            foreach (Core.Tokenization.Token token in piece.Tokens)
            {
                // One string for the text and, when the token is already normalized (most are), its
                // normalized form; a recurring word reuses the strings of its first occurrence.
                (string tokenText, string normalized) = _strings.Get(piece.Original.Slice(token.Span.Start, token.Span.Length));
                V1.Token proto = _freeTokens.Count > 0 ? _freeTokens.Pop() : new V1.Token();
                ProtoMapper.Fill(proto, token, piece.Original, tokenText, normalized, ref cursor, _segmentation);
                _pending.Add(proto);
            }

            StreamTokenizeResponse response = _response;
            response.Tokens.Clear();
            response.Sentences.Clear();
            foreach (Core.Tokenization.Sentence sentence in piece.Sentences)
            {
                int sentenceIndex = _sentencesEmitted++;
                for (int i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
                {
                    int local = i - _pendingFirstIndex;
                    if (local >= 0 && local < _pending.Count)
                    {
                        _pending[local].SentenceIndex = sentenceIndex;
                    }
                }

                // A sentence may start in an earlier piece than the one that closed it, so its
                // global span is taken from its own tokens, which are all still pending here.
                int firstLocal = sentence.FirstToken - _pendingFirstIndex;
                int lastLocal = firstLocal + sentence.TokenCount - 1;
                V1.TextSpan span = sentence.TokenCount > 0 && firstLocal >= 0 && lastLocal < _pending.Count
                    ? new V1.TextSpan { Begin = _pending[firstLocal].Span.Begin, End = _pending[lastLocal].Span.End }
                    : new V1.TextSpan { Begin = cursor.Offset(sentence.Span.Start), End = cursor.Offset(sentence.Span.End) };
                var mapped = new V1.Sentence { Span = span, FirstToken = sentence.FirstToken, TokenCount = sentence.TokenCount };
                if (_llmEncodings.Length > 0)
                {
                    // The tokens of a sentence arrive with it, so its text lies in this piece.
                    Core.Text.TextSpan local = sentence.Span;
                    ProtoMapper.AddLlmTokenCounts(piece.Original.Slice(local.Start, local.Length), _llmEncodings, mapped.LlmTokenCounts);
                }

                response.Sentences.Add(mapped);
            }

            _originalBase = cursor.Offset(piece.Original.Length);

            // Release every token up to the first one still waiting for its sentence.
            int release = 0;
            while (release < _pending.Count && (isFinal || _pending[release].SentenceIndex >= 0))
            {
                if (_pending[release].SentenceIndex < 0)
                {
                    _pending[release].SentenceIndex = Math.Max(0, _sentencesEmitted - 1);
                }

                release++;
            }

            for (int i = 0; i < release; i++)
            {
                response.Tokens.Add(_pending[i]);
            }

            _pending.RemoveRange(0, release);
            _pendingFirstIndex += release;
            TokensEmitted += release;
            return response.Tokens.Count == 0 && response.Sentences.Count == 0 ? null : response;
        }

        /// <summary>Returns the tokenizer's pooled buffer.</summary>
        public void Dispose() => Tokenizer.Dispose();

        /// <summary>Takes back the token messages of a response that has been written.</summary>
        public void Recycle(StreamTokenizeResponse response)
        {
            foreach (V1.Token token in response.Tokens)
            {
                _freeTokens.Push(token);
            }

            response.Tokens.Clear();
            response.Sentences.Clear();
        }
    }
}
