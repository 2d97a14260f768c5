using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>
/// The char-level rules of one <see cref="NormalizationOptions"/> as data: which chars may change
/// (so unchanged runs are skipped in bulk) and what each code point maps to.
/// </summary>
internal sealed class CharRules
{
    /// <summary>How many option sets keep their rules (about 0.6 MB each) between calls.</summary>
    internal const int MaxCachedOptionSets = 16;

    private static readonly RecentlyUsedCache s_cache = new(MaxCachedOptionSets);
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
            string? mapped = ComputeMap(rune);
            if (mapped is { Length: 0 })
            {
                flags |= DeletedFlag;
            }
            else if (mapped is { Length: 1 } && !char.IsSurrogate(mapped[0]))
            {
                flags |= ChangedFlag;
                _bmpMapped[c] = mapped[0];
            }
            else if (mapped is not null)
            {
                flags |= ExpandedFlag;
                _bmpExpansions[ch] = mapped;
            }

            _bmpFlags[c] = flags;
        }

        bool[] continuation = s_continuation.Value;
        var special = new List<char>();
        var isSpecial = new bool[char.MaxValue + 1];
        _formStable = new bool[char.MaxValue + 1];
        _joinsPrevious = new bool[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            bool stable = Form is not { } f || (!char.IsSurrogate(ch) && IsNormalizedChar(ch, f));
            _formRejects[c] = Form is { } rejecting && !char.IsSurrogate(ch) && c >= 0x80 && TryIsNormalized([ch], rejecting) is null;
            _formStable[c] = stable;
            _joinsPrevious[c] = !char.IsSurrogate(ch) && (continuation[c] || IsRemoved(new Rune(ch)));
            if (char.IsSurrogate(ch)
                || continuation[c]
                || (options.CollapseWhitespace && char.IsWhiteSpace(ch))
                || (options.RemoveControlCharacters && IsRemovableControl(new Rune(ch)))
                || (_bmpFlags[c] & (ChangedFlag | DeletedFlag | ExpandedFlag)) != 0
                || (options.NormalizeLineBreaks && ch == '\r')
                || !stable)
            {
                special.Add(ch);
                isSpecial[c] = true;
            }
        }

        Special = SearchValues.Create(special.ToArray());
        List<(ushort Low, ushort Span)> plain = PlainRanges(isSpecial);
        _hasPlainRanges = plain.Count > 0;
        if (_hasPlainRanges)
        {
            (ushort Low, ushort Span) Range(int r) => plain[r < plain.Count ? r : 0];
            (_low0, _span0) = (Vector256.Create(Range(0).Low), Vector256.Create(Range(0).Span));
            (_low1, _span1) = (Vector256.Create(Range(1).Low), Vector256.Create(Range(1).Span));
            (_low2, _span2) = (Vector256.Create(Range(2).Low), Vector256.Create(Range(2).Span));
            (_low3, _span3) = (Vector256.Create(Range(3).Low), Vector256.Create(Range(3).Span));
        }

        // With collapsing, a char whose normalization is only whitespace (an isolated haraka
        // presentation form: NFKC gives a space and the mark, and the mark is removed) must
        // collapse with the whitespace around it like a space, or a second pass would change it.
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (char.IsSurrogate(ch))
            {
                _bmpAction[c] = (byte)CharAction.Other;
                continue;
            }

            byte flags = _bmpFlags[c];
            CharAction action = (options.RemoveControlCharacters && (flags & RemovableControlFlag) != 0) || (flags & DeletedFlag) != 0
                ? CharAction.Delete
                : (flags & ChangedFlag) != 0 ? CharAction.Replace
                : (flags & ExpandedFlag) != 0 ? CharAction.Other
                : CharAction.Keep;
            _bmpAction[c] = (byte)((byte)action | (action == CharAction.Delete ? RemovedBit : 0));
        }

        // A char that the form and the rules together delete (a haraka presentation form: NFKC
        // gives tatweel and the haraka, both removed) joins the unit before it like a removed
        // char, so its deletion attaches to the same char in a stream as in the whole text.
        if (Form is not null)
        {
            for (int c = 0x80; c <= char.MaxValue; c++)
            {
                if (!_formStable[c] && !_joinsPrevious[c] && !char.IsSurrogate((char)c) && NormalizeAlone((char)c).Length == 0)
                {
                    _joinsPrevious[c] = true;
                    _vanishes[c] = true;
                }
            }
        }

        _spaceLike = new bool[char.MaxValue + 1];
        if (options.CollapseWhitespace)
        {
            for (int c = 0; c <= char.MaxValue; c++)
            {
                char ch = (char)c;
                if (!char.IsSurrogate(ch) && !char.IsWhiteSpace(ch) && (!_formStable[c] || (_bmpFlags[c] & (ChangedFlag | ExpandedFlag)) != 0))
                {
                    string alone = NormalizeAlone(ch);
                    _spaceLike[c] = alone.Length > 0 && alone.AsSpan().Trim().IsEmpty;
                }
            }
        }
    }

    /// <summary>What the rules do to one BMP char on its own: the hot loop's single table read.</summary>
    public CharAction ActionOf(char c) => (CharAction)(_bmpAction[c] & ~RemovedBit);

    /// <summary>The replacement of a char whose action is <see cref="CharAction.Replace"/>.</summary>
    public char ReplacementOf(char c) => _bmpMapped[c];

    /// <summary>Whether a non-surrogate char joins the unit before it (see <see cref="JoinsPrevious"/>).</summary>
    public bool JoinsPreviousChar(char c) => _joinsPrevious[c];

    /// <summary>Whether the char is one the rules remove (see <see cref="IsRemoved"/>).</summary>
    public bool IsRemovedChar(char c) => (_bmpAction[c] & RemovedBit) != 0;

    /// <summary>Whether the rules, or the form and the rules together, delete the char (a whitespace run absorbs it).</summary>
    public bool Vanishes(char c) => _vanishes[c] || IsRemoved(new Rune(c));

    /// <summary>Whether the Unicode form cannot process the code point (the runtime rejects noncharacters).</summary>
    public bool FormRejects(ReadOnlySpan<char> codePoint) =>
        Form is { } form && (codePoint.Length == 1 ? _formRejects[codePoint[0]] : TryIsNormalized(codePoint, form) is null);

    /// <summary>Whether a whitespace run absorbs the char: whitespace, space-like, or a char that vanishes.</summary>
    public bool ExtendsWhitespaceRun(char c) => IsCollapsibleSpace(c) || (!char.IsSurrogate(c) && Vanishes(c));

    /// <summary>Whether the char, alone, normalizes to whitespace only (then it collapses like whitespace).</summary>
    public bool IsSpaceLike(char c) => _spaceLike[c];

    /// <summary>Whether the char starts or continues a whitespace run when collapsing.</summary>
    public bool IsCollapsibleSpace(char c) => char.IsWhiteSpace(c) || _spaceLike[c];

    private string NormalizeAlone(char c)
    {
        string text = c.ToString();
        if (Form is { } form && CharRules.TryIsNormalized(text, form) == false)
        {
            text = text.Normalize(form);
        }

        var builder = new StringBuilder();
        Span<char> mapped = stackalloc char[MaxExpansion];
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (IsRemoved(rune))
            {
                continue;
            }

            if (Map(rune, mapped, out int written) == RuneMapping.Unchanged)
            {
                builder.Append(rune.ToString());
            }
            else
            {
                builder.Append(mapped[..written]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Chars common in Arabic and English text whose surrounding run of non-special chars is
    /// tested with vector compares: space (printable ASCII), ب and م (the Arabic letters either
    /// side of tatweel), the Arabic comma, and lower-case Latin (the run that remains when case
    /// folding makes upper-case letters special, as under SEARCH). Only the first four distinct
    /// runs are kept. Chars outside them fall back to
    /// <see cref="Special"/>, whose set (every mark, every char not stable in the form) is
    /// large and slow to search on text with nothing to change.
    /// </summary>
    private static ReadOnlySpan<char> PlainAnchors => [' ', '\u0628', '\u0645', '\u060C', 'e'];

    // Chars scanned with Special after a char outside the plain ranges, before the vector
    // compares resume: bounds the cost of a restart on text in another script.
    private const int FallbackWindow = 32;

    // Up to four plain ranges as broadcast lows and spans, for unsigned compares
    // (char - low <= span); unused ones repeat the first.
    private readonly Vector256<ushort> _low0, _low1, _low2, _low3;
    private readonly Vector256<ushort> _span0, _span1, _span2, _span3;
    private readonly bool _hasPlainRanges;

    /// <summary>The index of the first char of <paramref name="text"/> in <see cref="Special"/>, or -1.</summary>
    public int IndexOfSpecial(ReadOnlySpan<char> text)
    {
        if (!_hasPlainRanges)
        {
            return text.IndexOfAny(Special);
        }

        int i = 0;
        while (i < text.Length)
        {
            i += IndexOfNonPlain(text[i..]);
            if (i >= text.Length)
            {
                return -1;
            }

            int window = Math.Min(FallbackWindow, text.Length - i);
            int hit = text.Slice(i, window).IndexOfAny(Special);
            if (hit >= 0)
            {
                return i + hit;
            }

            i += window;
        }

        return -1;
    }

    /// <summary>The index of the first char outside the plain ranges, or the length when there is none.</summary>
    private int IndexOfNonPlain(ReadOnlySpan<char> text)
    {
        ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                Vector256<ushort> chars = Vector256.LoadUnsafe(ref start, (nuint)i);
                Vector256<ushort> plain =
                    Vector256.LessThanOrEqual(chars - _low0, _span0)
                    | Vector256.LessThanOrEqual(chars - _low1, _span1)
                    | Vector256.LessThanOrEqual(chars - _low2, _span2)
                    | Vector256.LessThanOrEqual(chars - _low3, _span3);
                uint outside = (~plain).ExtractMostSignificantBits();
                if (outside != 0)
                {
                    return i + BitOperations.TrailingZeroCount(outside);
                }
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= text.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                Vector128<ushort> chars = Vector128.LoadUnsafe(ref start, (nuint)i);
                Vector128<ushort> plain =
                    Vector128.LessThanOrEqual(chars - _low0.GetLower(), _span0.GetLower())
                    | Vector128.LessThanOrEqual(chars - _low1.GetLower(), _span1.GetLower())
                    | Vector128.LessThanOrEqual(chars - _low2.GetLower(), _span2.GetLower())
                    | Vector128.LessThanOrEqual(chars - _low3.GetLower(), _span3.GetLower());
                uint outside = (~plain).ExtractMostSignificantBits();
                if (outside != 0)
                {
                    return i + BitOperations.TrailingZeroCount(outside);
                }
            }
        }

        for (; i < text.Length; i++)
        {
            ushort c = text[i];
            if ((ushort)(c - _low0[0]) > _span0[0] && (ushort)(c - _low1[0]) > _span1[0]
                && (ushort)(c - _low2[0]) > _span2[0] && (ushort)(c - _low3[0]) > _span3[0])
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>
    /// The maximal runs of non-special chars around <see cref="PlainAnchors"/>: the first four
    /// distinct ones, as (low, span) pairs; a special anchor gives none.
    /// </summary>
    private static List<(ushort Low, ushort Span)> PlainRanges(bool[] isSpecial)
    {
        var ranges = new List<(ushort Low, ushort Span)>();
        foreach (char anchor in PlainAnchors)
        {
            if (ranges.Count == 4 || isSpecial[anchor])
            {
                continue;
            }

            int first = anchor;
            while (first > 0 && !isSpecial[first - 1])
            {
                first--;
            }

            int last = anchor;
            while (last < char.MaxValue && !isSpecial[last + 1])
            {
                last++;
            }

            if (!ranges.Exists(r => r.Low == first))
            {
                ranges.Add(((ushort)first, (ushort)(last - first)));
            }
        }

        return ranges;
    }

    private const byte ChangedFlag = 1;
    private const byte DeletedFlag = 2;
    private const byte RemovableControlFlag = 4;
    private const byte ExpandedFlag = 8;

    /// <summary>The longest replacement of one code point (the ﷲ ligature to الله, … to "...").</summary>
    public const int MaxExpansion = 8;

    private readonly bool[] _formStable;
    private readonly bool[] _joinsPrevious;
    private readonly bool[] _spaceLike;
    private readonly bool[] _formRejects = new bool[char.MaxValue + 1];
    private readonly byte[] _bmpAction = new byte[char.MaxValue + 1];
    private const byte RemovedBit = 0x80;
    private readonly bool[] _vanishes = new bool[char.MaxValue + 1];
    private readonly char[] _bmpMapped;
    private readonly byte[] _bmpFlags;
    private readonly Dictionary<char, string> _bmpExpansions = [];

    public NormalizationOptions Options { get; }

    /// <summary>Whether a single BMP char is already in <see cref="Form"/> on its own.</summary>
    public bool IsFormStable(char c) => _formStable[c];

    /// <summary>The .NET form for <see cref="NormalizationOptions.UnicodeForm"/>, or null for none.</summary>
    public NormalizationForm? Form { get; }

    /// <summary>Chars that may change or may combine with a neighbour; all others are copied as is.</summary>
    public SearchValues<char> Special { get; }

    /// <summary>
    /// The rules of <paramref name="options"/>: shared for the most recently used option sets,
    /// built anew (some milliseconds) for a set that is not among them. Requests may carry their
    /// own options, so the cache is bounded: a caller cycling through many combinations costs
    /// time, not memory.
    /// </summary>
    public static CharRules For(NormalizationOptions options) => s_cache.GetOrBuild(options);

    /// <summary>The number of option sets whose rules are cached now (for tests).</summary>
    internal static int CachedOptionSets => s_cache.Count;

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
        (Options.RemoveControlCharacters && IsRemovableControl(rune)) || IsDeleted(rune);

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

        return category == UnicodeCategory.Format && !(Options.KeepJoiners && rune.Value is 0x200C or 0x200D);
    }

    /// <summary>Whether <paramref name="value"/> is one of the diacritics of <paramref name="set"/>.</summary>
    public static bool IsArabicDiacritic(int value, DiacriticSet set) => set switch
    {
        DiacriticSet.Tashkeel => value is >= 0x064B and <= 0x0652,
        DiacriticSet.TashkeelAndDaggerAlef => value is (>= 0x064B and <= 0x0652) or 0x0670,
        _ => value is (>= 0x064B and <= 0x065F) or 0x0670 or (>= 0x06D6 and <= 0x06ED),
    };

    /// <summary>Whether the char-level rules delete the code point.</summary>
    public bool IsDeleted(Rune rune) =>
        rune.IsBmp ? (_bmpFlags[rune.Value] & DeletedFlag) != 0 : ComputeMap(rune) is { Length: 0 };

    /// <summary>
    /// Maps one code point by the char-level rules (everything but Unicode forms and whitespace
    /// runs). For <see cref="RuneMapping.Changed"/> the replacement (at most
    /// <see cref="MaxExpansion"/> chars) is written to <paramref name="destination"/>.
    /// </summary>
    public RuneMapping Map(Rune rune, Span<char> destination, out int written)
    {
        written = 0;
        if (rune.IsBmp)
        {
            byte flags = _bmpFlags[rune.Value];
            if ((flags & ChangedFlag) != 0)
            {
                destination[0] = _bmpMapped[rune.Value];
                written = 1;
                return RuneMapping.Changed;
            }

            if ((flags & DeletedFlag) != 0)
            {
                return RuneMapping.Deleted;
            }

            if ((flags & ExpandedFlag) == 0)
            {
                return RuneMapping.Unchanged;
            }

            string expansion = _bmpExpansions[(char)rune.Value];
            expansion.CopyTo(destination);
            written = expansion.Length;
            return RuneMapping.Changed;
        }

        string? mapped = ComputeMap(rune);
        if (mapped is null)
        {
            return RuneMapping.Unchanged;
        }

        mapped.CopyTo(destination);
        written = mapped.Length;
        return written == 0 ? RuneMapping.Deleted : RuneMapping.Changed;
    }

    /// <summary>The replacement of one code point: null when unchanged, empty when deleted.</summary>
    private string? ComputeMap(Rune rune)
    {
        if (Options.CharacterMap == CharacterMap.CamelArclean && CamelArcleanMap.Map(rune) is { } mapped)
        {
            var builder = new StringBuilder(mapped.Length);
            foreach (Rune r in mapped.EnumerateRunes())
            {
                builder.Append(MapRune(r) ?? r.ToString());
            }

            string result = builder.ToString();
            return result == rune.ToString() ? null : result;
        }

        return MapRune(rune);
    }

    /// <summary>The rules after the character map, as a chain: no rule's output is an earlier rule's input.</summary>
    private string? MapRune(Rune rune)
    {
        int value = rune.Value;
        NormalizationOptions o = Options;
        if ((o.RemoveDiacritics && IsArabicDiacritic(value, o.Diacritics)) || (o.RemoveTatweel && value == 0x0640))
        {
            return string.Empty;
        }

        if (o.FoldEllipsis && value == 0x2026)
        {
            return "...";
        }

        int folded = value;
        if (o.NormalizePersianLetters)
        {
            folded = folded switch
            {
                0x06A9 or 0x06AA => 0x0643,
                0x06CC or 0x06D2 => 0x064A,
                0x06C1 or 0x06BE or 0x06D5 or 0x06C0 or 0x06C2 => 0x0647,
                0x06C3 => 0x0629,
                _ => folded,
            };
        }

        if (o.NormalizeHamzaCarriers)
        {
            folded = folded switch { 0x0624 => 0x0648, 0x0626 => 0x064A, _ => folded };
        }

        if ((o.NormalizeAlef && folded is 0x0623 or 0x0625 or 0x0622) || (o.FoldsAlefWasla && folded == 0x0671))
        {
            folded = 0x0627;
        }
        else if (o.NormalizeAlefMaqsura && folded == 0x0649)
        {
            folded = 0x064A;
        }
        else if (o.NormalizeTehMarbuta && folded == 0x0629)
        {
            folded = 0x0647;
        }

        if (o.NormalizeDigits && folded > 0x7F && Rune.GetUnicodeCategory(new Rune(folded)) == UnicodeCategory.DecimalDigitNumber)
        {
            int digit = (int)Rune.GetNumericValue(new Rune(folded));
            if (digit is >= 0 and <= 9)
            {
                folded = '0' + digit;
            }
        }

        if (o.ArabicPunctuationToLatin)
        {
            folded = folded switch
            {
                0x060C or 0x066C => ',',
                0x061B => ';',
                0x061F => '?',
                0x066A => '%',
                0x066B or 0x06D4 => '.',
                _ => folded,
            };
        }

        if (o.FoldQuotes)
        {
            folded = folded switch
            {
                0x2018 or 0x2019 or 0x201A or 0x201B or 0x2039 or 0x203A => '\'',
                0x201C or 0x201D or 0x201E or 0x201F or 0x00AB or 0x00BB => '"',
                _ => folded,
            };
        }

        if (o.FoldDashes && folded is (>= 0x2010 and <= 0x2015) or 0x2212 or 0xFE58 or 0xFE63 or 0xFF0D)
        {
            folded = '-';
        }

        if (o.NormalizeSpaces && folded != ' ' && Rune.GetUnicodeCategory(new Rune(folded)) == UnicodeCategory.SpaceSeparator)
        {
            folded = ' ';
        }

        if (o.NormalizeLineBreaks && folded is '\r' or 0x0085 or 0x2028 or 0x2029)
        {
            folded = '\n';
        }

        Rune result = new(folded);
        if (o.CaseFold)
        {
            result = Rune.ToLowerInvariant(result);
        }

        return result == rune ? null : result.ToString();
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

    /// <summary>
    /// A bounded map from option sets to their rules that evicts the least recently used. A hit
    /// is a lock-free dictionary read and one store of the time; only a miss takes the lock.
    /// </summary>
    private sealed class RecentlyUsedCache(int capacity)
    {
        private readonly ConcurrentDictionary<NormalizationOptions, Entry> _byOptions = new();
        private readonly Lock _evictionLock = new();
        private long _clock;

        public int Count => _byOptions.Count;

        public CharRules GetOrBuild(NormalizationOptions options)
        {
            if (_byOptions.TryGetValue(options, out Entry? cached))
            {
                // Racy on purpose: two hits may store their ticks in either order; the order of
                // eviction only needs to be roughly by recency.
                cached.LastUsed = Interlocked.Increment(ref _clock);
                return cached.Rules;
            }

            // Built outside the lock: other option sets are served meanwhile. Two callers may
            // build the same set at once; the first one stored wins.
            var built = new Entry(new CharRules(options)) { LastUsed = Interlocked.Increment(ref _clock) };
            lock (_evictionLock)
            {
                if (_byOptions.TryGetValue(options, out Entry? raced))
                {
                    return raced.Rules;
                }

                // Room is made before the new set goes in, so the count never exceeds the bound.
                while (_byOptions.Count >= capacity)
                {
                    NormalizationOptions? oldest = null;
                    long oldestUse = long.MaxValue;
                    foreach (KeyValuePair<NormalizationOptions, Entry> pair in _byOptions)
                    {
                        if (pair.Value.LastUsed < oldestUse)
                        {
                            (oldest, oldestUse) = (pair.Key, pair.Value.LastUsed);
                        }
                    }

                    _byOptions.TryRemove(oldest!, out _);
                }

                _byOptions[options] = built;
                return built.Rules;
            }
        }

        private sealed class Entry(CharRules rules)
        {
            public CharRules Rules { get; } = rules;

            public long LastUsed { get; set; }
        }
    }
}

/// <summary>What the rules do to one BMP char on its own (the high bit of the table marks removal).</summary>
internal enum CharAction : byte
{
    Keep,
    Replace,
    Delete,
    Other,
}

/// <summary>What a char-level rule does to one code point.</summary>
internal enum RuneMapping
{
    Unchanged,
    Changed,
    Deleted,
}
