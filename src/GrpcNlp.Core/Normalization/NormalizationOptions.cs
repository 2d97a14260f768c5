namespace GrpcNlp.Core.Normalization;

/// <summary>
/// What a <see cref="TextNormalizer"/> changes. Each option is independent. Per code point they
/// apply in this order: Unicode form (per cluster), <see cref="CharacterMap"/>, deletions
/// (controls, diacritics, tatweel), letter folds, digit/punctuation/space folds, case folding.
/// </summary>
public sealed record NormalizationOptions
{
    /// <summary>Unicode normalization form.</summary>
    public UnicodeForm UnicodeForm { get; init; }

    /// <summary>Fold case to lower case (invariant culture, per code point).</summary>
    public bool CaseFold { get; init; }

    /// <summary>Remove the Arabic diacritics of <see cref="Diacritics"/>.</summary>
    public bool RemoveDiacritics { get; init; }

    /// <summary>Which diacritics <see cref="RemoveDiacritics"/> removes.</summary>
    public DiacriticSet Diacritics { get; init; } = DiacriticSet.Full;

    /// <summary>Remove tatweel U+0640.</summary>
    public bool RemoveTatweel { get; init; }

    /// <summary>Fold أ إ آ (and ٱ unless <see cref="NormalizeAlefWasla"/> says otherwise) to ا.</summary>
    public bool NormalizeAlef { get; init; }

    /// <summary>Fold alef wasla ٱ U+0671 to ا; null follows <see cref="NormalizeAlef"/>.</summary>
    public bool? NormalizeAlefWasla { get; init; }

    /// <summary>Fold ى to ي.</summary>
    public bool NormalizeAlefMaqsura { get; init; }

    /// <summary>Fold ة to ه.</summary>
    public bool NormalizeTehMarbuta { get; init; }

    /// <summary>Fold the hamza carriers ؤ to و and ئ to ي.</summary>
    public bool NormalizeHamzaCarriers { get; init; }

    /// <summary>
    /// Fold Persian and Urdu letter variants to the Arabic letter they stand for: ک ڪ to ك,
    /// ی ے to ي, ہ ھ ە ۀ ۂ to ه, ۃ to ة.
    /// </summary>
    public bool NormalizePersianLetters { get; init; }

    /// <summary>Map decimal digits of every script to ASCII.</summary>
    public bool NormalizeDigits { get; init; }

    /// <summary>Map Arabic punctuation to Latin: ، to ',', ؛ to ';', ؟ to '?', ٪ to '%', ٫ to '.', ٬ to ',', ۔ to '.'.</summary>
    public bool ArabicPunctuationToLatin { get; init; }

    /// <summary>Fold typographic quotes (‘ ’ ‚ ‛ ‹ › to ', “ ” „ ‟ « » to ").</summary>
    public bool FoldQuotes { get; init; }

    /// <summary>Fold dashes and minus signs (U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D) to '-'.</summary>
    public bool FoldDashes { get; init; }

    /// <summary>Fold the ellipsis … U+2026 to three full stops.</summary>
    public bool FoldEllipsis { get; init; }

    /// <summary>Map every Unicode space separator (Zs: no-break, thin, ideographic ...) to U+0020, without collapsing.</summary>
    public bool NormalizeSpaces { get; init; }

    /// <summary>Map every line break (CR LF, CR, NEL U+0085, LS U+2028, PS U+2029) to one LF, without collapsing.</summary>
    public bool NormalizeLineBreaks { get; init; }

    /// <summary>Spaces to U+0020 and runs of whitespace collapsed (a run with a line break becomes one LF).</summary>
    public bool CollapseWhitespace { get; init; }

    /// <summary>Remove control and format characters (BOM, bidi marks, soft hyphen); see <see cref="KeepJoiners"/>.</summary>
    public bool RemoveControlCharacters { get; init; }

    /// <summary>With <see cref="RemoveControlCharacters"/>, keep ZWNJ U+200C and ZWJ U+200D (Persian, Indic scripts and emoji need them).</summary>
    public bool KeepJoiners { get; init; } = true;

