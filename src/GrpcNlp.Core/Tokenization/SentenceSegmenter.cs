using System.Buffers;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tokenization;

/// <summary>Groups tokens into sentences.</summary>
/// <remarks>
/// <para>
/// A sentence ends after a terminator token (. ! ? ؟ … and dot runs) together with the
/// terminators and closing quotes or brackets that follow it, and before any token preceded by
/// a line break. No sentence ends after an abbreviation or initial ("Dr.", "J.", "U.S."), after a
/// single letter followed by a period ("د. ب. أ."), before a comma, colon or semicolon, after a
/// number that starts the sentence ("1." in a list), at dots between brackets ("( ... )"), or at an
/// ellipsis glued to the next word ("wait...what"). "etc." and similar end a sentence only when the
/// next token starts with an upper-case letter. The Arabic semicolon ؛ never ends a sentence: news
/// text uses it between clauses. A news agency byline in brackets ("(د ب أ)", "(AFP)") after the
/// last sentence of a story, before a line break or the end of the text, belongs to that sentence.
/// Links listed one after another (a URL, a space, another URL) are each a sentence.
/// A sentence longer than <see cref="MaxSentenceTokens"/> tokens is cut, so that memory stays
/// bounded when streaming.
/// </para>
/// <para>
/// A lower-case word after a terminator continues the sentence, except in English
/// (<see cref="SentenceRules"/>), where informal text starts sentences in lower case ("see you.
/// call me"). Each decision looks at the sentence so far and at most <see cref="Lookahead"/> tokens
/// after the boundary, and the segmenter keeps no state across a boundary:
/// <see cref="StreamingTokenizer"/> relies on both. See docs/tokenization.md.
/// </para>
/// <para>
/// English also has a trained <see cref="SentenceBoundaryModel"/> for the gaps with no terminator
/// before them, where the rules never end a sentence but e-mail headers, sign-offs, titles and
/// list items do ("Anna Berg 03/14/2002 10:05 AM Please send"); after a terminator the rules
/// decide. The model keeps to the same window (docs/evaluation.md).
/// </para>
/// </remarks>
public sealed class SentenceSegmenter
{
    /// <summary>The longest sentence, in tokens; a longer run of tokens is cut into sentences of this size.</summary>
    public const int MaxSentenceTokens = 2048;

    /// <summary>
    /// How many tokens past a boundary the segmenter may look at to decide it: a byline
    /// ("(د ب أ)", "(AFP)") is an opening bracket, at most <see cref="MaxBylineWords"/> words, a
    /// closing bracket and the token after it.
    /// </summary>
    internal const int Lookahead = MaxBylineWords + 3;

    /// <summary>The most words between the brackets of a news agency byline.</summary>
    private const int MaxBylineWords = 4;

    private static readonly SearchValues<char> s_terminators = SearchValues.Create(".!?؟…‼⁉。！？।॥۔");
    private static readonly SearchValues<char> s_closers = SearchValues.Create(")]}”»›’〉」』）］");
    private static readonly SearchValues<char> s_ambiguousQuotes = SearchValues.Create("\"'");

    /// <summary>Segments the tokens of <paramref name="text"/> into sentences that cover every token.</summary>
    /// <param name="text">The text the tokens index.</param>
    /// <param name="tokens">Its tokens in order, as <see cref="WordTokenizer"/> produces them.</param>
    /// <param name="language">A BCP-47 language tag, or empty.</param>
    /// <returns>Sentences in text order; every token belongs to exactly one.</returns>
    public IReadOnlyList<Sentence> Segment(string text, IReadOnlyList<Token> tokens, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        Segment(text, tokens, SentenceRules.For(language), sentences);
        return sentences;
    }

