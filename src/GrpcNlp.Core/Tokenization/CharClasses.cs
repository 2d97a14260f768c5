using System.Buffers;
using System.Globalization;
using System.Text;

namespace GrpcNlp.Core.Tokenization;

/// <summary>What a code point is to the word scanner.</summary>
internal enum WordCharKind
{
    /// <summary>Not part of a word by itself (may still join two word parts).</summary>
    None,

    /// <summary>A letter (including Arabic tatweel, a modifier letter).</summary>
    Letter,

    /// <summary>A decimal digit of any script.</summary>
    Digit,

    /// <summary>A combining mark (Arabic diacritics, accents, variation selectors).</summary>
    Mark,

    /// <summary>A connector such as '_' that joins word parts.</summary>
    Connector,

    /// <summary>ZWNJ, ZWJ or a soft hyphen inside a word.</summary>
    Joiner,

    /// <summary>A CJK ideograph or kana: a word of its own.</summary>
    Ideograph,
}

/// <summary>Character classification shared by the tokenizer and the sentence segmenter.</summary>
internal static class CharClasses
{
    /// <summary>Characters a URL never contains, or that end it in running text.</summary>
    public static readonly SearchValues<char> UrlStop = SearchValues.Create("<>\"`{}|\\^«»“”‘’،؛؟");

    /// <summary>Characters trimmed from the end of a URL (sentence punctuation after it).</summary>
    public static readonly SearchValues<char> UrlTrailing = SearchValues.Create(".,;:!?'*)]}");

    /// <summary>Characters of the local part of an e-mail address (ASCII, RFC 5322 dot-atom subset).</summary>
    public static readonly SearchValues<char> EmailLocal =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-");

    /// <summary>Characters of an e-mail domain.</summary>
    public static readonly SearchValues<char> EmailDomain =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    /// <summary>Apostrophes that may join two Latin letters ("don't", "O'Brien").</summary>
    public static readonly SearchValues<char> Apostrophes = SearchValues.Create("'\u2019");

    /// <summary>Hyphens that may join two word parts ("state-of-the-art", "F-16").</summary>
    public static readonly SearchValues<char> Hyphens = SearchValues.Create("-\u2010\u2011");

    /// <summary>
    /// Separators allowed between two digits of a number: thousands and decimals ("1,400", "١٬٤٠٠",
    /// "٣٫٥"), times ("10:30") and dates ("2024/11/05").
    /// </summary>
    public static readonly SearchValues<char> DigitSeparators = SearchValues.Create(",.:/\u066B\u066C");

    /// <summary>
    /// Punctuation and symbols whose runs are one token ("!!!", "---", "***", "==="): a run is one
    /// visual unit, as in UD treebanks. Brackets and quotes are always one token per character.
    /// </summary>
    public static readonly SearchValues<char> RunPunctuation = SearchValues.Create(".\u2026!?\u061F-*=_~#+<>/\\|\u2014\u2013$");

    /// <summary>Sentence marks whose mixed runs are one token ("?!", "!?!?", "..?"), as in UD treebanks.</summary>
    public static readonly SearchValues<char> SentenceMarks = SearchValues.Create(".!?\u061F");

    /// <summary>Line-drawing characters whose mixed runs are one token ("----==", "=-=-=").</summary>
    public static readonly SearchValues<char> LineDrawing = SearchValues.Create("-=_*~");

    /// <summary>Mouths of ASCII emoticons (":)", ":-(", ":D", ":P", ":/").</summary>
    public static readonly SearchValues<char> EmoticonMouths = SearchValues.Create(")(][DPpOo/\\|");

    /// <summary>ASCII lower-case letters.</summary>
    public static readonly SearchValues<char> AsciiLower = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>Line breaks: a line break between two tokens ends a sentence.</summary>
    public static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u000B\u000C\u0085\u2028\u2029");

    /// <summary>Decodes the code point at <paramref name="index"/>; false for a lone surrogate.</summary>
    public static bool TryRuneAt(ReadOnlySpan<char> text, int index, out Rune rune, out int length)
    {
        char c = text[index];
        if (!char.IsSurrogate(c))
        {
            rune = new Rune(c);
            length = 1;
            return true;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            rune = new Rune(c, text[index + 1]);
            length = 2;
            return true;
        }

        rune = Rune.ReplacementChar;
        length = 1;
        return false;
    }

    // The kind of every BMP char that is not a surrogate, computed once by the same rules as
    // for any code point (a Unicode category lookup per char was most of the tokenizer's time);
    // surrogates hold SurrogateEntry and are decoded. Flag PlainWordStartFlag marks non-ASCII
    // letters, digits and ideographs that no URL, e-mail, tag, emoticon or emoji scanner can
    // start with, so the tokenizer goes straight to the word scanner for them.
    private const byte KindMask = 0x0F;
    private const byte PlainWordStartFlag = 0x80;
    private const byte SurrogateEntry = KindMask;
    private static readonly byte[] s_bmpKinds = BuildBmpKinds();

