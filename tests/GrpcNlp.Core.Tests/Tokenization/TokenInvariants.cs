using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Tokenization;

internal static class TokenInvariants
{
    public static void AssertValid(string text, IReadOnlyList<Token> tokens)
    {
        int previousEnd = 0;
        foreach (Token token in tokens)
        {
            Assert.True(token.Span.Start >= previousEnd, $"token at {token.Span.Start} overlaps or is out of order");
            Assert.True(token.Span.Length > 0, "empty token");
            Assert.True(token.Span.End <= text.Length, "token past the end");
            Assert.False(string.IsNullOrWhiteSpace(text[token.Span.Start..token.Span.End]), "whitespace-only token");
            for (int i = token.Span.Start; i < token.Span.End; i++)
            {
                Assert.False(char.IsWhiteSpace(text[i]), "token contains whitespace");
            }

            previousEnd = token.Span.End;
        }
    }

    public static void AssertCover(IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        int next = 0;
        foreach (Sentence sentence in sentences)
        {
            Assert.Equal(next, sentence.FirstToken);
            Assert.True(sentence.TokenCount > 0);
            Assert.Equal(tokens[sentence.FirstToken].Span.Start, sentence.Span.Start);
            Assert.Equal(tokens[sentence.FirstToken + sentence.TokenCount - 1].Span.End, sentence.Span.End);
            next += sentence.TokenCount;
        }

        Assert.Equal(tokens.Count, next);
    }
}
