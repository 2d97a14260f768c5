using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>
/// The char-level rules of one <see cref="NormalizationOptions"/> as data: which chars may change
/// (so unchanged runs are skipped in bulk) and what each code point maps to.
/// </summary>
internal sealed class CharRules
{
    private static readonly ConcurrentDictionary<NormalizationOptions, CharRules> s_cache = new();
    private static readonly Lazy<bool[]> s_continuation = new(BuildContinuationTable);

    private CharRules(NormalizationOptions options)
    {
        Options = options;
        Form = options.UnicodeForm switch
        {
            UnicodeForm.Nfc => NormalizationForm.FormC,
            UnicodeForm.Nfkc => NormalizationForm.FormKC,
            _ => null,
        };

        // Per-char answers are precomputed for the BMP: the hot loops then cost one array read
        // instead of a Unicode category lookup (and numeric value, case mapping) per char.
        _bmpMapped = new char[char.MaxValue + 1];
        _bmpFlags = new byte[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (char.IsSurrogate(ch))
            {
                continue;
            }

            var rune = new Rune(ch);
            byte flags = ComputeIsRemovableControl(rune) ? RemovableControlFlag : (byte)0;
            RuneMapping mapping = ComputeMap(rune, out Rune mapped);
            if (mapping == RuneMapping.Deleted)
            {
                flags |= DeletedFlag;
            }
            else if (mapping == RuneMapping.Changed)
            {
                if (mapped.IsBmp)
                {
                    flags |= ChangedFlag;
                    _bmpMapped[c] = (char)mapped.Value;
                }
                else
                {
                    flags |= SlowFlag;
                }
            }

            _bmpFlags[c] = flags;
        }

        bool[] continuation = s_continuation.Value;
        var special = new List<char>();
        _formStable = new bool[char.MaxValue + 1];
        _joinsPrevious = new bool[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            bool stable = Form is not { } f || (!char.IsSurrogate(ch) && IsNormalizedChar(ch, f));
            _formStable[c] = stable;
            _joinsPrevious[c] = !char.IsSurrogate(ch) && (continuation[c] || IsRemoved(new Rune(ch)));
            if (char.IsSurrogate(ch)
                || continuation[c]
                || (options.CollapseWhitespace && char.IsWhiteSpace(ch))
                || (options.RemoveControlCharacters && IsRemovableControl(new Rune(ch)))
                || Map(new Rune(ch), out _) != RuneMapping.Unchanged
                || !stable)
            {
                special.Add(ch);
            }
        }

        Special = SearchValues.Create(special.ToArray());
    }

    private const byte ChangedFlag = 1;
    private const byte DeletedFlag = 2;
    private const byte RemovableControlFlag = 4;
    private const byte SlowFlag = 8;

    private readonly bool[] _formStable;
    private readonly bool[] _joinsPrevious;
    private readonly char[] _bmpMapped;
    private readonly byte[] _bmpFlags;

    public NormalizationOptions Options { get; }

    /// <summary>Whether a single BMP char is already in <see cref="Form"/> on its own.</summary>
    public bool IsFormStable(char c) => _formStable[c];

    /// <summary>The .NET form for <see cref="NormalizationOptions.UnicodeForm"/>, or null for none.</summary>
    public NormalizationForm? Form { get; }

    /// <summary>Chars that may change or may combine with a neighbour; all others are copied as is.</summary>
    public SearchValues<char> Special { get; }

    public static CharRules For(NormalizationOptions options) => s_cache.GetOrAdd(options, static o => new CharRules(o));

