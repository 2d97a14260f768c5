using System.Collections.Frozen;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Arabic places named after the kind of place, in construct: "حي الدورة", "بشارع السعدون", "بين
/// بلدتي الباذان وطلوزة" (the dual names two places, the second after "و").
/// </summary>
/// <remarks>
/// A noun without the article followed by a word with it is in construct ("town of X"), and after
/// a kind of settlement, street or river the second word is mostly its name; the tagger, which knows
/// the places of its training data, leaves small towns and streets. Only the word with the article
/// is taken: after the kind without the article ("مدينة كبيرة") an adjective could follow as well
/// as a name, and the tagger finds most of those names. A word the tagger found stays as found.
/// </remarks>
internal sealed class PlaceNameRecognizer(AnalyzedText text, string[] keys)
{
    // Folded kinds of place that name what follows them; the duals name two places.
    private static readonly FrozenSet<string> s_kinds = new[]
    {
        "بلده", "قريه", "مدينه", "حي", "شارع", "مخيم", "نهر", "جزيره", "محافظه",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_duals = new[] { "بلدتي", "قريتي", "مدينتي" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adds a location candidate for each place named after its kind that the tagger left.</summary>
    public void Recognize(List<Candidate> output, TaggerNameIndex tagged, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = text.Tokens;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // A word with the article first, then the kind (looked up with its proclitics taken
            // off), then what the word must not be: the rare test before the costly ones.
            int name = i + 1;
            if (tokens[i].Type != TokenType.Word || tokens[name].Type != TokenType.Word || tagged.Covers(name)
                || keys[name].Length < 4 || !keys[name].StartsWith("ال", StringComparison.Ordinal))
            {
                continue;
            }

            bool dual = Lexicons.ProcliticBefore(keys[i], s_duals) is not null;
            if ((!dual && Lexicons.ProcliticBefore(keys[i], s_kinds) is null) || !IsName(name))
            {
                continue;
            }

            output.Add(Location(name, clitic: 0));

            // "بلدتي الباذان وطلوزة": the second of the two after the conjunction.
            int second = name + 1;
            if (dual && second < tokens.Count && tokens[second].Type == TokenType.Word && !tagged.Covers(second)
                && keys[second].Length >= 4 && keys[second][0] == 'و' && !Lexicons.StopWords.Contains(keys[second])
                && !Lexicons.StopWords.Contains(keys[second][1..]))
            {
                output.Add(Location(second, clitic: 1));
            }
        }
    }

    // A word with the article: the article as written ("إليها" folds to a word that starts like
    // it), and no stop word, ordinal ("الحي الثاني") or kind of place ("مخيم المدينة").
    private bool IsName(int k) =>
        text.Text.AsSpan(text.Tokens[k].Span.Start).StartsWith("ال", StringComparison.Ordinal)
        && !Lexicons.StopWords.Contains(keys[k]) && !PatternRecognizer.IsArabicOrdinalWord(keys[k])
        && !s_kinds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(keys[k].AsSpan(2));

    private Candidate Location(int k, int clitic)
    {
        Token token = text.Tokens[k];
        int start = EntityText.StartAfter(text.Text, token, clitic);
        return new Candidate(start, token.Span.End, k, k + 1, EntityType.Location, 0.6f, null, Candidate.RulePriority);
    }
}
