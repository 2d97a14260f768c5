using System.Collections.Frozen;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Arabic names followed by a masculine nationality adjective are organizations, mostly clubs:
/// "ليون الفرنسي", "ضيفه بنفيكا البرتغالي", "فيردر بريمن الألماني", "معهد ايفو الالماني".
/// </summary>
/// <remarks>
/// Arabic gives a city feminine agreement ("ليون الفرنسية") and a club masculine, after the
/// "نادي"/"فريق" it stands for; so a place the tagger found, followed by a masculine nationality
/// with the article, is the club named after it. A name without the article cannot take a definite
/// adjective unless it is a proper noun, but a verb can ("وسجل البرازيلي": "the Brazilian scored"),
/// so words the tagger left are taken only after a word that names a club or a team's host or guest.
/// A person the tagger found stays a person ("عزام الأميركي"). In a text about sport, the name right
/// after a cue is a club too: a place ("نادي ليون"), a "person" after the host or guest ("ضيفه
/// دينامو كييف"), or a word with the article ("فريق العربي").
/// </remarks>
internal sealed class ClubNameRecognizer(AnalyzedText text, string[] keys)
{
    /// <summary>The most name words between a cue and the nationality.</summary>
    private const int MaxWords = 3;

    /// <summary>How far (in tokens) from a cue a word of sport must be for the text to be about sport.</summary>
    private const int SportWindow = 50;

    /// <summary>How far (in tokens) a club's name is taken again without its nationality.</summary>
    private const int RepeatWindow = 400;

