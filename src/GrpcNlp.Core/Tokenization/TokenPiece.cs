namespace GrpcNlp.Core.Tokenization;

/// <summary>
/// What a <see cref="StreamingTokenizer"/> made final after one
/// <see cref="StreamingTokenizer.PushPiece"/>: the piece of the original text consumed, the
/// tokens and sentences inside it with spans LOCAL to that piece, and token indices global to
/// the stream (<see cref="Sentence.FirstToken"/> counts from the stream's first token). The spans
/// point into the tokenizer's own buffers and stay valid only until its next push.
/// </summary>
public readonly ref struct TokenPiece
{
    /// <summary>Creates a piece from its parts.</summary>
    /// <param name="original">The original text consumed by this push.</param>
    /// <param name="tokens">Final tokens, spans local to <paramref name="original"/>.</param>
    /// <param name="sentences">Final sentences, spans local to <paramref name="original"/>, global token indices.</param>
    public TokenPiece(ReadOnlySpan<char> original, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences)
    {
        Original = original;
        Tokens = tokens;
        Sentences = sentences;
    }

    /// <summary>The original text consumed by this push.</summary>
    public ReadOnlySpan<char> Original { get; }

    /// <summary>Final tokens, spans local to <see cref="Original"/>.</summary>
    public ReadOnlySpan<Token> Tokens { get; }

    /// <summary>Final sentences, spans local to <see cref="Original"/>, global token indices.</summary>
    public ReadOnlySpan<Sentence> Sentences { get; }

    /// <summary>Whether the push made nothing final.</summary>
    public bool IsEmpty => Original.IsEmpty && Tokens.IsEmpty;
}
