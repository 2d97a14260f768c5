namespace GrpcNlp.Core.Tokenization;

/// <summary>What the sentence rules make of a gap between two tokens, before any model looks at it.</summary>
internal enum RuleVerdict
{
    /// <summary>No terminator before the gap: the rules never end a sentence here.</summary>
    None,

    /// <summary>A terminator (with its closing quotes and brackets) before the gap, but a rule keeps the sentence going ("Dr. Smith", "etc. and").</summary>
    Keep,

    /// <summary>The rules end the sentence here.</summary>
    Split,
}

/// <summary>
/// The features the sentence boundary model scores a gap between two tokens by: the lower-cased
/// forms and shapes of the tokens either side of the gap (never before the current sentence's
/// first token, never more than <see cref="RightContext"/> tokens after the gap), the sentence's
/// first token, spacing, known abbreviations, the length of the sentence so far and, after a
/// terminator, the rules' verdict alone and with the tokens either side.
/// </summary>
/// <remarks>
/// Features are 64-bit hashes mixed from a template id and per-token hashes computed over spans
/// of the text, so that scoring allocates nothing. Looking no further left than the sentence
/// start and at most <see cref="RightContext"/> tokens right keeps the decisions within what
/// <see cref="StreamingTokenizer"/> holds back (<see cref="SentenceSegmenter.Lookahead"/>).
/// </remarks>
internal static class SentenceBoundaryFeatures
{
    /// <summary>Upper bound on the features of one gap.</summary>
    public const int MaxFeatures = 30;

    /// <summary>How many tokens after the gap the features read.</summary>
    public const int RightContext = 3;

    /// <summary>The longest prefix of a token's lower-cased form that its form hash covers.</summary>
    private const int MaxFormLength = 24;

    /// <summary>How many character-class runs a shape keeps ("Xx", "d/d/d", "X.X.").</summary>
    private const int MaxShapeRuns = 6;

    private const ulong Outside = 0x6A09E667F3BCC909UL;

    /// <summary>The feature every gap has: its weight is the model's bias.</summary>
    public static ulong Bias { get; } = Hash(1, 1);

    /// <summary>
    /// Whether the model decides a gap: where the rules end a sentence after a terminator (with
    /// its closing quotes and brackets; the verdict is a feature there, and the model may overrule
    /// it: "Jeopardy! and", "so good... The staff"), but not where a rule keeps the sentence going
    /// after one ("Dr. Smith", "\"Why?\" he asked": too few such gaps to learn exceptions from), and the gaps with no
    /// terminator before them except where a lower-case word follows a word or number that does
    /// not start with a capital ("the cat", "12 years"): the commonest gap by far and almost never
    /// a boundary. Skipping it keeps the cost per token low.
    /// </summary>
    public static bool IsCandidate(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int last, RuleVerdict verdict)
    {
        if (verdict != RuleVerdict.None)
        {
            return verdict == RuleVerdict.Split;
        }

        Token left = tokens[last];
        if (left.Span.End == tokens[last + 1].Span.Start)
        {
            return false;
        }

        char next = text[tokens[last + 1].Span.Start];
        return !(next is ',' or '.' or ';' or ':' or ')' or ']' or '}' or '!' or '?'
            || (char.IsLower(next) && left.Type is TokenType.Word or TokenType.Number && !char.IsUpper(text[left.Span.Start])));
    }

    /// <summary>
    /// Writes the features of the gap after token <paramref name="last"/> of the sentence that
    /// starts at token <paramref name="start"/> and returns how many there are.
    /// </summary>
    /// <param name="text">The text the tokens index.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="start">The first token of the current sentence.</param>
    /// <param name="last">The token before the gap.</param>
    /// <param name="verdict">What the rules make of the gap.</param>
    /// <param name="views">The token hashes computed so far for these tokens, reused across gaps.</param>
    /// <param name="features">Receives the features; at least <see cref="MaxFeatures"/> long.</param>
    public static int Extract(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int last, RuleVerdict verdict, TokenViews views, Span<ulong> features)
    {
        TokenView l2 = views.Get(text, tokens, start, last - 2);
        TokenView l1 = views.Get(text, tokens, start, last - 1);
        TokenView l0 = views.Get(text, tokens, start, last);
        TokenView r0 = views.Get(text, tokens, start, last + 1);
        TokenView r1 = views.Get(text, tokens, start, last + 2);
        TokenView r2 = views.Get(text, tokens, start, last + 3);
        TokenView first = views.Get(text, tokens, start, start);

        Token left = tokens[last];
        Token right = tokens[last + 1];
        ulong glued = left.Span.End == right.Span.Start ? 2UL : 1UL;
        ulong length = LengthBucket(last - start + 1);
        ulong abbreviation = IsAbbreviation(text, left) ? 2UL : 1UL;

        int n = 0;
        features[n++] = Bias;
        features[n++] = Hash(4, l0.Form);
        features[n++] = Hash(5, r0.Form);
        features[n++] = Hash(6, l0.Form, r0.Form);
        features[n++] = Hash(7, l0.Shape);
        features[n++] = Hash(8, r0.Shape);
        features[n++] = Hash(9, l0.Shape, r0.Shape);
        features[n++] = Hash(10, l0.Form, r0.Shape);
        features[n++] = Hash(11, l0.Shape, r0.Form);
        features[n++] = Hash(12, l1.Form, l0.Form);
        features[n++] = Hash(13, l1.Shape, l0.Shape, r0.Shape);
        features[n++] = Hash(14, r0.Form, r1.Shape);
        features[n++] = Hash(15, r0.Shape, r1.Shape, r2.Shape);
        features[n++] = Hash(16, l0.Shape, r0.Shape, r1.Shape);
        features[n++] = Hash(17, glued, l0.Shape, r0.Shape);
        features[n++] = Hash(18, length, r0.Shape);
        features[n++] = Hash(19, length);
        features[n++] = Hash(20, first.Form, r0.Shape);
        features[n++] = Hash(21, abbreviation, r0.Shape);
        features[n++] = Hash(22, (ulong)left.Type + 1, (ulong)right.Type + 1);
        features[n++] = Hash(23, l2.Shape, l1.Shape, l0.Shape);
        features[n++] = Hash(25, l1.Form, l0.Shape, r0.Shape);
        features[n++] = Hash(26, r0.Form, r1.Form);
        features[n++] = Hash(28, first.Shape, l0.Shape, r0.Shape);
        if (verdict != RuleVerdict.None)
        {
            // After a terminator: the verdict alone and with the tokens either side, so that the
            // model learns where the rules go wrong ("Jeopardy! and", "so good... The staff").
            ulong rule = (ulong)verdict;
            features[n++] = Hash(30, rule);
            features[n++] = Hash(31, rule, l0.Form);
            features[n++] = Hash(32, rule, r0.Shape);
            features[n++] = Hash(33, rule, l0.Shape, r0.Shape);
            features[n++] = Hash(34, rule, r0.Form);
            features[n++] = Hash(35, rule, l1.Form, l0.Form);
        }

        return n;
    }

