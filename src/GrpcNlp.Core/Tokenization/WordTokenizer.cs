using System.Buffers;
using System.Globalization;
using System.Text;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tokenization;

/// <summary>
/// Splits text into tokens (UAX #29 word boundaries extended for news and social text).
/// </summary>
/// <remarks>
/// <para>
/// A single hand-written pass over the UTF-16 text. Spans are half-open UTF-16 ranges of the
/// ORIGINAL text. Whitespace, control characters and invisible format characters (bidi marks,
/// BOM, ZWSP) produce no token; every other character belongs to exactly one token. The
/// tokenizer never throws: a lone surrogate becomes a <see cref="TokenType.Symbol"/> of length 1.
/// </para>
/// <para>
/// No token ever crosses whitespace and no decision looks across whitespace, so each
/// whitespace-delimited run is tokenized independently; <see cref="StreamingTokenizer"/> relies on it.
/// The rules are listed in docs/tokenization.md.
/// </para>
/// </remarks>
public sealed class WordTokenizer
{
    // Texts up to this long are tokenized into a list kept per thread and copied into a result
    // of the exact size, instead of a list grown by doubling from an estimate of the count.
    private const int MaxScratchTextLength = 64 * 1024;

    // A per-thread list above this capacity (a text with unusually short tokens) is not kept.
    private const int MaxScratchCapacity = 32 * 1024;

    [ThreadStatic]
    private static List<Token>? s_scratch;

    /// <summary>Tokenizes <paramref name="text"/>; whitespace produces no token.</summary>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int estimate = text.Length / 5 + 4;
        if (text.Length > MaxScratchTextLength)
        {
            var tokens = new List<Token>(estimate);
            Tokenize(text, 0, tokens);
            return tokens;
        }

        // Taken from the thread while in use, so a nested call would get its own list.
        List<Token> scratch = s_scratch ?? new List<Token>(estimate);
        s_scratch = null;
        try
        {
            Tokenize(text, 0, scratch);
            return new List<Token>(scratch);
        }
        finally
        {
            if (scratch.Capacity <= MaxScratchCapacity)
            {
                scratch.Clear();
                s_scratch = scratch;
            }
        }
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> and appends the tokens to <paramref name="tokens"/>;
    /// a caller that clears and reuses one list tokenizes without allocating.
    /// </summary>
    /// <param name="text">The text; spans index it (UTF-16).</param>
    /// <param name="tokens">The list the tokens are appended to.</param>
    public void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Tokenize(text, 0, tokens);
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> from <paramref name="start"/> and appends the tokens, spans
    /// relative to <paramref name="text"/>; the characters before <paramref name="start"/> are context
    /// only (the start of a hashtag, mention or URL looks at the character before it).
    /// </summary>
    internal static void Tokenize(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        int i = start;

        // End of the last e-mail local part scanned without an '@' after it: any start before it
        // lies in the same run and fails the same way, so long runs ("1-2-3-…") stay linear.
        int noEmailBefore = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int end;
            if (CharClasses.IsPlainWordStart(c))
            {
                // Most tokens of Arabic text: no other scanner can match here (none starts with a
                // non-ASCII letter or digit), so skip them and their Unicode category lookup.
                i = ScanWord(text, i, tokens);
                continue;
            }

            if (!CharClasses.TryRuneAt(text, i, out Rune rune, out int length))
            {
                tokens.Add(new Token(new TextSpan(i, i + 1), TokenType.Symbol));
                i++;
                continue;
            }

            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                // Invisible controls, bidi marks, BOM and ZWSP: separators, never tokens.
                i += length;
                continue;
            }

