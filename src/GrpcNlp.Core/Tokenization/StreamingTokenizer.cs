using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tokenization;

/// <summary>
/// Tokenizes a text arriving in chunks cut anywhere; holds back only the unfinished tail.
/// Concatenated output equals the unary tokenization of the concatenated input.
/// </summary>
/// <remarks>
/// <para>
/// The tokenizer holds back the text from the start of the first unfinished sentence. A token is
/// final once whitespace follows it (no token crosses whitespace and no tokenizer decision looks
/// across it); a sentence is final once the first <see cref="SentenceSegmenter.Lookahead"/> tokens
/// of the next sentence are final (the segmenter decides a boundary from the next token). Each
/// push re-tokenizes only the held-back tail; a chunk without whitespace cannot finish anything,
/// so it is only appended.
/// </para>
/// <para>
/// Memory is bounded by one sentence (at most <see cref="SentenceSegmenter.MaxSentenceTokens"/>
/// tokens, a cut the unary segmenter makes too) plus the lookahead; a single run without
/// whitespace is held whole until it ends, so callers bound the stream's total size.
/// Whitespace before the first unfinished token is released at once. Not thread-safe: one
/// instance per stream.
/// </para>
/// </remarks>
public sealed class StreamingTokenizer
{
    private readonly string _language;
    private readonly SentenceRules _rules;
    private readonly List<Token> _tokens = [];
    private readonly List<Sentence> _sentences = [];
    private char[] _buffer = new char[256];
    private int _length;

    // 1 when _buffer[0] is the last character already consumed, kept as look-behind context.
    private int _context;
    private int _tokenBase;
    private bool _finished;

    /// <summary>Creates a streaming tokenizer for a language (BCP-47; "" to detect).</summary>
    /// <param name="language">The language tag passed to the sentence segmenter.</param>
    public StreamingTokenizer(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        _language = language;
        _rules = SentenceRules.For(language);
    }

    /// <summary>The language tag this tokenizer was created with.</summary>
    public string Language => _language;

    /// <summary>Adds a chunk; returns what became final. With <paramref name="isFinalBlock"/> everything is flushed.</summary>
    /// <param name="chunk">The next piece of the text, cut anywhere (even inside a surrogate pair).</param>
    /// <param name="isFinalBlock">Whether this is the last chunk of the text.</param>
    /// <returns>The consumed original piece and its final tokens and sentences.</returns>
    /// <exception cref="InvalidOperationException">When called after the final block.</exception>
    public TokenChunk Push(ReadOnlySpan<char> chunk, bool isFinalBlock)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The stream has already been completed with a final block.");
        }

        Append(chunk);
        _finished = isFinalBlock;
        if (!isFinalBlock && !ContainsWhiteSpace(chunk))
        {
            return Empty;
        }

        ReadOnlySpan<char> pending = _buffer.AsSpan(0, _length);
        _tokens.Clear();
        _sentences.Clear();
        WordTokenizer.Tokenize(pending, _context, _tokens);
        SentenceSegmenter.Segment(pending, _tokens, _rules, _sentences);

        int sentenceCount;
        int consumed;
        if (isFinalBlock)
        {
            sentenceCount = _sentences.Count;
            consumed = _length;
        }
        else
        {
            int lastWhiteSpace = LastWhiteSpace(pending);
            int stable = 0;
            while (stable < _tokens.Count && _tokens[stable].Span.End <= lastWhiteSpace)
            {
                stable++;
            }

            sentenceCount = 0;
            while (sentenceCount + 1 < _sentences.Count
                && _sentences[sentenceCount + 1].FirstToken + SentenceSegmenter.Lookahead <= stable)
            {
                sentenceCount++;
            }

            consumed = sentenceCount == 0 ? _context : _sentences[sentenceCount - 1].Span.End;
            int tokensEmitted = sentenceCount == 0 ? 0 : _sentences[sentenceCount - 1].FirstToken + _sentences[sentenceCount - 1].TokenCount;
            int nextTokenStart = tokensEmitted < _tokens.Count ? _tokens[tokensEmitted].Span.Start : int.MaxValue;

            // Whitespace before the next unfinished token can never become part of a token.
            consumed = Math.Max(consumed, Math.Min(nextTokenStart, lastWhiteSpace + 1));
        }

        return Emit(sentenceCount, consumed);
    }

    private static TokenChunk Empty { get; } = new(string.Empty, [], []);

    private TokenChunk Emit(int sentenceCount, int consumed)
    {
        int tokenCount = sentenceCount == 0 ? 0 : _sentences[sentenceCount - 1].FirstToken + _sentences[sentenceCount - 1].TokenCount;
        int offset = _context;
        var tokens = new Token[tokenCount];
        for (int i = 0; i < tokens.Length; i++)
        {
            Token token = _tokens[i];
            tokens[i] = token with { Span = new TextSpan(token.Span.Start - offset, token.Span.End - offset) };
        }

        var sentences = new Sentence[sentenceCount];
        for (int i = 0; i < sentences.Length; i++)
        {
            Sentence sentence = _sentences[i];
            sentences[i] = new Sentence(
                new TextSpan(sentence.Span.Start - offset, sentence.Span.End - offset),
                sentence.FirstToken + _tokenBase,
                sentence.TokenCount);
        }

        string original = consumed > offset ? new string(_buffer, offset, consumed - offset) : string.Empty;
        _tokenBase += tokenCount;

        // Keep the last consumed character as look-behind context for the next tokenization.
        if (consumed > 0)
        {
            int keepFrom = consumed - 1;
            Array.Copy(_buffer, keepFrom, _buffer, 0, _length - keepFrom);
            _length -= keepFrom;
            _context = 1;
        }

        return original.Length == 0 && tokens.Length == 0 ? Empty : new TokenChunk(original, tokens, sentences);
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        if (_length + chunk.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + chunk.Length));
        }

        chunk.CopyTo(_buffer.AsSpan(_length));
        _length += chunk.Length;
    }

    private static bool ContainsWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private int LastWhiteSpace(ReadOnlySpan<char> pending)
    {
        for (int i = pending.Length - 1; i >= _context; i--)
        {
            if (char.IsWhiteSpace(pending[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
