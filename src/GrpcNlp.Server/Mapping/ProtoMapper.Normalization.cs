using GrpcNlp.Core.Text;
using CoreNormalization = GrpcNlp.Core.Normalization;

namespace GrpcNlp.Server.Mapping;

// Normalization options and results.
internal static partial class ProtoMapper
{
    /// <summary>The profile's options; UNSPECIFIED takes <paramref name="fallback"/>.</summary>
    public static CoreNormalization.NormalizationOptions ProfileOptions(V1.NormalizationProfile profile, V1.NormalizationProfile fallback)
        => (profile == V1.NormalizationProfile.Unspecified ? fallback : profile) switch
        {
            V1.NormalizationProfile.Search => CoreNormalization.NormalizationOptions.Search,
            V1.NormalizationProfile.None => CoreNormalization.NormalizationOptions.None,
            V1.NormalizationProfile.Lucene => CoreNormalization.NormalizationOptions.Lucene,
            V1.NormalizationProfile.CamelArclean => CoreNormalization.NormalizationOptions.CamelArclean,
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
            NormalizeHamzaCarriers = options.HasNormalizeHamzaCarriers ? options.NormalizeHamzaCarriers : preset.NormalizeHamzaCarriers,
            NormalizePersianLetters = options.HasNormalizePersianLetters ? options.NormalizePersianLetters : preset.NormalizePersianLetters,
            ArabicPunctuationToLatin = options.HasArabicPunctuationToLatin ? options.ArabicPunctuationToLatin : preset.ArabicPunctuationToLatin,
            FoldQuotes = options.HasFoldQuotes ? options.FoldQuotes : preset.FoldQuotes,
            FoldDashes = options.HasFoldDashes ? options.FoldDashes : preset.FoldDashes,
            FoldEllipsis = options.HasFoldEllipsis ? options.FoldEllipsis : preset.FoldEllipsis,
            NormalizeSpaces = options.HasNormalizeSpaces ? options.NormalizeSpaces : preset.NormalizeSpaces,
            NormalizeLineBreaks = options.HasNormalizeLineBreaks ? options.NormalizeLineBreaks : preset.NormalizeLineBreaks,
            KeepJoiners = options.HasKeepJoiners ? options.KeepJoiners : preset.KeepJoiners,
            NormalizeAlefWasla = options.HasNormalizeAlefWasla ? options.NormalizeAlefWasla : preset.NormalizeAlefWasla,
            Diacritics = options.DiacriticSet switch
            {
                V1.DiacriticSet.Full => CoreNormalization.DiacriticSet.Full,
                V1.DiacriticSet.Tashkeel => CoreNormalization.DiacriticSet.Tashkeel,
                V1.DiacriticSet.TashkeelAndDaggerAlef => CoreNormalization.DiacriticSet.TashkeelAndDaggerAlef,
                _ => preset.Diacritics,
            },
            CharacterMap = options.CharacterMap switch
            {
                V1.CharacterMap.None => CoreNormalization.CharacterMap.None,
                V1.CharacterMap.CamelArclean => CoreNormalization.CharacterMap.CamelArclean,
                _ => preset.CharacterMap,
            },
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
        NormalizeHamzaCarriers = applied.NormalizeHamzaCarriers,
        NormalizePersianLetters = applied.NormalizePersianLetters,
        ArabicPunctuationToLatin = applied.ArabicPunctuationToLatin,
        FoldQuotes = applied.FoldQuotes,
        FoldDashes = applied.FoldDashes,
        FoldEllipsis = applied.FoldEllipsis,
        NormalizeSpaces = applied.NormalizeSpaces,
        NormalizeLineBreaks = applied.NormalizeLineBreaks,
        KeepJoiners = applied.KeepJoiners,
        NormalizeAlefWasla = applied.FoldsAlefWasla,
        DiacriticSet = applied.Diacritics switch
        {
            CoreNormalization.DiacriticSet.Tashkeel => V1.DiacriticSet.Tashkeel,
            CoreNormalization.DiacriticSet.TashkeelAndDaggerAlef => V1.DiacriticSet.TashkeelAndDaggerAlef,
            _ => V1.DiacriticSet.Full,
        },
        CharacterMap = applied.CharacterMap == CoreNormalization.CharacterMap.CamelArclean
            ? V1.CharacterMap.CamelArclean
            : V1.CharacterMap.None,
    };

    public static V1.TextEdit ToProto(TextEdit edit, SpanMapper original, SpanMapper normalized)
        => new() { Original = original.Map(edit.Original), Normalized = normalized.Map(edit.Normalized) };
}