            if ((end = ScanUrl(text, i)) > 0)
            {
                tokens.Add(new Token(new TextSpan(i, end), TokenType.Url));
            }
            else if (i >= noEmailBefore && (end = ScanEmail(text, i, out noEmailBefore)) > 0)
            {
                tokens.Add(new Token(new TextSpan(i, end), TokenType.Email));
            }
            else if (c is '#' or '@' && (end = ScanTag(text, i)) > 0)
            {
                tokens.Add(new Token(new TextSpan(i, end), c == '#' ? TokenType.Hashtag : TokenType.Mention));
            }
            else if ((end = ScanEmoticon(text, i)) > 0)
            {
                tokens.Add(new Token(new TextSpan(i, end), TokenType.Emoji));
            }
            else if ((end = ScanEmoji(text, i, rune, length)) > 0)
            {
                tokens.Add(new Token(new TextSpan(i, end), TokenType.Emoji));
            }
            else
            {
                WordCharKind kind = CharClasses.KindAt(text, i, out _);
                if (kind is WordCharKind.Letter or WordCharKind.Digit or WordCharKind.Ideograph)
                {
                    end = ScanWord(text, i, tokens);
                }
                else
                {
                    end = ScanOther(text, i, c, category, length, out TokenType type);
                    end = SkipMarks(text, end);
                    tokens.Add(new Token(new TextSpan(i, end), type));
                }
            }

