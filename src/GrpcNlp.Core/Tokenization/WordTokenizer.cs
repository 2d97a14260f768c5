namespace GrpcNlp.Core.Tokenization;

/// <summary>Splits text into tokens (UAX #29 word boundaries extended for news and social text).</summary>
public sealed class WordTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>; whitespace produces no token.</summary>
    public IReadOnlyList<Token> Tokenize(string text) => throw new NotImplementedException();
}
