using Google.Rpc;
using Grpc.Core;
using GrpcNlp.Core.Languages;
using GrpcNlp.Server.Configuration;
using GrpcNlp.Server.Mapping;
using GrpcNlp.V1;
using Microsoft.Extensions.Options;

namespace GrpcNlp.Server.Validation;

/// <summary>
/// Validates requests before any text processing. Malformed fields are collected and reported
/// together as INVALID_ARGUMENT with one field violation each; a size limit fails first with
/// RESOURCE_EXHAUSTED because nothing else matters for a document the server will not read.
/// Field paths use the proto field names (<c>document.text</c>, <c>documents[2].language</c>).
/// </summary>
public sealed class RequestValidator
{
    // More keyphrases than this are not key any more; the bound also caps the answer's size.
    private const int MaxKeyphrases = 100;

    private readonly GrpcNlpServerOptions _options;

    /// <summary>Creates a validator for the configured limits.</summary>
    public RequestValidator(IOptions<GrpcNlpServerOptions> options) => _options = options.Value;

    /// <summary>The limits in force.</summary>
    public GrpcNlpServerOptions Limits => _options;

    /// <summary>Validates a request of one document; throws an <see cref="RpcException"/> when invalid.</summary>
    public void ValidateNormalize(NormalizeRequest request)
    {
        var errors = new Violations();
        CheckDocument(errors, request.Document, "document", requireText: true);
        CheckNormalization(errors, request.Options, "options");
        CheckEncoding(errors, request.OffsetEncoding, "offset_encoding");
        errors.ThrowIfAny();
    }

    /// <summary>Validates a tokenization request.</summary>
    public void ValidateTokenize(TokenizeRequest request)
    {
        var errors = new Violations();
        CheckDocument(errors, request.Document, "document", requireText: true);
        CheckNormalization(errors, request.Options?.Normalization, "options.normalization");
        CheckLlmEncodings(errors, request.Options?.LlmEncodings, "options.llm_encodings");
        CheckSegmentation(errors, request.Options?.Segmentation ?? SegmentationScheme.Unspecified, "options.segmentation");
        CheckEncoding(errors, request.OffsetEncoding, "offset_encoding");
        errors.ThrowIfAny();
    }

    /// <summary>Validates an entity extraction request.</summary>
    public void ValidateExtractEntities(ExtractEntitiesRequest request)
    {
        var errors = new Violations();
        CheckDocument(errors, request.Document, "document", requireText: true);
        CheckEntityOptions(errors, request.Options, "options");
        CheckEncoding(errors, request.OffsetEncoding, "offset_encoding");
        errors.ThrowIfAny();
    }

    /// <summary>Validates one document of an entity batch stream.</summary>
    public void ValidateStreamExtractEntities(StreamExtractEntitiesRequest request)
    {
        var errors = new Violations();
        CheckDocument(errors, request.Document, "document", requireText: true);
        CheckEntityOptions(errors, request.Options, "options");
        CheckEncoding(errors, request.OffsetEncoding, "offset_encoding");
        errors.ThrowIfAny();
    }

    /// <summary>Validates a summarization request.</summary>
    public void ValidateSummarize(SummarizeRequest request)
    {
        var errors = new Violations();
        if (request.Documents.Count == 0)
        {
            errors.Add("documents", "at least one document is required");
        }
        else if (request.Documents.Count > _options.MaxSummaryDocuments)
        {
            RpcErrors.ThrowLimit("documents", $"at most {_options.MaxSummaryDocuments} documents per summary");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < request.Documents.Count; i++)
        {
            Document document = request.Documents[i];
            CheckDocument(errors, document, $"documents[{i}]", requireText: true);
            if (document.Id.Length > 0 && !ids.Add(document.Id))
            {
                errors.Add($"documents[{i}].id", "document ids must be unique in a summary");
            }
        }

        CheckSummarizeOptions(errors, request.Options, "options");
        CheckEncoding(errors, request.OffsetEncoding, "offset_encoding");
        errors.ThrowIfAny();
    }