    /// <summary>Classifies the code point at <paramref name="index"/> for word scanning.</summary>
    public static WordCharKind KindAt(ReadOnlySpan<char> text, int index, out int length)
    {
        byte entry = s_bmpKinds[text[index]];
        if (entry != SurrogateEntry)
        {
            length = 1;
            return (WordCharKind)(entry & KindMask);
        }

        if (!TryRuneAt(text, index, out Rune rune, out length))
        {
            return WordCharKind.None;
        }

        return KindOf(rune);
    }

    /// <summary>
    /// Whether <paramref name="c"/> is a non-ASCII letter, digit or ideograph that is not an
    /// emoji base: a token starting with it can only be a word or number.
    /// </summary>
    public static bool IsPlainWordStart(char c) => (s_bmpKinds[c] & PlainWordStartFlag) != 0;

    private static byte[] BuildBmpKinds()
    {
        var kinds = new byte[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                kinds[c] = SurrogateEntry;
                continue;
            }

            WordCharKind kind = c < 0x80 ? AsciiKind((char)c) : KindOf(new Rune(c));
            bool plainStart = c >= 0x80 && kind is WordCharKind.Letter or WordCharKind.Digit or WordCharKind.Ideograph && !IsEmojiBase(c);
            kinds[c] = (byte)((byte)kind | (plainStart ? PlainWordStartFlag : 0));
        }

        return kinds;
    }

    private static WordCharKind AsciiKind(char c) =>
        char.IsAsciiLetter(c) ? WordCharKind.Letter
            : char.IsAsciiDigit(c) ? WordCharKind.Digit
            : c == '_' ? WordCharKind.Connector
            : WordCharKind.None;

    private static WordCharKind KindOf(Rune rune)
    {
        int c = rune.Value;
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                return IsIdeograph(rune.Value) ? WordCharKind.Ideograph : WordCharKind.Letter;
            case UnicodeCategory.DecimalDigitNumber:
                return WordCharKind.Digit;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return WordCharKind.Mark;
            case UnicodeCategory.ConnectorPunctuation:
                return WordCharKind.Connector;
            case UnicodeCategory.Format:
                return c is '\u200C' or '\u200D' or '\u00AD' ? WordCharKind.Joiner : WordCharKind.None;
            default:
                return WordCharKind.None;
        }
    }

    /// <summary>Whether <paramref name="c"/> is a Latin letter (ASCII or Latin-1..Latin Extended).</summary>
    public static bool IsLatin(char c) => char.IsAsciiLetter(c) || (c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7');

    /// <summary>Whether a combining mark (or variation selector) is at <paramref name="index"/>.</summary>
    public static bool IsMarkAt(ReadOnlySpan<char> text, int index, out int length) =>
        KindAt(text, index, out length) == WordCharKind.Mark;

    /// <summary>Whether the code point starts an emoji (Extended_Pictographic, approximated by blocks).</summary>
    public static bool IsEmojiBase(int cp) =>
        (cp >= 0x1F000 && cp <= 0x1FAFF && !IsRegionalIndicator(cp))
        || (cp >= 0x2600 && cp <= 0x27BF)
        || cp is 0x231A or 0x231B or 0x2328 or 0x23CF or (>= 0x23E9 and <= 0x23F3) or (>= 0x23F8 and <= 0x23FA)
        || cp is 0x2B50 or 0x2B55 or 0x2B1B or 0x2B1C or (>= 0x2B05 and <= 0x2B07) or 0x2934 or 0x2935
        || cp is 0x3030 or 0x303D or 0x3297 or 0x3299 or 0x24C2 or 0x25AA or 0x25AB or 0x25B6 or 0x25C0
        || cp is >= 0x25FB and <= 0x25FE;

    /// <summary>Whether the code point is a regional indicator (half of a flag).</summary>
    public static bool IsRegionalIndicator(int cp) => cp is >= 0x1F1E6 and <= 0x1F1FF;

    /// <summary>Whether the code point is an emoji skin-tone modifier.</summary>
    public static bool IsSkinTone(int cp) => cp is >= 0x1F3FB and <= 0x1F3FF;

    /// <summary>Whether the code point is an emoji tag character (subdivision flags).</summary>
    public static bool IsTag(int cp) => cp is >= 0xE0020 and <= 0xE007F;

    /// <summary>CJK ideographs and kana: scripts without spaces, one token per character.</summary>
    private static bool IsIdeograph(int cp) =>
        cp is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3FFFF) or (>= 0x3040 and <= 0x309F);
}
