using GrpcNlp.Core.Entities.Tagging;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Person, location, organization and misc names from the statistical tagger, sentence by sentence.
/// The tagger labels whole words, clitics attached, as its training data does; a mention's span then
/// drops a proclitic before the article ("والقاهرة" -> "القاهرة", "للأمم" -> "لأمم" with the
/// article's alef restored in the canonical name) or before a bare form the gazetteer knows.
/// </summary>
internal sealed class ModelNameRecognizer(AnalyzedText text, string[] keys, NerTagger tagger)
{
    public void Recognize(List<Candidate> output, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = text.Tokens;
        var words = new List<string>();
        int[] labels = new int[64];
        foreach (Sentence sentence in text.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int first = sentence.FirstToken;
            int count = sentence.TokenCount;
            if (count == 0)
            {
                continue;
            }

            words.Clear();
            for (int i = first; i < first + count; i++)
            {
                words.Add(text.Text.Substring(tokens[i].Span.Start, tokens[i].Span.Length));
            }

            if (labels.Length < count)
            {
                labels = new int[Math.Max(count, labels.Length * 2)];
            }

            tagger.Tag(tagger.Prepare(words), labels.AsSpan(0, count));
            for (int i = 0; i < count; i++)
            {
                if (!NerLabels.IsBegin(labels[i]))
                {
                    continue;
                }

                int end = i + 1;
                while (end < count && labels[end] == labels[i] + 1)
                {
                    end++;
                }

                output.Add(Make(first + i, first + end, NerLabels.TypeOf(labels[i])));
                i = end - 1;
            }
        }
    }

    private Candidate Make(int firstToken, int endToken, EntityType type)
    {
        Token token = text.Tokens[firstToken];
        (int clitic, bool restoresAlef) = ProcliticOf(keys[firstToken], endToken - firstToken);
        int start = token.Span.Start + EntityText.OriginalLengthOf(text.Text.AsSpan(token.Span.Start, token.Span.Length), clitic);
        float confidence = endToken - firstToken > 1 ? 0.85f : 0.8f;
        return new Candidate(start, text.Tokens[endToken - 1].Span.End, firstToken, endToken, type, confidence, null, Candidate.ModelPriority)
        {
            RestoresArticle = restoresAlef,
        };
    }

    // Folded characters of the proclitic to leave out of the span, and whether "لل" lost the article's alef.
    private static (int Length, bool RestoresAlef) ProcliticOf(string key, int words)
    {
        if (key.Length < 5 || !EntityText.IsArabicLetter(key[0]))
        {
            return (0, false);
        }

        foreach ((string bare, int clitic) in Lexicons.StripProclitics(key))
        {
            if (bare.StartsWith("ال", StringComparison.Ordinal) && clitic > 0 && bare.Length >= 4)
            {
                // "للامم" yields "الامم" with one folded character (the first ل) dropped.
                bool restores = key.StartsWith("لل", StringComparison.Ordinal) && clitic == 1;
                return (clitic, restores);
            }

            if (words == 1 && clitic > 0 && bare.Length >= 4 && Lexicons.Gazetteer.ContainsKey(bare))
            {
                return (clitic, false);
            }
        }

        return (0, false);
    }
}