    /// <summary>Validates a whole-pipeline request.</summary>
    public void ValidateAnalyze(AnalyzeRequest request)
    {
        var errors = new Violations();
        CheckDocument(errors, request.Document, "document", requireText: true);
        CheckNormalization(errors, request.Normalization, "normalization");
        CheckEntityOptions(errors, request.Entities, "entities");
        CheckSummarizeOptions(errors, request.Summary, "summary");
        CheckEncoding(errors, request.OffsetEncoding, "offset_encoding");
        errors.ThrowIfAny();
    }

    /// <summary>Validates the configuration message of a normalization stream.</summary>
    public void ValidateConfig(StreamNormalizeConfig config)
    {
        var errors = new Violations();
        CheckNormalization(errors, config.Options, "config.options");
        CheckEncoding(errors, config.OffsetEncoding, "config.offset_encoding");
        CheckLanguage(errors, config.Language, "config.language");
        errors.ThrowIfAny();
    }

    /// <summary>Validates the configuration message of a tokenization stream.</summary>
    public void ValidateConfig(StreamTokenizeConfig config)
    {
        var errors = new Violations();
        CheckNormalization(errors, config.Options?.Normalization, "config.options.normalization");
        CheckLlmEncodings(errors, config.Options?.LlmEncodings, "config.options.llm_encodings");
        CheckSegmentation(errors, config.Options?.Segmentation ?? SegmentationScheme.Unspecified, "config.options.segmentation");
        CheckEncoding(errors, config.OffsetEncoding, "config.offset_encoding");
        CheckLanguage(errors, config.Language, "config.language");
        errors.ThrowIfAny();
    }

    /// <summary>Validates the configuration message of a summarization stream.</summary>
    public void ValidateConfig(StreamSummarizeConfig config)
    {
        var errors = new Violations();
        CheckSummarizeOptions(errors, config.Options, "config.options");
        CheckEncoding(errors, config.OffsetEncoding, "config.offset_encoding");
        errors.ThrowIfAny();
    }

    /// <summary>Validates the language of a summarization stream's document chunk.</summary>
    public void ValidateChunkLanguage(string language)
    {
        var errors = new Violations();
        CheckLanguage(errors, language, "chunk.language");
        errors.ThrowIfAny();
    }

    private void CheckDocument(Violations errors, Document? document, string path, bool requireText)
    {
        if (document is null)
        {
            errors.Add(path, "a document is required");
            return;
        }

        if (document.Text.Length > _options.MaxDocumentChars)
        {
            RpcErrors.ThrowLimit($"{path}.text", $"the document is longer than {_options.MaxDocumentChars} UTF-16 code units");
        }

        if (requireText && document.Text.Length == 0)
        {
            errors.Add($"{path}.text", "the document text must not be empty");
        }

        // Every call passes here: the field's path is built only for a violation.
        if (!IsAcceptedLanguage(document.Language))
        {
            CheckLanguage(errors, document.Language, $"{path}.language");
        }
    }

    private static void CheckLanguage(Violations errors, string language, string path)
    {
        if (!IsAcceptedLanguage(language))
        {
            errors.Add(path, $"'{language}' is not a well-formed BCP-47 language tag");
        }
    }

    /// <summary>Empty (detect it) or a well-formed tag.</summary>
    private static bool IsAcceptedLanguage(string language) => language.Length == 0 || LanguageTag.IsWellFormed(language);

    private static void CheckSegmentation(Violations errors, SegmentationScheme scheme, string path)
    {
        if (!Enum.IsDefined(scheme))
        {
            errors.Add(path, $"unknown segmentation scheme {(int)scheme}");
        }
    }

    private static void CheckEncoding(Violations errors, OffsetEncoding encoding, string path)
    {
        if (!Enum.IsDefined(encoding))
        {
            errors.Add(path, $"unknown offset encoding {(int)encoding}");
        }
    }

