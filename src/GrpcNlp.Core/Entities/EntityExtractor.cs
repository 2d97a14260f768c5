using GrpcNlp.Core.Entities.Tagging;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>Finds pattern entities and named entities in an analyzed text and groups mentions.</summary>
/// <remarks>
/// Pattern entities (dates, times, phone numbers, money, durations, quantities, numbers, percentages, ordinals, URLs, e-mails) come from token-level
/// recognizers. Names come from the statistical tagger shipped for the text's language (Arabic,
/// English), with rules around it (clubs, banks, places and parties that Arabic names with their
/// kind; names in quotes after a kind of work, venue or organization); for other
/// languages from a gazetteer (longest match, Arabic proclitics stripped) and title rules, then from
/// later bare mentions of names already found. Overlaps keep the longer span,
/// and patterns win ties. Mentions of one entity are grouped and the entities ranked by salience.
/// Thread-safe: models and lexicons are immutable and loaded once.
/// </remarks>
public sealed class EntityExtractor
{
    // With a tagger, a bare surname is taken as the person only within a news article's reach of
    // the full name; the tagger judges words further away on their own.
    private const int PropagationWindow = 400;

    private readonly Func<string, NerTagger?> _taggers;

    /// <summary>Creates an extractor that uses the taggers shipped with the library.</summary>
    public EntityExtractor()
        : this(NerTagger.ForLanguage)
    {
    }

    /// <summary>Creates an extractor with its own tagger per language (null: gazetteer and rules).</summary>
    internal EntityExtractor(Func<string, NerTagger?> taggers) => _taggers = taggers;

    /// <summary>Extracts the entities of <paramref name="text"/>, only of <paramref name="types"/> when not empty.</summary>
    public EntityResult Extract(AnalyzedText text, IReadOnlyCollection<EntityType> types, CancellationToken cancellationToken) =>
        Extract(text, types, referenceDate: null, cancellationToken);

    /// <summary>
    /// Extracts the entities of <paramref name="text"/>, only of <paramref name="types"/> when not
    /// empty; relative dates ("أمس", "tomorrow", "العام الماضي") and weekdays resolve against
    /// <paramref name="referenceDate"/>, the day the text was written (null: they carry no value).
    /// </summary>
    public EntityResult Extract(AnalyzedText text, IReadOnlyCollection<EntityType> types, DateOnly? referenceDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(types);
        IReadOnlyList<Token> tokens = text.Tokens;
        string[] keys = new string[tokens.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            keys[i] = FoldedWords.Fold(text.Text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length));
        }

        var candidates = new List<Candidate>();
        new PatternRecognizer(text, keys, referenceDate).Recognize(candidates, cancellationToken);
        var names = new NameRecognizer(text, keys);
        int window = int.MaxValue;
        if (WantsNames(types) && _taggers(text.Language) is { } tagger)
        {
            // The tagger's names, completed by full names after a title ("الرئيس سامر حداد") and by
            // one-word names after a title when the tagger found the person in part. The gazetteer
            // adds no names of its own here: on held-out news it costs more precision than it brings.
            int first = candidates.Count;
            window = PropagationWindow;
            new ModelNameRecognizer(text, keys, tagger).Recognize(candidates, cancellationToken);
            candidates.RemoveAll(c => c.Priority == Candidate.ModelPriority && c.EndToken - c.FirstToken == 1 && names.IsTitle(c.FirstToken));
            var titles = new List<Candidate>();
            names.RecognizeTitles(titles, cancellationToken);
            foreach (Candidate title in titles)
            {
                if (title.EndToken - title.FirstToken >= 2 || OverlapsPerson(candidates, first, title))
                {
                    candidates.Add(title);
                }
            }

            using var tagged = new TaggerNameIndex(candidates, first, tokens.Count);
            new ClubNameRecognizer(text, keys).Recognize(candidates, tagged, cancellationToken);
            new PlaceNameRecognizer(text, keys).Recognize(candidates, tagged, cancellationToken);
            new PartyNameRecognizer(text, keys).Recognize(candidates, tagged, cancellationToken);
            new BankNameRecognizer(text, keys).Recognize(candidates, cancellationToken);
        }
        else
        {
            names.Recognize(candidates, cancellationToken);
        }

        new QuotedNameRecognizer(text, keys).Recognize(candidates, cancellationToken);

