using System.Buffers;
using System.Runtime.InteropServices;
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
/// instance per stream. The text buffer comes from the shared array pool: dispose the
/// tokenizer at the end of the stream to return it.
/// </para>
/// </remarks>
public sealed class StreamingTokenizer : IDisposable
{
    // The whitespace of char.IsWhiteSpace, for a vectorized search of a whole chunk.
    private static readonly SearchValues<char> s_whiteSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)]);

    private readonly string _language;
    private readonly SentenceRules _rules;
    private readonly List<Token> _tokens = [];
    private readonly List<Sentence> _sentences = [];
    private char[] _buffer = [];
    private int _length;

    // Chars before this index belong to the piece handed out by the last push (all but the
    // look-behind char); they are dropped at the next push, so the piece stays readable until then.
    private int _dropBefore;
    private bool _disposed;

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
        TokenPiece piece = PushPiece(chunk, isFinalBlock);
        return piece.IsEmpty ? Empty : new TokenChunk(piece.Original.ToString(), piece.Tokens.ToArray(), piece.Sentences.ToArray());
    }

    /// <summary>
    /// Adds a chunk; returns what became final as spans over this tokenizer's buffers, valid
    /// until the next push (no string or array per piece). With <paramref name="isFinalBlock"/>
    /// everything is flushed. The pieces are the ones <see cref="Push"/> returns.
    /// </summary>
    /// <param name="chunk">The next piece of the text, cut anywhere (even inside a surrogate pair).</param>
    /// <param name="isFinalBlock">Whether this is the last chunk of the text.</param>
    /// <returns>The consumed original piece and its final tokens and sentences.</returns>
    /// <exception cref="InvalidOperationException">When called after the final block.</exception>
    public TokenPiece PushPiece(ReadOnlySpan<char> chunk, bool isFinalBlock)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The stream has already been completed with a final block.");
        }

        DropHandedOut();
        Append(chunk);
        _finished = isFinalBlock;
        _tokens.Clear();
        _sentences.Clear();
        if (!isFinalBlock && !chunk.ContainsAny(s_whiteSpace))
        {
            return default;
        }

        ReadOnlySpan<char> pending = _buffer.AsSpan(0, _length);
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

    /// <summary>Returns the text buffer to the pool; the last piece handed out is no longer readable.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
        }

        _buffer = [];
        _length = 0;
        _dropBefore = 0;
    }

    private static TokenChunk Empty { get; } = new(string.Empty, [], []);

    /// <summary>
    /// The final tokens and sentences, shifted in place to be local to the consumed piece (the
    /// lists are rebuilt at the next push), and the piece itself over the buffer.
    /// </summary>
    private TokenPiece Emit(int sentenceCount, int consumed)
    {
        int tokenCount = sentenceCount == 0 ? 0 : _sentences[sentenceCount - 1].FirstToken + _sentences[sentenceCount - 1].TokenCount;
        int offset = _context;
        Span<Token> tokens = CollectionsMarshal.AsSpan(_tokens)[..tokenCount];
        for (int i = 0; i < tokens.Length; i++)
        {
            Token token = tokens[i];
            tokens[i] = token with { Span = new TextSpan(token.Span.Start - offset, token.Span.End - offset) };
        }

        Span<Sentence> sentences = CollectionsMarshal.AsSpan(_sentences)[..sentenceCount];
        for (int i = 0; i < sentences.Length; i++)
        {
            Sentence sentence = sentences[i];
            sentences[i] = new Sentence(
                new TextSpan(sentence.Span.Start - offset, sentence.Span.End - offset),
                sentence.FirstToken + _tokenBase,
                sentence.TokenCount);
        }

        ReadOnlySpan<char> original = consumed > offset ? _buffer.AsSpan(offset, consumed - offset) : [];
        _tokenBase += tokenCount;

        // Keep the last consumed character as look-behind context for the next tokenization.
        if (consumed > 0)
        {
            _dropBefore = consumed - 1;
            _context = 1;
        }

        return new TokenPiece(original, tokens, sentences);
    }

    /// <summary>Forgets the piece handed out by the last push, keeping its last char as look-behind.</summary>
    private void DropHandedOut()
    {
        if (_dropBefore > 0)
        {
            Array.Copy(_buffer, _dropBefore, _buffer, 0, _length - _dropBefore);
            _length -= _dropBefore;
            _dropBefore = 0;
        }
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        if (_length + chunk.Length > _buffer.Length)
        {
            char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + chunk.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            if (_buffer.Length > 0)
            {
                ArrayPool<char>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }

        chunk.CopyTo(_buffer.AsSpan(_length));
        _length += chunk.Length;
    }

    private int LastWhiteSpace(ReadOnlySpan<char> pending)
    {
        int last = pending[_context..].LastIndexOfAny(s_whiteSpace);
        return last < 0 ? -1 : last + _context;
    }
}