    public static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>Whether the code point belongs to the cluster of the code point before it (marks, jamo).</summary>
    public static bool IsContinuation(Rune rune)
    {
        if (rune.IsBmp)
        {
            return s_continuation.Value[rune.Value];
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>
    /// Whether the code point joins the unit before it: a continuation, or a char the rules
    /// remove (control, tatweel), which must not stand between a letter and its marks.
    /// </summary>
    public bool JoinsPrevious(Rune rune) =>
        rune.IsBmp ? _joinsPrevious[rune.Value] : IsContinuation(rune) || IsRemoved(rune);

    /// <summary>Whether the rules delete the code point (controls, diacritics, tatweel).</summary>
    public bool IsRemoved(Rune rune) =>
        (Options.RemoveControlCharacters && IsRemovableControl(rune)) || Map(rune, out _) == RuneMapping.Deleted;

    /// <summary>Control and format chars the removal drops: Cc (keeping the whitespace ones), Cf except ZWNJ and ZWJ.</summary>
    public bool IsRemovableControl(Rune rune) =>
        rune.IsBmp ? (_bmpFlags[rune.Value] & RemovableControlFlag) != 0 : ComputeIsRemovableControl(rune);

    private bool ComputeIsRemovableControl(Rune rune)
    {
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.Control)
        {
            return Options.CollapseWhitespace
                ? !Rune.IsWhiteSpace(rune)
                : rune.Value is not ('\t' or '\n' or '\r');
        }

        return category == UnicodeCategory.Format && rune.Value is not (0x200C or 0x200D);
    }

    public static bool IsArabicDiacritic(int value) =>
        value is (>= 0x064B and <= 0x065F) or 0x0670 or (>= 0x06D6 and <= 0x06ED);

    /// <summary>Maps one code point by the char-level rules (everything but Unicode forms and whitespace).</summary>
    public RuneMapping Map(Rune rune, out Rune mapped)
    {
        if (rune.IsBmp)
        {
            byte flags = _bmpFlags[rune.Value];
            if ((flags & SlowFlag) == 0)
            {
                if ((flags & ChangedFlag) != 0)
                {
                    mapped = new Rune(_bmpMapped[rune.Value]);
                    return RuneMapping.Changed;
                }

                mapped = rune;
                return (flags & DeletedFlag) != 0 ? RuneMapping.Deleted : RuneMapping.Unchanged;
            }
        }

        return ComputeMap(rune, out mapped);
    }

    private RuneMapping ComputeMap(Rune rune, out Rune mapped)
    {
        mapped = rune;
        int value = rune.Value;
        NormalizationOptions o = Options;
        if ((o.RemoveDiacritics && IsArabicDiacritic(value)) || (o.RemoveTatweel && value == 0x0640))
        {
            return RuneMapping.Deleted;
        }

        if (o.NormalizeAlef && value is 0x0623 or 0x0625 or 0x0622 or 0x0671)
        {
            mapped = new Rune(0x0627);
        }
        else if (o.NormalizeAlefMaqsura && value == 0x0649)
        {
            mapped = new Rune(0x064A);
        }
        else if (o.NormalizeTehMarbuta && value == 0x0629)
        {
            mapped = new Rune(0x0647);
        }
        else if (o.NormalizeDigits && value > 0x7F && Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
        {
            int digit = (int)Rune.GetNumericValue(rune);
            if (digit is >= 0 and <= 9)
            {
                mapped = new Rune('0' + digit);
            }
        }

        if (o.CaseFold)
        {
            mapped = Rune.ToLowerInvariant(mapped);
        }

        return mapped == rune ? RuneMapping.Unchanged : RuneMapping.Changed;
    }

    private static bool IsNormalizedChar(char c, NormalizationForm form)
    {
        if (c < 0x80)
        {
            return true;
        }

        return TryIsNormalized([c], form) ?? false;
    }

    /// <summary>
    /// Whether the text is in <paramref name="form"/>; null when the runtime rejects it
    /// (noncharacters and lone surrogates make it throw), in which case the text is left as is.
    /// </summary>
    public static bool? TryIsNormalized(ReadOnlySpan<char> text, NormalizationForm form)
    {
        try
        {
            return text.IsNormalized(form);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool[] BuildContinuationTable()
    {
        var table = new bool[char.MaxValue + 1];
        for (int c = 0x80; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (char.IsSurrogate(ch))
            {
                continue;
            }

            // Marks, Hangul vowel/trailing jamo (they compose with the syllable before), and
            // chars whose compatibility decomposition starts with a mark (halfwidth kana voicing).
            if (IsMark(CharUnicodeInfo.GetUnicodeCategory(ch))
                || c is (>= 0x1160 and <= 0x11FF) or (>= 0xD7B0 and <= 0xD7FF))
            {
                table[c] = true;
                continue;
            }

            if (TryIsNormalized([ch], NormalizationForm.FormKD) == false)
            {
                string decomposed = ch.ToString().Normalize(NormalizationForm.FormKD);
                table[c] = decomposed.Length > 0 && IsMark(CharUnicodeInfo.GetUnicodeCategory(decomposed[0]));
            }
        }

        return table;
    }

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

/// <summary>What a char-level rule does to one code point.</summary>
internal enum RuneMapping
{
    Unchanged,
    Changed,
    Deleted,
}
