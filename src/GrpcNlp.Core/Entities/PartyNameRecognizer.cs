using System.Collections.Frozen;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Arabic parties named in construct after "حزب": "حزب الليكود", "لحزب العمال", with the party's
/// own word alone nearby ("وعن خطة الليكود").
/// </summary>
/// <remarks>
/// "حزب" without the article followed by a word with it is "the party of X", X its name; a
/// relational adjective there ("الحزب الديمقراطي" has the article on the head) would not follow a
/// head without it. A word without the article after "حزب" is as often an adjective ("حزب
/// إسلامي", "حزب جديد") as a name, so it is left to the tagger, as is everything the tagger found.
/// </remarks>
internal sealed class PartyNameRecognizer(AnalyzedText text, string[] keys)
{
    /// <summary>How far (in tokens) the party's word is taken alone.</summary>
    private const int RepeatWindow = 400;

    private static readonly FrozenSet<string> s_heads = new[] { "حزب" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adds an organization candidate for each party named after "حزب" that the tagger left, and for its word alone nearby.</summary>
    public void Recognize(List<Candidate> output, TaggerNameIndex tagged, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = text.Tokens;
        int found = output.Count;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // A word with the article first, then the head (looked up with its proclitics taken
            // off), then what the word must not be: the rare test before the costly ones.
            int name = i + 1;
            if (tokens[i].Type != TokenType.Word || tokens[name].Type != TokenType.Word || tagged.Covers(i) || tagged.Covers(name)
                || keys[name].Length < 4 || !keys[name].StartsWith("ال", StringComparison.Ordinal)
                || Lexicons.ProcliticBefore(keys[i], s_heads) is not int clitic || !IsPartyWord(keys[name]))
            {
                continue;
            }

            Token head = tokens[i];
            int start = EntityText.StartAfter(text.Text, head, clitic);
            output.Add(new Candidate(start, tokens[name].Span.End, i, name + 1, EntityType.Organization, 0.6f, null, Candidate.RulePriority));
        }

        AddWordsAlone(output, found, tagged, cancellationToken);
    }

    // "الليكود" alone within reach of "حزب الليكود", where the tagger found nothing and the word
    // is no adjective of a noun with the article before it.
    private void AddWordsAlone(List<Candidate> output, int found, TaggerNameIndex tagged, CancellationToken cancellationToken)
    {
        int parties = output.Count;
        for (int c = found; c < parties; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int word = output[c].EndToken - 1;
            int from = Math.Max(1, word - RepeatWindow);
            int to = Math.Min(keys.Length - 1, word + RepeatWindow);
            for (int j = from; j <= to; j++)
            {
                if (j != word && keys[j] == keys[word] && text.Tokens[j].Type == TokenType.Word && !tagged.Covers(j)
                    && Lexicons.ProcliticBefore(keys[j - 1], s_heads) is null && !Lexicons.HasArticle(keys[j - 1]))
                {
                    output.Add(new Candidate(text.Tokens[j].Span.Start, text.Tokens[j].Span.End, j, j + 1, EntityType.Organization, 0.6f, null, Candidate.RulePriority));
                }
            }
        }
    }

    // A word with the article that is no stop word and no relational adjective.
    private static bool IsPartyWord(string key) =>
        !Lexicons.StopWords.Contains(key) && !key.EndsWith('ي') && !key.EndsWith("يه", StringComparison.Ordinal);
}
