using GrpcNlp.Core.Text;
using CoreEntities = GrpcNlp.Core.Entities;
using CoreNormalization = GrpcNlp.Core.Normalization;
using CoreSummarization = GrpcNlp.Core.Summarization;
using CoreTokenization = GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Server.Mapping;

/// <summary>Maps proto options and enums to Core and Core results back to proto.</summary>
internal static class ProtoMapper
{
    /// <summary>The offset unit of an encoding; UNSPECIFIED means UTF-8, the wire encoding.</summary>
    public static OffsetUnit ToUnit(V1.OffsetEncoding encoding) => encoding switch
    {
        V1.OffsetEncoding.Utf16 => OffsetUnit.Utf16,
        V1.OffsetEncoding.CodePoint => OffsetUnit.CodePoint,
        _ => OffsetUnit.Utf8,
    };

    /// <summary>The profile's options; UNSPECIFIED takes <paramref name="fallback"/>.</summary>
    public static CoreNormalization.NormalizationOptions ProfileOptions(V1.NormalizationProfile profile, V1.NormalizationProfile fallback)
        => (profile == V1.NormalizationProfile.Unspecified ? fallback : profile) switch
        {
            V1.NormalizationProfile.Search => CoreNormalization.NormalizationOptions.Search,
            V1.NormalizationProfile.None => CoreNormalization.NormalizationOptions.None,
            _ => CoreNormalization.NormalizationOptions.Display,
        };

    /// <summary>
    /// Resolves the options a request names: the profile (or <paramref name="fallback"/> when
    /// the message is absent or names none), then every field the request set.
    /// </summary>
    public static CoreNormalization.NormalizationOptions ToCore(V1.NormalizationOptions? options, V1.NormalizationProfile fallback)
    {
        if (options is null)
        {
            return ProfileOptions(fallback, fallback);
        }

        CoreNormalization.NormalizationOptions preset = ProfileOptions(options.Profile, fallback);
        CoreNormalization.NormalizationOptions resolved = preset with
        {
            UnicodeForm = options.UnicodeForm switch
            {
                V1.UnicodeForm.None => CoreNormalization.UnicodeForm.None,
                V1.UnicodeForm.Nfc => CoreNormalization.UnicodeForm.Nfc,
                V1.UnicodeForm.Nfkc => CoreNormalization.UnicodeForm.Nfkc,
                _ => preset.UnicodeForm,
            },
            CaseFold = options.HasCaseFold ? options.CaseFold : preset.CaseFold,
            RemoveDiacritics = options.HasRemoveDiacritics ? options.RemoveDiacritics : preset.RemoveDiacritics,
            RemoveTatweel = options.HasRemoveTatweel ? options.RemoveTatweel : preset.RemoveTatweel,
            NormalizeAlef = options.HasNormalizeAlef ? options.NormalizeAlef : preset.NormalizeAlef,
            NormalizeAlefMaqsura = options.HasNormalizeAlefMaqsura ? options.NormalizeAlefMaqsura : preset.NormalizeAlefMaqsura,
            NormalizeTehMarbuta = options.HasNormalizeTehMarbuta ? options.NormalizeTehMarbuta : preset.NormalizeTehMarbuta,
            NormalizeDigits = options.HasNormalizeDigits ? options.NormalizeDigits : preset.NormalizeDigits,
            CollapseWhitespace = options.HasCollapseWhitespace ? options.CollapseWhitespace : preset.CollapseWhitespace,
            RemoveControlCharacters = options.HasRemoveControlCharacters ? options.RemoveControlCharacters : preset.RemoveControlCharacters,
        };

        // Core caches one normalizer per options instance: hand back the shared preset when the
        // overrides changed nothing.
        return resolved == preset ? preset : resolved;
    }

    /// <summary>What was applied, as the response reports it.</summary>
    public static V1.AppliedNormalization ToApplied(V1.NormalizationProfile requested, CoreNormalization.NormalizationOptions applied) => new()
    {
        Profile = requested == V1.NormalizationProfile.Unspecified ? V1.NormalizationProfile.Display : requested,
        UnicodeForm = applied.UnicodeForm switch
        {
            CoreNormalization.UnicodeForm.Nfc => V1.UnicodeForm.Nfc,
            CoreNormalization.UnicodeForm.Nfkc => V1.UnicodeForm.Nfkc,
            _ => V1.UnicodeForm.None,
        },
        CaseFold = applied.CaseFold,
        RemoveDiacritics = applied.RemoveDiacritics,
        RemoveTatweel = applied.RemoveTatweel,
        NormalizeAlef = applied.NormalizeAlef,
        NormalizeAlefMaqsura = applied.NormalizeAlefMaqsura,
        NormalizeTehMarbuta = applied.NormalizeTehMarbuta,
        NormalizeDigits = applied.NormalizeDigits,
        CollapseWhitespace = applied.CollapseWhitespace,
        RemoveControlCharacters = applied.RemoveControlCharacters,
    };

    public static V1.TextEdit ToProto(TextEdit edit, SpanMapper original, SpanMapper normalized)
        => new() { Original = original.Map(edit.Original), Normalized = normalized.Map(edit.Normalized) };

    public static V1.TokenType ToProto(CoreTokenization.TokenType type) => type switch
    {
        CoreTokenization.TokenType.Word => V1.TokenType.Word,
        CoreTokenization.TokenType.Number => V1.TokenType.Number,
        CoreTokenization.TokenType.Punctuation => V1.TokenType.Punctuation,
        CoreTokenization.TokenType.Symbol => V1.TokenType.Symbol,
        CoreTokenization.TokenType.Url => V1.TokenType.Url,
        CoreTokenization.TokenType.Email => V1.TokenType.Email,
        CoreTokenization.TokenType.Hashtag => V1.TokenType.Hashtag,
        CoreTokenization.TokenType.Mention => V1.TokenType.Mention,
        CoreTokenization.TokenType.Emoji => V1.TokenType.Emoji,
        _ => V1.TokenType.Unspecified,
    };