            i = end;
        }
    }

    /// <summary>Scans a word or number at <paramref name="start"/>, adds its token(s), returns its end.</summary>
    private static int ScanWord(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        WordCharKind first = CharClasses.KindAt(text, start, out int firstLength);
        if (first == WordCharKind.Ideograph)
        {
            int ideographEnd = SkipMarks(text, start + firstLength);
            tokens.Add(new Token(new TextSpan(start, ideographEnd), TokenType.Word));
            return ideographEnd;
        }

        if (first == WordCharKind.Digit && ScanPhoneNumber(text, start) is int phoneEnd and > 0)
        {
            tokens.Add(new Token(new TextSpan(start, phoneEnd), TokenType.Number));
            return phoneEnd;
        }

        int pos = start;
        int partStart = start;
        bool hasLetter = false;
        bool hasDigit = false;
        bool hasLetterDot = false;
        bool hasApostrophe = false;
        int segment = 0;
        int longestSegment = 0;
        WordCharKind lastBase = WordCharKind.None;
        bool lastLatin = false;
        while (pos < text.Length)
        {
            WordCharKind kind = CharClasses.KindAt(text, pos, out int length);
            switch (kind)
            {
                case WordCharKind.Letter:
                    hasLetter = true;
                    lastBase = kind;
                    lastLatin = CharClasses.IsLatin(text[pos]);
                    segment++;
                    pos += length;
                    continue;
                case WordCharKind.Digit:
                    hasDigit = true;
                    lastBase = kind;
                    lastLatin = false;
                    segment++;
                    pos += length;
                    continue;
                case WordCharKind.Mark:
                    pos += length;
                    continue;
                case WordCharKind.Connector:
                case WordCharKind.Joiner:
                    // Kept only between word characters ("snake_case", ZWNJ inside Persian words).
                    if (pos + length < text.Length
                        && CharClasses.KindAt(text, pos + length, out _) is WordCharKind.Letter or WordCharKind.Digit or WordCharKind.Mark)
                    {
                        pos += length;
                        continue;
                    }

                    break;
                case WordCharKind.None when pos + 1 < text.Length && !char.IsWhiteSpace(text[pos]):
                    // Whitespace ends the word (the common case); other chars may join two parts.
                    char joiner = text[pos];
                    WordCharKind next = CharClasses.KindAt(text, pos + 1, out _);
                    char nextChar = text[pos + 1];
                    bool join;
                    if (CharClasses.Apostrophes.Contains(joiner))
                    {
                        join = lastBase == WordCharKind.Letter && lastLatin && next == WordCharKind.Letter && CharClasses.IsLatin(nextChar);
                        hasApostrophe |= join;

                        // A decade or plural of a number ("the 70's") is one word.
                        if (!join && lastBase == WordCharKind.Digit && !hasLetter && (nextChar | 0x20) == 's'
                            && (pos + 2 == text.Length || CharClasses.KindAt(text, pos + 2, out _) is not (WordCharKind.Letter or WordCharKind.Digit)))
                        {
                            tokens.Add(new Token(new TextSpan(start, pos + 2), TokenType.Word));
                            return pos + 2;
                        }
                    }
                    else if (CharClasses.Hyphens.Contains(joiner))
                    {
                        // A hyphen is a word boundary (UAX #29; "15-year", "state-of-the-art",
                        // "2020-2021" split), except after a prefix or before a suffix that
                        // cannot stand alone ("e-mail", "re-elect", "clock-wise").
                        join = lastBase == WordCharKind.Letter && next == WordCharKind.Letter
                            && (HyphenAffixes.IsPrefix(text[partStart..pos]) || IsHyphenSuffixAt(text, pos + 1));
                        if (join)
                        {
                            partStart = pos + 1;
                        }
                    }
                    else if (joiner == '.' && lastBase == WordCharKind.Letter)
                    {
                        // Latin letters around a period join in domain names and acronyms ("bbc.com",
                        // "Newsfeed.Com", "U.S"), but not a missing space after a sentence ("end.Next").
                        join = lastLatin && next == WordCharKind.Letter && CharClasses.IsLatin(nextChar)
                            && (char.IsLower(nextChar) || segment <= 2 || IsCommonTopLevelDomainAt(text, pos + 1));
                        if (join)
                        {
                            hasLetterDot = true;
                            longestSegment = Math.Max(longestSegment, segment);
                            segment = 0;
                        }
                    }
                    else
                    {
                        join = CharClasses.DigitSeparators.Contains(joiner) && lastBase == WordCharKind.Digit && next == WordCharKind.Digit;
                    }

                    if (join)
                    {
                        pos++;
                        continue;
                    }

                    break;
            }

            break;
        }

        longestSegment = Math.Max(longestSegment, segment);
        if (!hasLetter)
        {
            tokens.Add(new Token(new TextSpan(start, pos), TokenType.Number));
            return pos;
        }

        ReadOnlySpan<char> word = text[start..pos];
        if (!hasLetterDot && hasDigit && UnitStart(word) is int unit and > 0)
        {
            // A number glued to a unit or time ("375mm", "8gb", "3pm") is two words, as in UD.
            tokens.Add(new Token(new TextSpan(start, start + unit), TokenType.Number));
            tokens.Add(new Token(new TextSpan(start + unit, pos), TokenType.Word));
            return pos;
        }

        if (word.Length == 1 && char.IsAsciiLetter(word[0]) && pos + 1 < text.Length && text[pos] == '/'
            && char.IsAsciiLetter(text[pos + 1]) && (start == 0 || text[start - 1] != '/')
            && (pos + 2 == text.Length || (!char.IsLetterOrDigit(text[pos + 2]) && text[pos + 2] != '/')))
        {
            // Slash abbreviations of two single letters ("b/c", "w/o", "n/a") are one word.
            tokens.Add(new Token(new TextSpan(start, pos + 2), TokenType.Word));
            return pos + 2;
        }

        // One period after the word, or two ("Inc.." where the sentence's own period follows the
        // abbreviation's), but not an ellipsis.
        int periods = 0;
        while (pos + periods < text.Length && text[pos + periods] == '.' && periods < 3)
        {
            periods++;
        }

        if (periods is 1 or 2)
        {
            bool acronym = hasLetterDot && longestSegment <= 2 && !hasDigit;
            bool initial = word.Length == 1 && char.IsUpper(word[0]);
            if (acronym || initial || Abbreviations.Lookup(word) != AbbreviationKind.None)
            {
                tokens.Add(new Token(new TextSpan(start, pos + 1), TokenType.Word));
                return pos + 1;
            }
        }

        int split = hasApostrophe ? ContractionSplit(word) : word.Equals("cannot", StringComparison.OrdinalIgnoreCase) ? 3 : -1;
        if (split > 0)
        {
            tokens.Add(new Token(new TextSpan(start, start + split), TokenType.Word));
            tokens.Add(new Token(new TextSpan(start + split, pos), TokenType.Word));
        }
        else
        {
            tokens.Add(new Token(new TextSpan(start, pos), TokenType.Word));
        }

        return pos;
    }

    /// <summary>
    /// Where the unit starts in a word of ASCII digits followed by lower-case Latin letters
    /// ("375mm", "3pm"); -1 for other words, ordinals ("4th") and plurals ("1990s").
    /// </summary>
    private static int UnitStart(ReadOnlySpan<char> word)
    {
        int digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits == word.Length || word[digits..].ContainsAnyExcept(CharClasses.AsciiLower))
        {
            return -1;
        }

        ReadOnlySpan<char> suffix = word[digits..];
        return suffix is "st" or "nd" or "rd" or "th" or "s" ? -1 : digits;
    }

    /// <summary>
    /// An ASCII emoticon at <paramref name="start"/> (":)", ";-)", ":D", ":P", "&lt;3"): eyes, an
    /// optional nose and a mouth, not followed by a letter or digit; its end or -1.
    /// </summary>
    private static int ScanEmoticon(ReadOnlySpan<char> text, int start)
    {
        char c = text[start];
        int end;
        if (c == '<' && start + 1 < text.Length && text[start + 1] == '3')
        {
            end = start + 2;
        }
        else if (c is ':' or ';' or '=')
        {
            int mouth = start + 1;
            if (mouth < text.Length && text[mouth] is '-' or '\'' or '^' or 'o')
            {
                mouth++;
            }

            if (mouth >= text.Length || !CharClasses.EmoticonMouths.Contains(text[mouth]))
            {
                return -1;
            }

            // A letter mouth needs a space before the eyes: "Re:Pablo", "Note:D" are not faces.
            if (char.IsAsciiLetter(text[mouth]) && start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                return -1;
            }

            end = mouth + 1;
        }
        else
        {
            return -1;
        }

        return end == text.Length || !char.IsLetterOrDigit(text[end]) ? end : -1;
    }

    /// <summary>Whether the letters at <paramref name="start"/> are a whole hyphen suffix ("wise" in "clock-wise").</summary>
    private static bool IsHyphenSuffixAt(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        while (end < text.Length && end - start <= 8 && CharClasses.KindAt(text, end, out int length) is WordCharKind.Letter or WordCharKind.Mark)
        {
            end += length;
        }

        bool wordEnds = end == text.Length || CharClasses.KindAt(text, end, out _) is not (WordCharKind.Letter or WordCharKind.Digit or WordCharKind.Mark);
        return wordEnds && HyphenAffixes.IsSuffix(text[start..end]);
    }

    /// <summary>
    /// A telephone number in the North American groups "555-0123" or "212-555-0123" at
    /// <paramref name="start"/>: its end, or -1. Other digit groups joined by hyphens are ranges
    /// ("2020-2021", "10-15") and split.
    /// </summary>
    private static int ScanPhoneNumber(ReadOnlySpan<char> text, int start)
    {
        Span<int> groups = stackalloc int[3];
        int count = 0;
        int pos = start;
        while (count < groups.Length)
        {
            int digitsStart = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            groups[count++] = pos - digitsStart;
            if (pos + 1 < text.Length && text[pos] == '-' && char.IsAsciiDigit(text[pos + 1]) && count < groups.Length)
            {
                pos++;
                continue;
            }

            break;
        }

        if (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] is '-' or '_'))
        {
            return -1;
        }

        bool local = count == 2 && groups[0] == 3 && groups[1] == 4;
        bool full = count == 3 && groups[0] == 3 && groups[1] == 3 && groups[2] == 4;
        return local || full ? pos : -1;
    }

    /// <summary>
    /// Where an English clitic starts, spaCy/UD style ("do|n't", "it|'s", "we|'ll"); -1 if none.
    /// Other apostrophe words ("O'Brien", "l'homme") stay whole.
    /// </summary>
    private static int ContractionSplit(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        if (n >= 4 && CharClasses.Apostrophes.Contains(word[n - 2]) && (word[n - 3] | 0x20) == 'n' && (word[n - 1] | 0x20) == 't')
        {
            return n - 3;
        }

        if (n >= 3 && CharClasses.Apostrophes.Contains(word[n - 2]) && (word[n - 1] | 0x20) is 's' or 'm' or 'd')
        {
            return n - 2;
        }

        if (n >= 4 && CharClasses.Apostrophes.Contains(word[n - 3]))
        {
            char a = (char)(word[n - 2] | 0x20);
            char b = (char)(word[n - 1] | 0x20);
            if ((a, b) is ('r', 'e') or ('v', 'e') or ('l', 'l'))
            {
                return n - 3;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a generic top-level domain, in any case, starts at <paramref name="start"/> and ends
    /// the word there ("Com" in "Newsfeed.Com"): a capitalized domain, not a sentence run on.
    /// </summary>
    private static bool IsCommonTopLevelDomainAt(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        if (end < text.Length && CharClasses.KindAt(text, end, out _) is WordCharKind.Letter or WordCharKind.Digit or WordCharKind.Mark)
        {
            return false;
        }

        ReadOnlySpan<char> label = text[start..end];
        return label.Equals("com", StringComparison.OrdinalIgnoreCase) || label.Equals("net", StringComparison.OrdinalIgnoreCase)
            || label.Equals("org", StringComparison.OrdinalIgnoreCase) || label.Equals("edu", StringComparison.OrdinalIgnoreCase)
            || label.Equals("gov", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A URL starting at <paramref name="start"/> ("http(s)://…", "www.…"); its end or -1.</summary>
    private static int ScanUrl(ReadOnlySpan<char> text, int start)
    {
        char c = text[start];
        if (c is not ('h' or 'H' or 'w' or 'W' or 'f' or 'F'))
        {
            return -1;
        }

        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return -1;
        }

        ReadOnlySpan<char> rest = text[start..];
        int body;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            body = start + 8;
        }
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            body = start + 7;
        }
        else if (rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        {
            body = start + 6;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && char.IsLetterOrDigit(rest[4]))
        {
            body = start + 4;
        }
        else
        {
            return -1;
        }

        int end = body;
        while (end < text.Length)
        {
            char u = text[end];
            if (char.IsWhiteSpace(u) || CharClasses.UrlStop.Contains(u)
                || (u >= 0x80 && !char.IsLetterOrDigit(u) && CharClasses.KindAt(text, end, out _) != WordCharKind.Mark))
            {
                break;
            }

            end++;
        }

        // Sentence punctuation right after a URL is not part of it; a closing parenthesis is,
        // when the URL opened one ("…/Foo_(bar)").
        while (end > body && CharClasses.UrlTrailing.Contains(text[end - 1]))
        {
            if (text[end - 1] == ')' && text[start..end].Count('(') >= text[start..end].Count(')'))
            {
                break;
            }

            end--;
        }

        return end > body ? end : -1;
    }

    /// <summary>An e-mail address starting at <paramref name="start"/>; its end or -1.</summary>
    private static int ScanEmail(ReadOnlySpan<char> text, int start, out int localEnd)
    {
        localEnd = start;
        if (!char.IsAsciiLetterOrDigit(text[start]))
        {
            return -1;
        }

        int at = start;
        while (at < text.Length && CharClasses.EmailLocal.Contains(text[at]))
        {
            at++;
        }

        localEnd = at;

        // Mailing-list archives hide the end of the local part behind "..." ("jo...@example.com").
        bool hidden = at - start > 3 && text[(at - 3)..at] is "..." && text[at - 4] != '.';
        if (at >= text.Length || text[at] != '@' || (text[at - 1] == '.' && !hidden))
        {
            return -1;
        }

        int domainStart = at + 1;
        int end = domainStart;
        while (end < text.Length && CharClasses.EmailDomain.Contains(text[end]))
        {
            end++;
        }

        while (end > domainStart && text[end - 1] is '.' or '-')
        {
            end--;
        }

        ReadOnlySpan<char> domain = text[domainStart..end];
        int lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain.Length - lastDot - 1 < 2 || domain.Contains("..", StringComparison.Ordinal) || domain[0] is '.' or '-')
        {
            return -1;
        }

        foreach (char t in domain[(lastDot + 1)..])
        {
            if (!char.IsAsciiLetter(t))
            {
                return -1;
            }
        }

        return end;
    }

    /// <summary>A hashtag or mention at <paramref name="start"/> (any script's letters); its end or -1.</summary>
    private static int ScanTag(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '&'))
        {
            return -1;
        }

        int end = start + 1;
        bool hasLetter = false;
        bool hasAlnum = false;
        while (end < text.Length)
        {
            WordCharKind kind = CharClasses.KindAt(text, end, out int length);
            if (kind is WordCharKind.Letter)
            {
                hasLetter = true;
                hasAlnum = true;
            }
            else if (kind is WordCharKind.Digit)
            {
                hasAlnum = true;
            }
            else if (kind is WordCharKind.Mark && end > start + 1)
            {
            }
            else if (kind is WordCharKind.Connector or WordCharKind.Joiner)
            {
                if (text[end] != '_' && !hasAlnum)
                {
                    break;
                }
            }
            else
            {
                break;
            }

            end += length;
        }

        // A hashtag needs a letter ("#1" is a sign and a number); a mention needs a letter or digit.
        bool valid = text[start] == '#' ? hasLetter : hasAlnum;
        return valid ? end : -1;
    }

    /// <summary>An emoji sequence at <paramref name="start"/>; its end or -1.</summary>
    private static int ScanEmoji(ReadOnlySpan<char> text, int start, Rune rune, int length)
    {
        int cp = rune.Value;
        int end = start + length;
        if (cp is (>= '0' and <= '9') or '#' or '*')
        {
            // Keycap: digit, optional VS16, U+20E3.
            int k = end;
            if (k < text.Length && text[k] == '\uFE0F')
            {
                k++;
            }

            if (k < text.Length && text[k] == '\u20E3')
            {
                return k + 1;
            }

            return -1;
        }

        if (CharClasses.IsRegionalIndicator(cp))
        {
            if (end < text.Length && CharClasses.TryRuneAt(text, end, out Rune second, out int secondLength)
                && CharClasses.IsRegionalIndicator(second.Value))
            {
                end += secondLength;
            }

            return end;
        }

        if (!CharClasses.IsEmojiBase(cp))
        {
            // Text-default symbols become emoji with VS16 ("©️", "↔️").
            bool symbol = Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol
                or UnicodeCategory.OtherPunctuation;
            if (!symbol || end >= text.Length || text[end] != '\uFE0F')
            {
                return -1;
            }
        }

        while (end < text.Length)
        {
            char c = text[end];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                end++;
                continue;
            }

            if (!CharClasses.TryRuneAt(text, end, out Rune next, out int nextLength))
            {
                break;
            }

            if (CharClasses.IsSkinTone(next.Value) || CharClasses.IsTag(next.Value))
            {
                end += nextLength;
                continue;
            }

            if (c == '\u200D' && end + 1 < text.Length
                && CharClasses.TryRuneAt(text, end + 1, out Rune joined, out int joinedLength)
                && (CharClasses.IsEmojiBase(joined.Value)
                    || (end + 1 + joinedLength < text.Length && text[end + 1 + joinedLength] == '\uFE0F')))
            {
                end += 1 + joinedLength;
                continue;
            }

            break;
        }

        return end;
    }

    /// <summary>Punctuation, symbols and anything else: one token per character, except runs of one repeated character ("...", "!!!").</summary>
    private static int ScanOther(ReadOnlySpan<char> text, int start, char c, UnicodeCategory category, int length, out TokenType type)
    {
        if (CharClasses.RunPunctuation.Contains(c))
        {
            // A run of one character is one token ("...", "$$$"); so is a mixed run of sentence
            // marks ("?!", "!?!?", "..?") or of line-drawing characters ("----==").
            SearchValues<char>? mixed = CharClasses.SentenceMarks.Contains(c) ? CharClasses.SentenceMarks
                : CharClasses.LineDrawing.Contains(c) ? CharClasses.LineDrawing
                : null;
            int end = start + 1;
            while (end < text.Length && (text[end] == c || (mixed is not null && mixed.Contains(text[end]))))
            {
                end++;
            }

            type = category is UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.CurrencySymbol
                ? TokenType.Symbol
                : TokenType.Punctuation;
            return end;
        }

        type = category switch
        {
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => TokenType.Punctuation,
            UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber => TokenType.Number,
            _ => TokenType.Symbol,
        };
        return start + length;
    }

    /// <summary>Combining marks after a non-word token stay with it (a mark never starts a token unless orphaned).</summary>
    private static int SkipMarks(ReadOnlySpan<char> text, int end)
    {
        while (end < text.Length && CharClasses.IsMarkAt(text, end, out int length))
        {
            end += length;
        }

        return end;
    }
}
