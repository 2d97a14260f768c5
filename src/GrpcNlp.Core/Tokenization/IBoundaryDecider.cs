namespace GrpcNlp.Core.Tokenization;

/// <summary>Decides whether a sentence ends at a gap between two tokens.</summary>
internal interface IBoundaryDecider
{
    /// <summary>
    /// Whether the gap after token <paramref name="last"/> ends the sentence that starts at token
    /// <paramref name="start"/>; <paramref name="verdict"/> is what the sentence rules make of it.
    /// Tokens before <paramref name="start"/> must not be read (the streaming tokenizer drops
    /// them), nor more than <see cref="SentenceSegmenter.Lookahead"/> tokens after the gap.
    /// </summary>
    bool EndsSentence(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int last, RuleVerdict verdict);
}