    public static V1.Token ToProto(CoreTokenization.Token token, string text, string normalized, int sentenceIndex, SpanMapper mapper) => new()
    {
        Span = mapper.Map(token.Span),
        Text = text.Substring(token.Span.Start, token.Span.Length),
        Normalized = normalized,
        Type = ToProto(token.Type),
        SentenceIndex = sentenceIndex,
    };

    public static V1.Sentence ToProto(CoreTokenization.Sentence sentence, SpanMapper mapper) => new()
    {
        Span = mapper.Map(sentence.Span),
        FirstToken = sentence.FirstToken,
        TokenCount = sentence.TokenCount,
    };

    public static V1.EntityType ToProto(CoreEntities.EntityType type) => type switch
    {
        CoreEntities.EntityType.Person => V1.EntityType.Person,
        CoreEntities.EntityType.Location => V1.EntityType.Location,
        CoreEntities.EntityType.Organization => V1.EntityType.Organization,
        CoreEntities.EntityType.Misc => V1.EntityType.Misc,
        CoreEntities.EntityType.Date => V1.EntityType.Date,
        CoreEntities.EntityType.Time => V1.EntityType.Time,
        CoreEntities.EntityType.Duration => V1.EntityType.Duration,
        CoreEntities.EntityType.Number => V1.EntityType.Number,
        CoreEntities.EntityType.Ordinal => V1.EntityType.Ordinal,
        CoreEntities.EntityType.Percent => V1.EntityType.Percent,
        CoreEntities.EntityType.Money => V1.EntityType.Money,
        CoreEntities.EntityType.Quantity => V1.EntityType.Quantity,
        CoreEntities.EntityType.Url => V1.EntityType.Url,
        CoreEntities.EntityType.Email => V1.EntityType.Email,
        CoreEntities.EntityType.Phone => V1.EntityType.Phone,
        _ => V1.EntityType.Unspecified,
    };

    /// <summary>Core entity type of a validated (defined, not UNSPECIFIED) proto type.</summary>
    public static CoreEntities.EntityType ToCore(V1.EntityType type) => type switch
    {
        V1.EntityType.Person => CoreEntities.EntityType.Person,
        V1.EntityType.Location => CoreEntities.EntityType.Location,
        V1.EntityType.Organization => CoreEntities.EntityType.Organization,
        V1.EntityType.Misc => CoreEntities.EntityType.Misc,
        V1.EntityType.Date => CoreEntities.EntityType.Date,
        V1.EntityType.Time => CoreEntities.EntityType.Time,
        V1.EntityType.Duration => CoreEntities.EntityType.Duration,
        V1.EntityType.Number => CoreEntities.EntityType.Number,
        V1.EntityType.Ordinal => CoreEntities.EntityType.Ordinal,
        V1.EntityType.Percent => CoreEntities.EntityType.Percent,
        V1.EntityType.Money => CoreEntities.EntityType.Money,
        V1.EntityType.Quantity => CoreEntities.EntityType.Quantity,
        V1.EntityType.Url => CoreEntities.EntityType.Url,
        V1.EntityType.Email => CoreEntities.EntityType.Email,
        V1.EntityType.Phone => CoreEntities.EntityType.Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Entity types are validated before mapping."),
    };

    public static IReadOnlyCollection<CoreEntities.EntityType> ToCore(V1.EntityOptions? options)
    {
        if (options is null || options.Types_.Count == 0)
        {
            return [];
        }

        var types = new HashSet<CoreEntities.EntityType>();
        foreach (V1.EntityType type in options.Types_)
        {
            types.Add(ToCore(type));
        }

        return types;
    }

    /// <summary>Fills the mentions and entities of a response from a Core result.</summary>
    public static void AddEntities(CoreEntities.EntityResult result, string text, SpanMapper mapper,
        ICollection<V1.EntityMention> mentions, ICollection<V1.Entity> entities)
    {
        foreach (CoreEntities.EntityMention mention in result.Mentions)
        {
            mentions.Add(new V1.EntityMention
            {
                Span = mapper.Map(mention.Span),
                Text = text.Substring(mention.Span.Start, mention.Span.Length),
                Type = ToProto(mention.Type),
                Confidence = mention.Confidence,
                NormalizedValue = mention.NormalizedValue ?? string.Empty,
                EntityIndex = mention.EntityIndex,
            });
        }

        foreach (CoreEntities.Entity entity in result.Entities)
        {
            var proto = new V1.Entity { CanonicalName = entity.CanonicalName, Type = ToProto(entity.Type), Salience = entity.Salience };
            proto.MentionIndices.AddRange(entity.MentionIndices);
            entities.Add(proto);
        }
    }

    /// <summary>Core summary options; zero values take the documented defaults.</summary>
    public static CoreSummarization.SummaryOptions ToCore(V1.SummarizeOptions? options)
    {
        var defaults = new CoreSummarization.SummaryOptions();
        if (options is null)
        {
            return defaults;
        }

        return new CoreSummarization.SummaryOptions
        {
            MaxSentences = options.MaxSentences == 0 ? defaults.MaxSentences : options.MaxSentences,
            Ratio = options.Ratio,
            MaxCharacters = options.MaxCharacters,
            Order = options.Order == V1.SummaryOrder.Score ? CoreSummarization.SummaryOrder.Score : CoreSummarization.SummaryOrder.Document,
            RedundancyWeight = options.RedundancyWeight == 0f ? defaults.RedundancyWeight : options.RedundancyWeight,
        };
    }
}
