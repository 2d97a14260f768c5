namespace GrpcNlp.Core.Tokenization;

/// <summary>
/// What a <see cref="StreamingTokenizer"/> made final after one push: the piece of the
/// original text consumed, the tokens and sentences inside it with spans LOCAL to that piece,
/// and token indices global to the stream (<see cref="Sentence.FirstToken"/> counts from the
/// stream's first token).
/// </summary>
/// <param name="Original">The original text consumed by this chunk.</param>
/// <param name="Tokens">Final tokens, spans local to <paramref name="Original"/>.</param>
/// <param name="Sentences">Final sentences, spans local to <paramref name="Original"/>, global token indices.</param>
public sealed record TokenChunk(string Original, IReadOnlyList<Token> Tokens, IReadOnlyList<Sentence> Sentences);