    // Folded masculine nationality adjectives with the article.
    private static readonly FrozenSet<string> s_nationalities = new[]
    {
        "الاسباني", "الانكليزي", "الانجليزي", "الاسكتلندي", "الفرنسي", "الايطالي", "الالماني", "البرتغالي", "الهولندي",
        "البلجيكي", "اليوناني", "الروسي", "الاوكراني", "الروماني", "التركي", "السويسري", "النمساوي", "السويدي",
        "الدنماركي", "النرويجي", "الكرواتي", "الصربي", "البولندي", "التشيكي", "البلغاري", "المجري",
        "البرازيلي", "الارجنتيني", "الاوروغوياني", "المكسيكي", "الاميركي", "الامريكي", "الياباني", "الصيني", "الكوري",
        "المصري", "السعودي", "القطري", "الاماراتي", "الكويتي", "البحريني", "العماني", "الاردني", "السوري", "اللبناني",
        "العراقي", "الجزائري", "المغربي", "التونسي", "الليبي", "السوداني", "اليمني", "الفلسطيني", "الايراني",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Folded words after which name words are a club: "نادي", "فريق", and the host or guest of a match.
    private static readonly FrozenSet<string> s_cues = new[]
    {
        "نادي", "فريق", "ضيفه", "مضيفه", "ضيفها", "مضيفها",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_clubWords = new[] { "نادي", "فريق" }.ToFrozenSet(StringComparer.Ordinal);

    // Folded words that only a text about sport uses.
    private static readonly FrozenSet<string> s_sportWords = new[]
    {
        "مباراه", "المباراه", "مباريات", "المباريات", "الدوري", "هدف", "هدفا", "هدفين", "الهدف", "اهداف", "الاهداف",
        "المرمى", "مرمى", "الشوط", "شوط", "التعادل", "الملعب", "ملعب", "المدرب", "مدرب", "الحارس", "حارس", "لاعب",
        "اللاعب", "لاعبي", "لاعبو", "اللاعبين", "بطوله", "البطوله", "الكره", "المنتخب", "الموسم",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Folded nouns whose place in construct the adjective may describe instead ("مطار عمان الأردني",
    // "شمال أفريقيا الروماني").
    private static readonly FrozenSet<string> s_placeHeads = new[]
    {
        "مطار", "مطاري", "ميناء", "مدينه", "عاصمه", "شمال", "جنوب", "شرق", "غرب", "وسط",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Adds an organization candidate for each club: before a nationality, after a cue in a text
    /// about sport, and where either recurs.
    /// </summary>
    public void Recognize(List<Candidate> output, TaggerNameIndex tagged, CancellationToken cancellationToken)
    {
        int found = output.Count;
        AddClubsBeforeNationalities(output, tagged, cancellationToken);
        AddClubsAfterCues(output, tagged, cancellationToken);
        AddRepeats(output, found, tagged, cancellationToken);
    }

    // "ليون الفرنسي": a place the tagger found; "ضيفه بنفيكا البرتغالي": words it left after a cue.
    private void AddClubsBeforeNationalities(List<Candidate> output, TaggerNameIndex tagged, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = text.Tokens;
        for (int i = 1; i < tokens.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (tokens[i].Type != TokenType.Word || !s_nationalities.Contains(keys[i]))
            {
                continue;
            }

            if (tagged.EndingAt(i) is { } name)
            {
                if (name.Type == EntityType.Location && !Lexicons.HasArticle(keys[name.FirstToken])
                    && (name.FirstToken == 0 || !s_placeHeads.Contains(keys[name.FirstToken - 1])))
                {
                    // "مضيفه ستيوا بوخارست الروماني": the club's first word, left by the tagger, after a cue.
                    int cued = CuedStart(name.FirstToken, i);
                    output.Add(cued < name.FirstToken
                        ? new Candidate(tokens[cued].Span.Start, name.End, cued, i, EntityType.Organization, 0.6f, null, Candidate.RulePriority)
                        : name with { Type = EntityType.Organization, Priority = Candidate.RulePriority });
                }

                continue;
            }

            int first = CuedStart(i, i);
            if (first < i)
            {
                output.Add(new Candidate(tokens[first].Span.Start, tokens[i - 1].Span.End, first, i, EntityType.Organization, 0.6f, null, Candidate.RulePriority));
            }
        }
    }

    // In a text about sport, a cue names the club after it: a place the tagger found ("نادي ليون"),
    // a "person" the tagger found after the host or guest ("سحق ضيفه دينامو كييف"), or one word with
    // the article the tagger left ("فريق العربي", "بنادي الغرافة", "مضيفه الأهلي"). Elsewhere
    // "فريق العمل" is a work team, "نادي الصحافة" a press club and "ضيفه" a visitor.
    private void AddClubsAfterCues(List<Candidate> output, TaggerNameIndex tagged, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = text.Tokens;
        int[]? sportWordsBefore = null;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int name = i + 1;
            // What follows first: a cue is looked up with its proclitics taken off.
            if (tokens[i].Type != TokenType.Word || tokens[name].Type != TokenType.Word
                || !(tagged.Covers(name) || keys[name].StartsWith("ال", StringComparison.Ordinal)) || !IsCue(keys[i]))
            {
                continue;
            }

            Candidate club;
            if (tagged.StartingAt(name) is { } found)
            {
                if (Lexicons.HasArticle(keys[name]) || !(found.Type == EntityType.Location || (found.Type == EntityType.Person && IsHostOrGuest(keys[i]))))
                {
                    continue;
                }

                club = found with { Type = EntityType.Organization, Priority = Candidate.RulePriority };
            }
            // A word the tagger left passed the test above by its article.
            else if (keys[name].Length >= 4 && !Lexicons.StopWords.Contains(keys[name])
                && !s_nationalities.Contains(keys[name]) && !tagged.Covers(name)
                && !(IsHostOrGuest(keys[i]) && keys[name].EndsWith('ي')) && !IsFeminineRelationalAdjective(name + 1))
            {
                club = new Candidate(tokens[name].Span.Start, tokens[name].Span.End, name, name + 1, EntityType.Organization, 0.6f, null, Candidate.RulePriority);
            }
            else
            {
                continue;
            }

            sportWordsBefore ??= CountSportWords();
            if (sportWordsBefore[Math.Min(tokens.Count, i + SportWindow)] - sportWordsBefore[Math.Max(0, i - SportWindow)] > 0)
            {
                output.Add(club);
            }
        }
    }

    // "ضيفه", "مضيفه": the guest or host of a match, not "نادي"/"فريق"; after them a relational
    // adjective is the guest's nationality ("ضيفه البوروندي").
    private static bool IsHostOrGuest(string cue) => Lexicons.ProcliticBefore(cue, s_clubWords) is null;

    // "بفريق العاصمة الإسبانية": a feminine adjective after the word says it is a common noun, the
    // team's city.
    private bool IsFeminineRelationalAdjective(int k) =>
        k < keys.Length && text.Tokens[k].Type == TokenType.Word && keys[k].Length >= 6
        && keys[k].StartsWith("ال", StringComparison.Ordinal) && keys[k].EndsWith("يه", StringComparison.Ordinal);

    // counts[k]: the words of sport among the first k tokens.
    private int[] CountSportWords()
    {
        var counts = new int[keys.Length + 1];
        for (int k = 0; k < keys.Length; k++)
        {
            counts[k + 1] = counts[k] + (Lexicons.ProcliticBefore(keys[k], s_sportWords) is null ? 0 : 1);
        }

        return counts;
    }

    // The club is the same club where its words recur nearby without the nationality ("بنفيكا",
    // "وليون") and the tagger found nothing there; a club of two words or more also where the tagger
    // found something else ("ستيوا بوخارست" over the place "بوخارست"). A word the tagger found alone
    // stays as found: "موسكو" the city beside the club "سسكا موسكو".
    private void AddRepeats(List<Candidate> output, int found, TaggerNameIndex tagged, CancellationToken cancellationToken)
    {
        int clubs = output.Count;
        for (int c = found; c < clubs; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Candidate club = output[c];
            Token head = text.Tokens[club.FirstToken];
            string first = FoldedWords.Fold(text.Text.AsSpan(club.Start, head.Span.End - club.Start));
            int words = club.EndToken - club.FirstToken;
            int from = Math.Max(0, club.FirstToken - RepeatWindow);
            int to = Math.Min(keys.Length - words, club.FirstToken + RepeatWindow);
            for (int j = from; j <= to; j++)
            {
                if (j == club.FirstToken || text.Tokens[j].Type != TokenType.Word || (words == 1 && tagged.Covers(j))
                    || FirstWordClitic(keys[j], first) is not int clitic)
                {
                    continue;
                }

                bool same = true;
                for (int w = 1; w < words && same; w++)
                {
                    same = keys[j + w] == keys[club.FirstToken + w];
                }

                // "العربي" after "الخليج" is the gulf's adjective, not the club.
                if (same && !(words == 1 && j > 0 && Lexicons.HasArticle(first) && Lexicons.HasArticle(keys[j - 1])))
                {
                    Token at = text.Tokens[j];
                    int start = EntityText.StartAfter(text.Text, at, clitic);
                    output.Add(new Candidate(start, text.Tokens[j + words - 1].Span.End, j, j + words, EntityType.Organization, 0.6f, null, Candidate.RulePriority)
                    {
                        RestoresArticle = Lexicons.RestoresArticle(keys[j], clitic),
                    });
                }
            }
        }
    }

    // Folded characters of a proclitic before `first` in `key` (0 when the key is `first`); null
    // when the key is not `first`, with or without a proclitic.
    private static int? FirstWordClitic(string key, string first)
    {
        if (key == first)
        {
            return 0;
        }

        // Every bare form ends the word, but for "لل" + noun, whose bare form puts back the
        // article's alef: most words of the window fail here, before any form is made.
        if (!key.AsSpan().EndsWith(first.AsSpan(first.StartsWith("ال", StringComparison.Ordinal) ? 2 : 0), StringComparison.Ordinal))
        {
            return null;
        }

        foreach ((string bare, int clitic) in Lexicons.StripProclitics(key))
        {
            if (bare == first)
            {
                return clitic;
            }
        }

        return null;
    }

    // The first of the name words before `start` that come right after a cue, with the name
    // words of [start, nationality) at most MaxWords; `start` when no cue comes first.
    private int CuedStart(int start, int nationality)
    {
        int first = start;
        while (first > 0 && nationality - first < MaxWords && IsBareNameWord(first - 1))
        {
            first--;
        }

        return first > 0 && IsCue(keys[first - 1]) ? first : start;
    }

    private static bool IsCue(string key) => Lexicons.ProcliticBefore(key, s_cues) is not null;

    // An Arabic word that can be part of a name: no article, no stop word (also after a proclitic).
    private bool IsBareNameWord(int k)
    {
        string key = keys[k];
        return text.Tokens[k].Type == TokenType.Word && key.Length >= 2 && EntityText.IsArabicLetter(key[0])
            && !Lexicons.HasArticle(key) && !s_cues.Contains(key) && Lexicons.ProcliticBefore(key, Lexicons.StopWords) is null;
    }
}