    /// <summary>The lower-cased form and the shape of one token, each as a hash.</summary>
    internal readonly record struct TokenView(ulong Form, ulong Shape);

    /// <summary>
    /// The <see cref="TokenView"/>s of the last few tokens of one token list: consecutive gaps share
    /// most of their tokens, so each token is hashed about once. One instance per token list.
    /// </summary>
    internal sealed class TokenViews
    {
        // A power of two above the window (two tokens before a gap, three after, the sentence's first).
        private const int Size = 16;
        private readonly TokenView[] _views = new TokenView[Size];
        private readonly int[] _indices = [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1];

        /// <summary>The view of token <paramref name="index"/>, or a marker outside the sentence and the tokens.</summary>
        public TokenView Get(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int index)
        {
            if (index < start || index >= tokens.Count)
            {
                ulong marker = index < start ? Outside : ~Outside;
                return new TokenView(marker, marker);
            }

            int slot = index & (Size - 1);
            if (_indices[slot] != index)
            {
                ReadOnlySpan<char> surface = text[tokens[index].Span.Start..tokens[index].Span.End];
                _views[slot] = new TokenView(FormHash(surface), ShapeHash(surface));
                _indices[slot] = index;
            }

            return _views[slot];
        }
    }

    /// <summary>FNV-1a over the lower-cased characters (at most <see cref="MaxFormLength"/>).</summary>
    private static ulong FormHash(ReadOnlySpan<char> surface)
    {
        ulong hash = 14695981039346656037UL;
        int length = Math.Min(surface.Length, MaxFormLength);
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ char.ToLowerInvariant(surface[i])) * 1099511628211UL;
        }

        return (hash ^ (ulong)Math.Min(surface.Length, MaxFormLength + 1)) * 1099511628211UL;
    }

    /// <summary>
    /// The token's character classes with runs collapsed (upper X, lower x, digit d, other
    /// letters a, punctuation and symbols as themselves), a run of two or more marked apart
    /// from a single character: "Steffen" Xx, "PM" XX, "I" X, "08/16/2000" dd/dd/dd.
    /// </summary>
    private static ulong ShapeHash(ReadOnlySpan<char> surface)
    {
        ulong hash = 14695981039346656037UL;
        int runs = 0;
        char previous = '\0';
        bool repeated = false;
        foreach (char c in surface)
        {
            char cls = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'a' : c;
            if (cls == previous)
            {
                if (!repeated && (cls is 'X' or 'd'))
                {
                    hash = (hash ^ '+') * 1099511628211UL;
                }

                repeated = true;
                continue;
            }

            if (++runs > MaxShapeRuns)
            {
                hash = (hash ^ '~') * 1099511628211UL;
                break;
            }

            hash = (hash ^ cls) * 1099511628211UL;
            previous = cls;
            repeated = false;
        }

        return hash;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> text, Token token)
    {
        ReadOnlySpan<char> surface = text[token.Span.Start..token.Span.End];
        return token.Type == TokenType.Word && surface.Length > 1 && surface[^1] == '.'
            && Abbreviations.Lookup(surface[..^1]) != AbbreviationKind.None;
    }

    private static ulong LengthBucket(int tokens) => tokens switch
    {
        <= 3 => (ulong)tokens,
        <= 5 => 4,
        <= 10 => 5,
        <= 20 => 6,
        _ => 7,
    };

    private static ulong Hash(int template, ulong a) => Mix(Mix(0x9E3779B97F4A7C15UL * (ulong)template, a), 0);

    private static ulong Hash(int template, ulong a, ulong b) => Mix(Mix(0x9E3779B97F4A7C15UL * (ulong)template, a), b);

    private static ulong Hash(int template, ulong a, ulong b, ulong c) => Mix(Hash(template, a, b), c);

    /// <summary>Combines two 64-bit values (the finalizer of MurmurHash3 over the xor-shifted sum).</summary>
    private static ulong Mix(ulong hash, ulong value)
    {
        ulong h = hash ^ (value + 0x9E3779B97F4A7C15UL + (hash << 6) + (hash >> 2));
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