    /// <summary>Appends the sentences of <paramref name="tokens"/> (spans relative to <paramref name="text"/>).</summary>
    internal static void Segment(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, SentenceRules rules, List<Sentence> sentences)
    {
        if (rules.BoundaryModel is { } model)
        {
            Segment(text, tokens, rules, new ModelDecider(model, new SentenceBoundaryFeatures.TokenViews()), sentences);
        }
        else
        {
            Segment(text, tokens, rules, default(RulesDecider), sentences);
        }
    }

    /// <summary>
    /// Appends the sentences of <paramref name="tokens"/>, asking <paramref name="decider"/> at
    /// every gap that is not a line break, a cut at <see cref="MaxSentenceTokens"/> or inside a
    /// run of terminators and closers, whether a sentence ends there, given the rules' verdict.
    /// </summary>
    internal static void Segment<TDecider>(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, SentenceRules rules, TDecider decider, List<Sentence> sentences)
        where TDecider : IBoundaryDecider
    {
        int count = tokens.Count;
        int start = 0;
        int i = 0;
        while (i < count)
        {
            if (i > start && (i - start >= MaxSentenceTokens || LineBreakBetween(text, tokens[i - 1], tokens[i])))
            {
                Add(tokens, start, i, sentences);
                start = i;
            }

            int next = i + 1;
            RuleVerdict verdict = RuleVerdict.None;

            // Most tokens are words: each rule below looks at its own kind of token only.
            Token current = tokens[i];
            if ((current.Type == TokenType.Punctuation && IsFormulaComma(text, tokens, rules, start, i))
                || (current.Type == TokenType.Emoji && IsEmoticonEnd(text, tokens, start, i))
                || (current.Type == TokenType.Url && IsListedUrl(tokens, i)))
            {
                verdict = RuleVerdict.Split;
            }
            else if (IsTerminator(text, current) && !IsElision(text, tokens, start, i))
            {
                while (next < count && next - start < MaxSentenceTokens && !LineBreakBetween(text, tokens[next - 1], tokens[next]))
                {
                    Token candidate = tokens[next];
                    if (candidate.Type == TokenType.Punctuation && candidate.Span.Length >= 1)
                    {
                        char c = text[candidate.Span.Start];
                        bool adjacent = candidate.Span.Start == tokens[next - 1].Span.End;
                        if (s_terminators.Contains(c) || s_closers.Contains(c) || (adjacent && s_ambiguousQuotes.Contains(c)))
                        {
                            next++;
                            continue;
                        }
                    }

                    break;
                }

                verdict = RuleVerdict.Keep;
                if (EndsSentence(text, tokens, rules, start, i, next))
                {
                    verdict = RuleVerdict.Split;

                    // A news agency byline after the last sentence of a story belongs to it.
                    if (BylineEnd(text, tokens, next) is int bylineEnd and > 0)
                    {
                        next = bylineEnd;
                    }
                }
            }

            // Line breaks and the length cut end sentences whatever the decider says (above).
            if (next < count && next - start < MaxSentenceTokens && !LineBreakBetween(text, tokens[next - 1], tokens[next])
                && decider.EndsSentence(text, tokens, start, next - 1, verdict))
            {
                Add(tokens, start, next, sentences);
                start = next;
            }

            i = next;
        }

        if (start < count)
        {
            Add(tokens, start, count, sentences);
        }
    }

