namespace GrpcNlp.Core.Tokenization;

/// <summary>Groups tokens into sentences.</summary>
public sealed class SentenceSegmenter
{
    /// <summary>Segments the tokens of <paramref name="text"/> into sentences that cover every token.</summary>
    public IReadOnlyList<Sentence> Segment(string text, IReadOnlyList<Token> tokens, string language) => throw new NotImplementedException();
}
