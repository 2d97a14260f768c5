namespace GrpcNlp.Core.Normalization;

/// <summary>What a <see cref="TextNormalizer"/> changes. Each option is independent.</summary>
public sealed record NormalizationOptions
{
    /// <summary>Unicode normalization form.</summary>
    public UnicodeForm UnicodeForm { get; init; }

    /// <summary>Fold case to lower case.</summary>
    public bool CaseFold { get; init; }

    /// <summary>Remove Arabic diacritics (U+064B..U+065F, U+0670, U+06D6..U+06ED).</summary>
    public bool RemoveDiacritics { get; init; }

    /// <summary>Remove tatweel U+0640.</summary>
    public bool RemoveTatweel { get; init; }

    /// <summary>Fold أ إ آ ٱ to ا.</summary>
    public bool NormalizeAlef { get; init; }

    /// <summary>Fold ى to ي.</summary>
    public bool NormalizeAlefMaqsura { get; init; }

    /// <summary>Fold ة to ه.</summary>
    public bool NormalizeTehMarbuta { get; init; }

    /// <summary>Map decimal digits of every script to ASCII.</summary>
    public bool NormalizeDigits { get; init; }

    /// <summary>Spaces to U+0020 and runs of whitespace collapsed (a run with a line break becomes one LF).</summary>
    public bool CollapseWhitespace { get; init; }

    /// <summary>Remove control and format characters, keeping ZWNJ and ZWJ.</summary>
    public bool RemoveControlCharacters { get; init; }

    /// <summary>Changes nothing.</summary>
    public static NormalizationOptions None { get; } = new() { UnicodeForm = UnicodeForm.None };

    /// <summary>Conservative, for display: NFC, control characters and tatweel removed.</summary>
    public static NormalizationOptions Display { get; } = new()
    {
        UnicodeForm = UnicodeForm.Nfc,
        RemoveTatweel = true,
        RemoveControlCharacters = true,
    };

    /// <summary>Aggressive, for search and matching: everything on, NFKC.</summary>
    public static NormalizationOptions Search { get; } = new()
    {
        UnicodeForm = UnicodeForm.Nfkc,
        CaseFold = true,
        RemoveDiacritics = true,
        RemoveTatweel = true,
        NormalizeAlef = true,
        NormalizeAlefMaqsura = true,
        NormalizeTehMarbuta = true,
        NormalizeDigits = true,
        CollapseWhitespace = true,
        RemoveControlCharacters = true,
    };
}