    private static bool EndsSentence(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, SentenceRules rules, int start, int terminator, int next)
    {
        if (next >= tokens.Count)
        {
            return true;
        }

        Token term = tokens[terminator];
        ReadOnlySpan<char> following = text[tokens[next].Span.Start..tokens[next].Span.End];
        if (term.Type == TokenType.Word)
        {
            // "etc.", "Inc.": only before a capitalized word.
            return char.IsUpper(following[0]);
        }

        if (LineBreakBetween(text, tokens[next - 1], tokens[next]))
        {
            return true;
        }

        if (following[0] is ',' or ';' or ':' or '،')
        {
            return false;
        }

        // A lower-case word after a full stop, question or exclamation mark starts a sentence in
        // informal English ("see you. call me"); elsewhere, and after an ellipsis or a closing
        // quote ("\"Why?\" he asked"), it continues the sentence.
        bool glued = tokens[next].Span.Start == tokens[next - 1].Span.End;
        if (char.IsLower(following[0])
            && !(rules.LowerCaseMayStartSentence && next == terminator + 1 && !glued && !IsEllipsis(text, term)))
        {
            return false;
        }

        // "wait...what": an ellipsis glued to the next word continues the sentence.
        if (glued && next == terminator + 1 && IsEllipsis(text, term))
        {
            return false;
        }

        // "name...@example.com": a mention glued to the terminator continues the text.
        if (tokens[next].Span.Start == tokens[next - 1].Span.End && tokens[next].Type is TokenType.Mention)
        {
            return false;
        }

        if (text[term.Span.Start] == '.' && terminator > start && tokens[terminator - 1].Span.End == term.Span.Start)
        {
            Token before = tokens[terminator - 1];
            // "1." opening a list item; a single letter and a period ("د. ب. أ.", "Section a.").
            if (before.Type == TokenType.Number && terminator - 1 == start)
            {
                return false;
            }

            if (before.Type == TokenType.Word && IsSingleLetter(text[before.Span.Start..before.Span.End]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The end of a news agency byline starting at <paramref name="open"/>: an opening bracket, one
    /// to <see cref="MaxBylineWords"/> words ("د ب أ", "AFP", "رويترز") and a closing bracket,
    /// followed by the end of the text or a line break; -1 otherwise.
    /// </summary>
    private static int BylineEnd(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int open)
    {
        if (open >= tokens.Count || tokens[open].Type != TokenType.Punctuation || text[tokens[open].Span.Start] != '(')
        {
            return -1;
        }

        int close = open + 1;
        while (close < tokens.Count && close - open <= MaxBylineWords && tokens[close].Type == TokenType.Word
            && !LineBreakBetween(text, tokens[close - 1], tokens[close]))
        {
            close++;
        }

        if (close == open + 1 || close >= tokens.Count || close - open > MaxBylineWords + 1
            || tokens[close].Type != TokenType.Punctuation || text[tokens[close].Span.Start] != ')'
            || LineBreakBetween(text, tokens[close - 1], tokens[close]))
        {
            return -1;
        }

        bool ends = close + 1 == tokens.Count || LineBreakBetween(text, tokens[close], tokens[close + 1]);
        return ends ? close + 1 : -1;
    }

    /// <summary>
    /// Whether the comma at <paramref name="comma"/> closes a letter's salutation or closing that
    /// opens the sentence ("Thanks, Anna", "Best regards, Sam") and a capitalized word follows.
    /// </summary>
    private static bool IsFormulaComma(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, SentenceRules rules, int start, int comma)
    {
        if (comma == start || comma - start > 3 || comma + 1 >= tokens.Count
            || tokens[comma].Type != TokenType.Punctuation || text[tokens[comma].Span.Start] != ','
            || !char.IsUpper(text[tokens[comma + 1].Span.Start]))
        {
            return false;
        }

        Span<char> words = stackalloc char[32];
        int length = 0;
        for (int k = start; k < comma; k++)
        {
            Token word = tokens[k];
            if (word.Type != TokenType.Word || length + word.Span.Length + 1 > words.Length)
            {
                return false;
            }

            if (length > 0)
            {
                words[length++] = ' ';
            }

            text[word.Span.Start..word.Span.End].CopyTo(words[length..]);
            length += word.Span.Length;
        }

        return rules.IsLetterFormula(words[..length]);
    }

    /// <summary>
    /// Whether the ASCII emoticon at <paramref name="index"/> ends a sentence: it follows a word and
    /// a capitalized word follows it ("Loved it :) The staff").
    /// </summary>
    private static bool IsEmoticonEnd(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int index)
    {
        Token token = tokens[index];
        return token.Type == TokenType.Emoji && text[token.Span.Start] < 0x80 && index > start && index + 1 < tokens.Count
            && tokens[index - 1].Type == TokenType.Word && char.IsUpper(text[tokens[index + 1].Span.Start]);
    }

    /// <summary>
    /// Whether the URL at <paramref name="index"/> is followed, after a space, by another: links
    /// listed one after another are items of a list, each its own sentence.
    /// </summary>
    private static bool IsListedUrl(IReadOnlyList<Token> tokens, int index) =>
        tokens[index].Type == TokenType.Url && index + 1 < tokens.Count && tokens[index + 1].Type == TokenType.Url
        && tokens[index + 1].Span.Start > tokens[index].Span.End;

    /// <summary>Dots between brackets mark an elision ("( ... )", "[. . .]"), not a sentence end.</summary>
    private static bool IsElision(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int terminator)
    {
        int open = terminator - 1;
        while (open >= start && IsDots(text, tokens[open]))
        {
            open--;
        }

        int close = terminator + 1;
        while (close < tokens.Count && close - terminator < Lookahead && IsDots(text, tokens[close]))
        {
            close++;
        }

        return open >= start && close < tokens.Count && close - terminator < Lookahead
            && tokens[open].Type == TokenType.Punctuation && text[tokens[open].Span.Start] is '(' or '['
            && tokens[close].Type == TokenType.Punctuation && text[tokens[close].Span.Start] is ')' or ']';
    }

    private static bool IsDots(ReadOnlySpan<char> text, Token token) =>
        token.Type == TokenType.Punctuation && text[token.Span.Start] is '.' or '…';

    private static bool IsEllipsis(ReadOnlySpan<char> text, Token token) =>
        token.Type == TokenType.Punctuation && (text[token.Span.Start] == '…' || text[token.Span.Start..token.Span.End].StartsWith(".."));

    private static bool IsTerminator(ReadOnlySpan<char> text, Token token)
    {
        ReadOnlySpan<char> surface = text[token.Span.Start..token.Span.End];
        if (token.Type == TokenType.Punctuation)
        {
            return s_terminators.Contains(surface[0]);
        }

        return token.Type == TokenType.Word && surface.Length > 1 && surface[^1] == '.'
            && Abbreviations.Lookup(surface[..^1]) == AbbreviationKind.Terminal;
    }

    private static bool IsSingleLetter(ReadOnlySpan<char> word)
    {
        int letters = 0;
        for (int i = 0; i < word.Length; i++)
        {
            WordCharKind kind = CharClasses.KindAt(word, i, out int length);
            if (kind == WordCharKind.Letter)
            {
                letters++;
            }
            else if (kind != WordCharKind.Mark)
            {
                return false;
            }

            i += length - 1;
        }

        return letters == 1;
    }

    private static bool LineBreakBetween(ReadOnlySpan<char> text, Token before, Token after) =>
        text[before.Span.End..after.Span.Start].ContainsAny(CharClasses.LineBreaks);

    private static void Add(IReadOnlyList<Token> tokens, int first, int end, List<Sentence> sentences) =>
        sentences.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[end - 1].Span.End), first, end - first));

    /// <summary>Decides each gap by the rules alone.</summary>
    private readonly struct RulesDecider : IBoundaryDecider
    {
        public bool EndsSentence(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int last, RuleVerdict verdict) =>
            verdict == RuleVerdict.Split;
    }

    /// <summary>Decides each gap by a trained model, which sees the rules' verdict as one feature.</summary>
    private readonly struct ModelDecider(SentenceBoundaryModel model, SentenceBoundaryFeatures.TokenViews views) : IBoundaryDecider
    {
        public bool EndsSentence(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int last, RuleVerdict verdict) =>
            model.EndsSentence(text, tokens, start, last, verdict, views);
    }
}