        // Later bare mentions of a full name found ("حداد" after "سامر حداد").
        List<Candidate> accepted = Resolve(candidates, types);
        var propagated = new List<Candidate>();
        names.Propagate(accepted, propagated, window, cancellationToken);
        if (propagated.Count > 0)
        {
            candidates.AddRange(propagated);
            accepted = Resolve(candidates, types);
        }

        return Group(text, keys, accepted, cancellationToken);
    }

    private static List<Candidate> Resolve(List<Candidate> candidates, IReadOnlyCollection<EntityType> types)
    {
        var ordered = new List<Candidate>(candidates.Count);
        foreach (Candidate candidate in candidates)
        {
            if (types.Count == 0 || types.Contains(candidate.Type))
            {
                ordered.Add(candidate);
            }
        }

        // Longer spans first; on equal length patterns, then rules, then gazetteer; then text order.
        ordered.Sort(static (a, b) =>
        {
            int byLength = (b.End - b.Start).CompareTo(a.End - a.Start);
            if (byLength != 0)
            {
                return byLength;
            }

            int byPriority = b.Priority.CompareTo(a.Priority);
            return byPriority != 0 ? byPriority : a.Start.CompareTo(b.Start);
        });

        var accepted = new List<Candidate>();
        foreach (Candidate candidate in ordered)
        {
            bool overlaps = false;
            foreach (Candidate kept in accepted)
            {
                if (candidate.Start < kept.End && kept.Start < candidate.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                accepted.Add(candidate);
            }
        }

        accepted.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    private static bool OverlapsPerson(List<Candidate> candidates, int first, Candidate title)
    {
        for (int c = first; c < candidates.Count; c++)
        {
            Candidate found = candidates[c];
            if (found.Type == EntityType.Person && found.Start < title.End && title.Start < found.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WantsNames(IReadOnlyCollection<EntityType> types)
    {
        if (types.Count == 0)
        {
            return true;
        }

        foreach (EntityType type in types)
        {
            if (IsNamed(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamed(EntityType type) => type is EntityType.Person or EntityType.Location or EntityType.Organization or EntityType.Misc;

    private static EntityResult Group(AnalyzedText text, string[] keys, List<Candidate> mentions, CancellationToken cancellationToken)
    {
        // Each mention's words (first word without its proclitic), to group by containment.
        var words = new string[mentions.Count][];
        for (int m = 0; m < mentions.Count; m++)
        {
            Candidate c = mentions[m];
            words[m] = new string[c.EndToken - c.FirstToken];
            words[m][0] = (c.RestoresArticle ? "ا" : string.Empty) + EntityText.Fold(text.Text.AsSpan(c.Start, text.Tokens[c.FirstToken].Span.End - c.Start));
            for (int k = 1; k < words[m].Length; k++)
            {
                words[m][k] = keys[c.FirstToken + k];
            }
        }

        DropProcliticsNamedElsewhere(text, mentions, words);

        // Longest mentions found the groups; shorter ones join the first group of the same type that
        // contains all their words (named types), or that has the same value or text (patterns).
        // (A sort of indices with the index as last key: the stable order, without LINQ's key arrays.)
        int[] order = new int[mentions.Count];
        for (int m = 0; m < order.Length; m++)
        {
            order[m] = m;
        }

        Array.Sort(order, (a, b) =>
        {
            int byWords = words[b].Length.CompareTo(words[a].Length);
            if (byWords != 0)
            {
                return byWords;
            }

            int byLength = (mentions[b].End - mentions[b].Start).CompareTo(mentions[a].End - mentions[a].Start);
            if (byLength != 0)
            {
                return byLength;
            }

            int byStart = mentions[a].Start.CompareTo(mentions[b].Start);
            return byStart != 0 ? byStart : a.CompareTo(b);
        });
        var groupOf = new int[mentions.Count];
        var groups = new List<List<int>>();
        foreach (int m in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Candidate mention = mentions[m];
            int found = -1;
            for (int g = 0; g < groups.Count && found < 0; g++)
            {
                int head = groups[g][0];
                Candidate founder = mentions[head];
                if (founder.Type != mention.Type)
                {
                    continue;
                }

                bool same = IsNamed(mention.Type)
                    ? EntityText.ContainsAllWords(words[head], words[m])
                    : mention.Value is not null
                        ? mention.Value == founder.Value
                        : string.Join(' ', words[m]) == string.Join(' ', words[head]);
                if (same)
                {
                    found = g;
                }
            }

            if (found < 0)
            {
                found = groups.Count;
                groups.Add([]);
            }

            groups[found].Add(m);
            groupOf[m] = found;
        }

        int maxCount = 1;
        foreach (List<int> group in groups)
        {
            group.Sort();
            maxCount = Math.Max(maxCount, group.Count);
        }

        int length = Math.Max(1, text.Text.Length);
        var ranked = new List<(int Group, float Salience, int FirstStart)>(groups.Count);
        for (int g = 0; g < groups.Count; g++)
        {
            Candidate first = mentions[groups[g][0]];
            float frequency = groups[g].Count / (float)maxCount;
            float position = 1f - (first.Start / (float)length);
            float salience = (0.6f * frequency) + (0.4f * position);
            if (!IsNamed(first.Type))
            {
                // Numbers and dates rarely say what a text is about.
                salience *= 0.5f;
            }

            ranked.Add((g, Math.Clamp(salience, 0f, 1f), first.Start));
        }

        ranked.Sort(static (a, b) =>
        {
            int bySalience = b.Salience.CompareTo(a.Salience);
            return bySalience != 0 ? bySalience : a.FirstStart.CompareTo(b.FirstStart);
        });

        var entityOfGroup = new int[groups.Count];
        for (int e = 0; e < ranked.Count; e++)
        {
            entityOfGroup[ranked[e].Group] = e;
        }

        var result = new EntityMention[mentions.Count];
        for (int m = 0; m < mentions.Count; m++)
        {
            Candidate c = mentions[m];
            result[m] = new EntityMention(new Text.TextSpan(c.Start, c.End), c.Type, c.Confidence, c.Value, entityOfGroup[groupOf[m]]);
        }

        var entities = new Entity[ranked.Count];
        for (int e = 0; e < ranked.Count; e++)
        {
            List<int> group = groups[ranked[e].Group];
            int longest = group[0];
            foreach (int m in group)
            {
                if (mentions[m].End - mentions[m].Start > mentions[longest].End - mentions[longest].Start)
                {
                    longest = m;
                }
            }

            string name = (mentions[longest].RestoresArticle ? "ا" : string.Empty)
                + text.Text.Substring(mentions[longest].Start, mentions[longest].End - mentions[longest].Start);
            entities[e] = new Entity(name, mentions[longest].Type, ranked[e].Salience, group.ToArray());
        }

        return new EntityResult(result, entities);
    }

    /// <summary>
    /// Takes a conjunction or preposition off the first word of a name where the bare word is a
    /// word of another name of the same type in the text: "ونتنياهو" beside "بنيامين نتنياهو".
    /// The tagger labels whole words, clitics attached; the other mention shows which part is the
    /// name, so the mention groups with it and its span leaves the clitic out. The bare word must
    /// keep at least three letters, so that a short word that merely starts like a clitic ("ولد",
    /// "بكر") is left whole.
    /// </summary>
    private static void DropProcliticsNamedElsewhere(AnalyzedText text, List<Candidate> mentions, string[][] words)
    {
        HashSet<(EntityType, string)>? named = null;
        for (int m = 0; m < mentions.Count; m++)
        {
            Candidate mention = mentions[m];
            if (!IsNamed(mention.Type))
            {
                continue;
            }

            if (named is null)
            {
                named = [];
                for (int other = 0; other < mentions.Count; other++)
                {
                    if (IsNamed(mentions[other].Type))
                    {
                        foreach (string word in words[other])
                        {
                            named.Add((mentions[other].Type, word));
                        }
                    }
                }
            }

            foreach ((string bare, int clitic) in Lexicons.StripProclitics(words[m][0]))
            {
                if (clitic == 0 || bare.Length < 3 || !named.Contains((mention.Type, bare)))
                {
                    continue;
                }

                bool restoresAlef = Lexicons.RestoresArticle(words[m][0], clitic);
                Token first = text.Tokens[mention.FirstToken];
                int start = mention.Start + EntityText.OriginalLengthOf(text.Text.AsSpan(mention.Start, first.Span.End - mention.Start), clitic);
                mentions[m] = mention with { Start = start, RestoresArticle = restoresAlef };
                words[m][0] = bare;
                break;
            }
        }
    }
}