    private static void CheckLlmEncodings(Violations errors, IReadOnlyList<LlmEncoding>? encodings, string path)
    {
        for (int i = 0; encodings is not null && i < encodings.Count; i++)
        {
            if (encodings[i] == LlmEncoding.Unspecified || !Enum.IsDefined(encodings[i]))
            {
                errors.Add($"{path}[{i}]", $"unknown LLM encoding {(int)encodings[i]}");
            }
        }
    }

    private static void CheckNormalization(Violations errors, V1.NormalizationOptions? options, string path)
    {
        if (options is null)
        {
            return;
        }

        if (!Enum.IsDefined(options.Profile))
        {
            errors.Add($"{path}.profile", $"unknown normalization profile {(int)options.Profile}");
        }

        if (!Enum.IsDefined(options.UnicodeForm))
        {
            errors.Add($"{path}.unicode_form", $"unknown Unicode form {(int)options.UnicodeForm}");
        }

        if (!Enum.IsDefined(options.DiacriticSet))
        {
            errors.Add($"{path}.diacritic_set", $"unknown diacritic set {(int)options.DiacriticSet}");
        }

        if (!Enum.IsDefined(options.CharacterMap))
        {
            errors.Add($"{path}.character_map", $"unknown character map {(int)options.CharacterMap}");
        }
    }

    private static void CheckEntityOptions(Violations errors, EntityOptions? options, string path)
    {
        if (options is null)
        {
            return;
        }

        for (int i = 0; i < options.Types_.Count; i++)
        {
            EntityType type = options.Types_[i];
            if (type == EntityType.Unspecified)
            {
                errors.Add($"{path}.types[{i}]", "ENTITY_TYPE_UNSPECIFIED is not a type");
            }
            else if (!Enum.IsDefined(type))
            {
                errors.Add($"{path}.types[{i}]", $"unknown entity type {(int)type}");
            }
        }

        if (options.ReferenceDate.Length > 0 && ProtoMapper.ReferenceDate(options) is null)
        {
            errors.Add($"{path}.reference_date", $"'{options.ReferenceDate}' is not an ISO 8601 calendar date (YYYY-MM-DD)");
        }
    }

    private static void CheckSummarizeOptions(Violations errors, SummarizeOptions? options, string path)
    {
        if (options is null)
        {
            return;
        }

        if (options.MaxSentences < 0)
        {
            errors.Add($"{path}.max_sentences", "must not be negative");
        }

        if (!(options.Ratio >= 0f && options.Ratio <= 1f))
        {
            errors.Add($"{path}.ratio", "must be in [0, 1]");
        }

        if (options.MaxCharacters < 0)
        {
            errors.Add($"{path}.max_characters", "must not be negative");
        }

        if (!Enum.IsDefined(options.Order))
        {
            errors.Add($"{path}.order", $"unknown summary order {(int)options.Order}");
        }

        if (!(options.RedundancyWeight >= 0f && options.RedundancyWeight <= 1f))
        {
            errors.Add($"{path}.redundancy_weight", "must be in [0, 1]");
        }

        if (options.KeyphraseCount is < 0 or > MaxKeyphrases)
        {
            errors.Add($"{path}.keyphrase_count", $"must be in [0, {MaxKeyphrases}]");
        }
    }

    private sealed class Violations
    {
        private List<BadRequest.Types.FieldViolation>? _items;

        public void Add(string field, string description)
            => (_items ??= []).Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

        public void ThrowIfAny()
        {
            if (_items is { Count: > 0 })
            {
                string message = _items.Count == 1
                    ? $"{_items[0].Field}: {_items[0].Description}"
                    : $"{_items.Count} invalid fields, first {_items[0].Field}: {_items[0].Description}";
                throw RpcErrors.Create(StatusCode.InvalidArgument, RpcErrors.InvalidField, message, _items);
            }
        }
    }
}