    /// <summary>A closed character map applied after the Unicode form (a peer's exact map).</summary>
    public CharacterMap CharacterMap { get; init; }

    /// <summary>Whether alef wasla is folded, <see cref="NormalizeAlefWasla"/> resolved.</summary>
    public bool FoldsAlefWasla => NormalizeAlefWasla ?? NormalizeAlef;

    /// <summary>Changes nothing.</summary>
    public static NormalizationOptions None { get; } = new() { UnicodeForm = UnicodeForm.None };

    /// <summary>Conservative, for display: NFC, control characters and tatweel removed.</summary>
    public static NormalizationOptions Display { get; } = new()
    {
        UnicodeForm = UnicodeForm.Nfc,
        RemoveTatweel = true,
        RemoveControlCharacters = true,
    };

    /// <summary>
    /// Aggressive, for search and matching: NFKC and every fold but the hamza carriers (ؤ and ئ
    /// stay: lexicons and indexes built with this profile keep them apart from و and ي).
    /// </summary>
    public static NormalizationOptions Search { get; } = new()
    {
        UnicodeForm = UnicodeForm.Nfkc,
        CaseFold = true,
        RemoveDiacritics = true,
        RemoveTatweel = true,
        NormalizeAlef = true,
        NormalizeAlefMaqsura = true,
        NormalizeTehMarbuta = true,
        NormalizePersianLetters = true,
        NormalizeDigits = true,
        ArabicPunctuationToLatin = true,
        FoldQuotes = true,
        FoldDashes = true,
        FoldEllipsis = true,
        NormalizeSpaces = true,
        NormalizeLineBreaks = true,
        CollapseWhitespace = true,
        RemoveControlCharacters = true,
    };

    /// <summary>
    /// Exactly Lucene's <c>ArabicNormalizer</c>: أ إ آ to ا (not ٱ), ى to ي, ة to ه, tatweel and
    /// the eight tashkeel U+064B..U+0652 deleted; nothing else, no Unicode form.
    /// </summary>
    public static NormalizationOptions Lucene { get; } = new()
    {
        UnicodeForm = UnicodeForm.None,
        RemoveDiacritics = true,
        Diacritics = DiacriticSet.Tashkeel,
        RemoveTatweel = true,
        NormalizeAlef = true,
        NormalizeAlefWasla = false,
        NormalizeAlefMaqsura = true,
        NormalizeTehMarbuta = true,
    };

    /// <summary>CAMeL Tools' <c>arclean</c> character map alone (see <see cref="CharacterMap.CamelArclean"/>).</summary>
    public static NormalizationOptions CamelArclean { get; } = new()
    {
        UnicodeForm = UnicodeForm.None,
        CharacterMap = CharacterMap.CamelArclean,
    };
}

/// <summary>Which Arabic diacritics <see cref="NormalizationOptions.RemoveDiacritics"/> removes.</summary>
public enum DiacriticSet
{
    /// <summary>Tashkeel U+064B..U+065F, superscript alef U+0670 and Quranic marks U+06D6..U+06ED.</summary>
    Full,

    /// <summary>The eight tashkeel U+064B..U+0652 (tanween, harakat, shadda, sukun), as Lucene removes.</summary>
    Tashkeel,

    /// <summary>Tashkeel U+064B..U+0652 and superscript (dagger) alef U+0670, as CAMeL Tools' <c>dediac_ar</c> removes.</summary>
    TashkeelAndDaggerAlef,
}

/// <summary>A closed character map that replaces every code point it lists and deletes the rest.</summary>
public enum CharacterMap
{
    /// <summary>No character map.</summary>
    None,

    /// <summary>
    /// CAMeL Tools' <c>arclean</c> map: Arabic letters, ASCII and Latin-1 letters kept, extended
    /// letters and presentation forms to base letters, Arabic punctuation and digits to ASCII,
    /// space-like and bidi characters to a space, everything unlisted deleted.
    /// </summary>
    CamelArclean,
}
