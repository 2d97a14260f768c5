using Grpc.Core;
using GrpcNlp.Core.Languages;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;
using GrpcNlp.Server.Mapping;
using GrpcNlp.Server.Telemetry;
using GrpcNlp.Server.Validation;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Services;

/// <summary>Normalization RPCs: validate, map to Core, normalize, map back.</summary>
public sealed class NormalizationService(RequestValidator validator, GrpcNlpMetrics metrics)
    : V1.NormalizationService.NormalizationServiceBase
{
    /// <inheritdoc />
    public override Task<NormalizeResponse> Normalize(NormalizeRequest request, ServerCallContext context)
    {
        validator.ValidateNormalize(request);
        Document document = request.Document;
        Core.Normalization.NormalizationOptions options = ProtoMapper.ToCore(request.Options, V1.NormalizationProfile.Display);
        OffsetUnit unit = ProtoMapper.ToUnit(request.OffsetEncoding);

        NormalizedText result = new TextNormalizer(options).Normalize(document.Text);
        context.CancellationToken.ThrowIfCancellationRequested();

        var original = new SpanMapper(document.Text, unit);
        var normalized = new SpanMapper(result.Normalized, unit);
        var response = new NormalizeResponse
        {
            DocumentId = document.Id,
            Language = document.Language.Length > 0 ? document.Language : LanguageDetector.Detect(document.Text),
            NormalizedText = result.Normalized,
            Applied = ProtoMapper.ToApplied(request.Options?.Profile ?? V1.NormalizationProfile.Unspecified, options),
        };
        foreach (Core.Text.TextEdit edit in result.Edits)
        {
            response.Edits.Add(ProtoMapper.ToProto(edit, original, normalized));
        }

        metrics.Documents(nameof(Normalize), 1, document.Text.Length);
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override async Task StreamNormalize(IAsyncStreamReader<StreamNormalizeRequest> requestStream,
        IServerStreamWriter<StreamNormalizeResponse> responseStream, ServerCallContext context)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        StreamState? state = null;
        long characters = 0;
        bool first = true;
        try
        {
            while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                StreamNormalizeRequest message = requestStream.Current;
                if (message.PayloadCase == StreamNormalizeRequest.PayloadOneofCase.Config)
                {
                    if (!first)
                    {
                        RpcErrors.ThrowStreamProtocol("config", "the configuration is allowed only as the first message");
                    }

                    validator.ValidateConfig(message.Config);
                    state = new StreamState(ProtoMapper.ToCore(message.Config.Options, V1.NormalizationProfile.Display), ProtoMapper.ToUnit(message.Config.OffsetEncoding));
                    first = false;
                    continue;
                }

                first = false;
                state ??= new StreamState(Core.Normalization.NormalizationOptions.Display, OffsetUnit.Utf8);
                characters += message.Text.Length;
                await WriteAsync(state.Push(message.Text, isFinalBlock: false)).ConfigureAwait(false);

                // Core holds back only an unfinished tail, but a tail that never finishes would grow
                // without bound: cap it like a document.
                if (characters - state.Consumed > validator.Limits.MaxDocumentChars)
                {
                    RpcErrors.ThrowLimit("text", $"more than {validator.Limits.MaxDocumentChars} UTF-16 code units are held back unfinished");
                }
            }

            // The client half-closed: flush the held-back tail.
            state ??= new StreamState(Core.Normalization.NormalizationOptions.Display, OffsetUnit.Utf8);
            await WriteAsync(state.Push(ReadOnlySpan<char>.Empty, isFinalBlock: true)).ConfigureAwait(false);
        }
        finally
        {
            state?.Dispose();
        }

        metrics.Documents(nameof(StreamNormalize), 1, characters);

        async Task WriteAsync(StreamNormalizeResponse? response)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (response is not null)
            {
                await responseStream.WriteAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The state of one normalization stream: Core's streaming normalizer, the running offsets
    /// and one response message that every piece reuses.
    /// </summary>
    /// <remarks>
    /// Core hands each piece out as spans over its own buffers; the only copy made is the
    /// normalized string the response carries. The response and its edit messages are reused
    /// from piece to piece: the writer serializes a message before its task completes.
    /// </remarks>
    private sealed class StreamState(Core.Normalization.NormalizationOptions options, OffsetUnit unit) : IDisposable
    {
        private readonly StreamingNormalizer _normalizer = new(options);
        private readonly StreamNormalizeResponse _response = new();
        private readonly List<V1.TextEdit> _freeEdits = [];
        private long _originalBase;
        private long _normalizedBase;

        /// <summary>UTF-16 units of the original consumed so far.</summary>
        public long Consumed { get; private set; }

        /// <summary>Pushes a chunk; returns the response for what became final, or null when nothing did.</summary>
        public StreamNormalizeResponse? Push(ReadOnlySpan<char> chunk, bool isFinalBlock)
        {
            NormalizedPiece piece = _normalizer.PushPiece(chunk, isFinalBlock);
            if (piece.IsEmpty)
            {
                return null;
            }

            Consumed += piece.Original.Length;
            var original = new OffsetCursor(piece.Original, unit, _originalBase);
            var normalized = new OffsetCursor(piece.Normalized, unit, _normalizedBase);
            StreamNormalizeResponse response = _response;
            _freeEdits.AddRange(response.Edits);
            response.Edits.Clear();
            foreach (Core.Text.TextEdit edit in piece.Edits)
            {
                V1.TextEdit proto = TakeEdit();
                original.MapInto(edit.Original, proto.Original);
                normalized.MapInto(edit.Normalized, proto.Normalized);
                response.Edits.Add(proto);
            }

            // The cursors count on from the last edit to the ends of the pieces.
            _originalBase = original.Offset(piece.Original.Length);
            _normalizedBase = normalized.Offset(piece.Normalized.Length);
            response.NormalizedText = piece.Normalized.ToString();
            response.OriginalConsumed = _originalBase;
            return response;
        }

        /// <summary>Returns the normalizer's pooled buffers.</summary>
        public void Dispose() => _normalizer.Dispose();

        private V1.TextEdit TakeEdit()
        {
            if (_freeEdits.Count == 0)
            {
                return new V1.TextEdit { Original = new V1.TextSpan(), Normalized = new V1.TextSpan() };
            }

            V1.TextEdit edit = _freeEdits[^1];
            _freeEdits.RemoveAt(_freeEdits.Count - 1);
            return edit;
        }
    }
}
