using System.Globalization;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Entities;

/// <summary>
/// A deliberately small tokenizer for these tests, so entity and summary tests do not depend on the
/// real analyzer: words, numbers, URLs, e-mails, and one token per other character.
/// </summary>
internal static class HandAnalyzer
{
    public static AnalyzedText Analyze(string text, string language = "ar")
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            string chunk = text[i..end];
            if (chunk.StartsWith("http", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.Ordinal))
            {
                int stop = end;
                while (stop > i && ".,،)".Contains(text[stop - 1], StringComparison.Ordinal))
                {
                    stop--;
                }

                tokens.Add(new Token(new TextSpan(i, stop), TokenType.Url));
                i = stop;
                continue;
            }

            if (chunk.Contains('@', StringComparison.Ordinal))
            {
                int stop = end;
                while (stop > i && ".,،".Contains(text[stop - 1], StringComparison.Ordinal))
                {
                    stop--;
                }

                tokens.Add(new Token(new TextSpan(i, stop), TokenType.Email));
                i = stop;
                continue;
            }

            if (IsWordChar(c))
            {
                end = i;
                while (end < text.Length && IsWordChar(text[end]))
                {
                    end++;
                }

                tokens.Add(new Token(new TextSpan(i, end), TokenType.Word));
                i = end;
                continue;
            }

            if (char.IsDigit(c))
            {
                end = i;
                while (end < text.Length && (char.IsDigit(text[end]) || (".,٫٬".Contains(text[end], StringComparison.Ordinal) && end + 1 < text.Length && char.IsDigit(text[end + 1]))))
                {
                    end++;
                }

                tokens.Add(new Token(new TextSpan(i, end), TokenType.Number));
                i = end;
                continue;
            }

            UnicodeCategory category = char.GetUnicodeCategory(c);
            bool symbol = category is UnicodeCategory.CurrencySymbol or UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol;
            tokens.Add(new Token(new TextSpan(i, i + 1), symbol ? TokenType.Symbol : TokenType.Punctuation));
            i++;
        }

        var sentences = new List<Sentence>();
        int first = 0;
        for (int t = 0; t < tokens.Count; t++)
        {
            string piece = text[tokens[t].Span.Start..tokens[t].Span.End];
            if (piece is "." or "!" or "?" or "؟" || t == tokens.Count - 1)
            {
                sentences.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[t].Span.End), first, t - first + 1));
                first = t + 1;
            }
        }

        string[] norms = tokens.Select(t => EntityText.Fold(text.AsSpan(t.Span.Start, t.Span.Length))).ToArray();
        return new AnalyzedText(text, language, tokens, norms, sentences);
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark || c == '\u0640';
}
