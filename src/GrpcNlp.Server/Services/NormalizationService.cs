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
        StreamingNormalizer? normalizer = null;
        OffsetUnit unit = OffsetUnit.Utf8;
        long originalBase = 0;
        long normalizedBase = 0;
        long characters = 0;
        long consumed = 0;
        bool first = true;

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
                unit = ProtoMapper.ToUnit(message.Config.OffsetEncoding);
                normalizer = new StreamingNormalizer(ProtoMapper.ToCore(message.Config.Options, V1.NormalizationProfile.Display));
                first = false;
                continue;
            }

            first = false;
            normalizer ??= new StreamingNormalizer(Core.Normalization.NormalizationOptions.Display);
            characters += message.Text.Length;
            await WriteAsync(normalizer.Push(message.Text, isFinalBlock: false)).ConfigureAwait(false);

            // Core holds back only an unfinished tail, but a tail that never finishes would grow
            // without bound: cap it like a document.
            if (characters - consumed > validator.Limits.MaxDocumentChars)
            {
                RpcErrors.ThrowLimit("text", $"more than {validator.Limits.MaxDocumentChars} UTF-16 code units are held back unfinished");
            }
        }

        // The client half-closed: flush the held-back tail.
        normalizer ??= new StreamingNormalizer(Core.Normalization.NormalizationOptions.Display);
        await WriteAsync(normalizer.Push(ReadOnlySpan<char>.Empty, isFinalBlock: true)).ConfigureAwait(false);
        metrics.Documents(nameof(StreamNormalize), 1, characters);

        async Task WriteAsync(NormalizedChunk chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (chunk.Original.Length == 0 && chunk.Normalized.Length == 0)
            {
                return;
            }

            consumed += chunk.Original.Length;
            var original = new SpanMapper(chunk.Original, unit, originalBase);
            var normalized = new SpanMapper(chunk.Normalized, unit, normalizedBase);
            originalBase += original.UnitLength;
            normalizedBase += normalized.UnitLength;
            var response = new StreamNormalizeResponse { NormalizedText = chunk.Normalized, OriginalConsumed = originalBase };
            foreach (Core.Text.TextEdit edit in chunk.Edits)
            {
                response.Edits.Add(ProtoMapper.ToProto(edit, original, normalized));
            }

            await responseStream.WriteAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
