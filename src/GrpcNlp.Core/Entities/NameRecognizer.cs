using System.Collections.Frozen;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>Names from the gazetteer (longest match, Arabic proclitics stripped) and from title rules.</summary>
internal sealed class NameRecognizer
{
    // Titles and roles that announce a person's name; multi-word titles are matched as word sequences.
    private static readonly FrozenSet<string> s_arabicTitles = new[]
    {
        "الرئيس", "الرئيسه", "رئيس الوزراء", "رئيس الحكومه", "رئيسه الوزراء", "الوزير", "الوزيره", "السيد", "السيده",
        "الملك", "الملكه", "الامير", "الاميره", "المتحدث", "المتحدثه", "الشيخ", "الدكتور", "الدكتوره", "العاهل",
        "المستشار", "المستشاره", "النائب", "الجنرال", "اللواء", "العقيد", "العميد", "الزعيم", "البابا", "السفير",
        "المبعوث", "الامين العام", "القاضي", "المدرب", "اللاعب", "الفنان", "الفنانه", "الكاتب", "الصحفي",
        "معالي", "سعاده", "سمو", "فخامه", "جلاله",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A title word whose next word is a domain ("وزير الخارجيه", "المتحدث باسم الحكومه") before the name.
    private static readonly FrozenSet<string> s_arabicRoleHeads = new[] { "وزير", "وزيره", "الوزير", "الوزيره", "سفير", "المتحدث", "المتحدثه", "رئيس" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_englishTitles = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "president", "senator", "sen", "governor", "gov", "minister", "prime minister",
        "king", "queen", "prince", "princess", "pope", "chancellor", "general", "gen", "judge", "secretary", "sheikh",
        "ambassador", "rep", "representative", "mayor", "lord", "lady", "sir", "coach", "secretary of state",
        "foreign minister", "defense secretary", "defence secretary", "spokesman", "spokeswoman", "ceo", "chairman", "chairwoman",
    }.ToFrozenSet(StringComparer.Ordinal);

    // First words of the multi-word titles: only after one of them are the next words joined to look one up.
    private static readonly FrozenSet<string> s_titleHeads = s_arabicTitles.Concat(s_englishTitles)
        .Where(t => t.Contains(' ', StringComparison.Ordinal))
        .Select(t => t[..t.IndexOf(' ', StringComparison.Ordinal)])
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_arabicTitleLookup = s_arabicTitles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_englishTitleLookup = s_englishTitles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_arabicRoleHeadLookup = s_arabicRoleHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_titleHeadLookup = s_titleHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that continue an Arabic name although the next word starts with the article: "عبد الله", "ابو الغيط".
    // Folded particles that only a verb follows (with a conjunction: "وقد", "ولم").
    private static readonly FrozenSet<string> s_verbParticles = new[]
    {
        "لم", "لن", "قد", "سوف", "لقد", "ولم", "ولن", "وقد", "وسوف", "فلم", "فلن", "فقد", "فسوف", "ولقد",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_nameLinks = new[] { "عبد", "ابو", "ابي", "ابن", "بن", "بنت", "ال" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly AnalyzedText _text;
    private readonly string[] _keys;
    private readonly FrozenDictionary<string, EntityType> _gazetteer;
    private readonly FrozenSet<string> _stopWords;
    private Dictionary<string, int>? _counts;
    private HashSet<string>? _verbs;

    public NameRecognizer(AnalyzedText text, string[] keys)
    {
        _text = text;
        _keys = keys;
        _gazetteer = Lexicons.Gazetteer;
        _stopWords = Lexicons.StopWords;
    }

    public void Recognize(List<Candidate> output, CancellationToken cancellationToken) => Recognize(output, titlesOnly: false, cancellationToken);

    /// <summary>Names after titles and roles only ("الرئيس سامر حداد"), to complete a statistical tagger's names.</summary>
    public void RecognizeTitles(List<Candidate> output, CancellationToken cancellationToken) => Recognize(output, titlesOnly: true, cancellationToken);

    private void Recognize(List<Candidate> output, bool titlesOnly, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = _text.Tokens;
        int maxWords = Lexicons.MaxGazetteerWords;
        for (int i = 0; i < tokens.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (tokens[i].Type != TokenType.Word)
            {
                continue;
            }

            if (TryTitle(i, out Candidate title))
            {
                output.Add(title);
            }

            if (!titlesOnly && TryLookup(_gazetteer, i, maxWords, Candidate.GazetteerPriority, out Candidate named))
            {
                output.Add(named);
            }
        }
    }

    /// <summary>
    /// Finds later bare mentions of names already found ("ماكرون" after "إيمانويل ماكرون"): the full
    /// name and its last word, when that word is not a stop word, become a per-text gazetteer.
    /// </summary>
    /// <param name="accepted">Mentions accepted so far.</param>
    /// <param name="output">Receives the bare mentions.</param>
    /// <param name="window">Bare mentions count only this many tokens after the first mention of the name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public void Propagate(IReadOnlyList<Candidate> accepted, List<Candidate> output, int window, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        int maxWords = 1;
        foreach (Candidate candidate in accepted)
        {
            if (candidate.Type != EntityType.Person)
            {
                continue;
            }

            string full = JoinBare(candidate);
            int words = candidate.EndToken - candidate.FirstToken;
            if (words > 1 || MayStandAlone(full))
            {
                names.TryAdd(full, EntityType.Person);
                firstSeen.TryAdd(full, candidate.FirstToken);
                maxWords = Math.Max(maxWords, words);
            }

            // Not the word after a link ("ربه" of "عبد ربه", "الله" of "عبد الله").
            string last = _keys[candidate.EndToken - 1];
            if (words > 1 && !s_nameLinks.Contains(_keys[candidate.EndToken - 2]) && MayStandAlone(last) && IsPersonOrUnknown(last) && !HasDefiniteForm(last))
            {
                names.TryAdd(last, EntityType.Person);
                firstSeen.TryAdd(last, candidate.FirstToken);
            }
        }

        if (names.Count == 0)
        {
            return;
        }

        FrozenDictionary<string, EntityType> frozen = names.ToFrozenDictionary(StringComparer.Ordinal);
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names.Keys)
        {
            int space = name.IndexOf(' ');
            firstWords.Add(space < 0 ? name : name[..space]);
        }

        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> firstWordLookup = firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < _keys.Length; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (_text.Tokens[i].Type == TokenType.Word && MayStartName(firstWordLookup, _keys[i]) && TryLookup(frozen, i, maxWords, Candidate.PropagatedPriority, out Candidate found)
                && (long)i - firstSeen.GetValueOrDefault(JoinBare(found), i) <= window
                && !(found.EndToken - found.FirstToken == 1 && IsAdjectiveOfNounBefore(i)))
            {
                output.Add(found with { Confidence = 0.65f });
            }
        }
    }

    // Whether the word, or the word without a proclitic (every form StripProclitics yields), is the
    // first word of a name: a cheap test before TryLookup joins and strips.
    private static bool MayStartName(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> firstWords, string key)
    {
        for (int skip = 0; skip <= Math.Min(4, key.Length); skip++)
        {
            if (firstWords.Contains(key.AsSpan(skip)))
            {
                return true;
            }
        }

        if (key.Length >= 4 && key.StartsWith("لل", StringComparison.Ordinal))
        {
            Span<char> restored = key.Length <= 128 ? stackalloc char[key.Length] : new char[key.Length];
            "ال".CopyTo(restored);
            key.AsSpan(2).CopyTo(restored[2..]);
            return firstWords.Contains(restored);
        }

        return false;
    }

    private string JoinBare(Candidate candidate)
    {
        string first = EntityText.Fold(_text.Text.AsSpan(candidate.Start, _text.Tokens[candidate.FirstToken].Span.End - candidate.Start));
        if (candidate.EndToken - candidate.FirstToken == 1)
        {
            return first;
        }

        return first + " " + string.Join(' ', _keys, candidate.FirstToken + 1, candidate.EndToken - candidate.FirstToken - 1);
    }

    private bool TryLookup(FrozenDictionary<string, EntityType> lexicon, int i, int maxWords, int priority, out Candidate candidate)
    {
        candidate = default;
        int limit = Math.Min(maxWords, _keys.Length - i);
        int words = 1;
        while (words < limit && _text.Tokens[i + words].Type == TokenType.Word)
        {
            words++;
        }

        string rest = string.Empty;
        for (int n = words; n >= 1; n--)
        {
            rest = n == 1 ? string.Empty : " " + string.Join(' ', _keys, i + 1, n - 1);
            if (lexicon.TryGetValue(_keys[i] + rest, out EntityType type) && Accept(i, n, 0))
            {
                candidate = Make(i, n, 0, type, priority);
                return true;
            }

            foreach ((string bare, int clitic) in Lexicons.StripProclitics(_keys[i]))
            {
                // A short bare word is too often a word's own letters ("لجاوا" is not ل + جاوا).
                // Bare forms ending in وا are mostly plural verbs ("لجاوا"), and a word that is a
                // function word whole is no proclitic on a name ("لصالح" is "in favour of", not ل + صالح).
                if (n == 1 && (bare.Length < 4 + (bare.StartsWith("ال", StringComparison.Ordinal) ? 1 : 0) || bare.EndsWith("وا", StringComparison.Ordinal)
                    || _stopWords.Contains(_keys[i])))
                {
                    continue;
                }

                if (lexicon.TryGetValue(bare + rest, out type) && Accept(i, n, clitic))
                {
                    candidate = Make(i, n, clitic, type, priority);
                    return true;
                }
            }
        }

        return false;
    }

    // English single words need a capital letter (the gazetteer is folded, and "bush" or "apple" are common words).
    private bool Accept(int i, int words, int clitic)
    {
        if (clitic == 0 && words == 1 && _stopWords.Contains(_keys[i]))
        {
            return false;
        }

        ReadOnlySpan<char> first = _text.Text.AsSpan(_text.Tokens[i].Span.Start, _text.Tokens[i].Span.Length);
        return !char.IsAsciiLetter(first[0]) || char.IsUpper(first[0]);
    }

    private Candidate Make(int i, int words, int clitic, EntityType type, int priority)
    {
        Token firstToken = _text.Tokens[i];
        int start = EntityText.StartAfter(_text.Text, firstToken, clitic);
        float confidence = words > 1 ? 0.85f : 0.8f;
        return new Candidate(start, _text.Tokens[i + words - 1].Span.End, i, i + words, type, confidence, null, priority)
        {
            RestoresArticle = Lexicons.RestoresArticle(_keys[i], clitic),
        };
    }

    private bool TryTitle(int i, out Candidate candidate)
    {
        candidate = default;
        int next = MatchTitle(i);
        if (next < 0)
        {
            return false;
        }

        bool english = char.IsAsciiLetter(_keys[i][0]);
        if (english)
        {
            // "Mr." split into "Mr" and ".".
            if (next < _keys.Length && _keys[next] == "." && _text.Tokens[next - 1].Span.End == _text.Tokens[next].Span.Start)
            {
                next++;
            }
        }
        else
        {
            // "وزير الخارجيه ...", "المتحدث باسم الحكومه ...": skip the role's domain.
            if (s_arabicRoleHeads.Contains(_keys[next - 1]) && next < _keys.Length && _keys[next].StartsWith("ال", StringComparison.Ordinal))
            {
                next++;

                // "وزير الدولة لشؤون مجلس الوزراء": a second domain after "for the affairs of".
                if (next < _keys.Length && _keys[next] is "لشؤون" or "لشئون" && ConstructDomainEnd(next) is int affairsEnd and > 0)
                {
                    next = affairsEnd;
                }
            }
            else if (s_arabicRoleHeads.Contains(_keys[next - 1]) && !_keys[next - 1].StartsWith("ال", StringComparison.Ordinal)
                && ConstructDomainEnd(next) is int domainEnd and > 0)
            {
                next = domainEnd;
            }
            else if (_keys[next - 1] is "المتحدث" or "المتحدثه" && next + 1 < _keys.Length && _keys[next] == "باسم")
            {
                next += 2;
            }

            // A nationality or qualifier after the title ("الرئيس الفرنسي", "الوزير السابق") and the
            // place of the post after a preposition ("السفير الألماني بأفغانستان").
            while (next < _keys.Length && (IsArabicQualifier(_keys[next])
                || ((_keys[next].StartsWith('ب') || _keys[next].StartsWith('ل')) && IsKnownOtherThanPersonWithProclitic(_keys[next]))))
            {
                next++;
            }
        }

        // Up to three name words for English; for Arabic two, plus link words ("عبد الله", "بن").
        int start = next;
        int end = next;
        int counted = 0;
        while (end < _keys.Length && end - start < 4 && counted < (english ? 3 : 2) && IsNameWord(end, english, end == start))
        {
            if (english || !s_nameLinks.Contains(_keys[end]))
            {
                counted++;
            }

            end++;
        }

        // A name does not end on a link word.
        while (end > start && !english && s_nameLinks.Contains(_keys[end - 1]))
        {
            end--;
        }

        if (end == start)
        {
            return false;
        }

        // One Arabic word after a title may as well be a verb ("الرئيس ناقشا"): it is taken as a
        // name only when the gazetteer knows it as a person or the text repeats it.
        if (!english && end - start == 1
            && !(_gazetteer.TryGetValue(_keys[start], out EntityType known) && known == EntityType.Person)
            && CountOf(_keys[start]) < 2)
        {
            return false;
        }

        Token first = _text.Tokens[start];
        candidate = new Candidate(first.Span.Start, _text.Tokens[end - 1].Span.End, start, end, EntityType.Person, 0.7f, null, Candidate.RulePriority);
        return true;
    }

    /// <summary>
    /// After a role without the article ("رئيس", "وزير"), its domain in construct: up to three
    /// nouns without the article ending before a noun with it or a place or organization the
    /// gazetteer knows ("رئيس مجلس الإدارة", "رئيس سلطة منطقة دبي", "رئيس وزراء إسرائيل"); the
    /// token after that last noun, or -1 when the words after the role are no such chain.
    /// </summary>
    private int ConstructDomainEnd(int start)
    {
        for (int k = start; k < _keys.Length && k - start <= 3; k++)
        {
            string key = _keys[k];
            if (_text.Tokens[k].Type != TokenType.Word || key.Length == 0 || !EntityText.IsArabicLetter(key[0]))
            {
                return -1;
            }

            if (key.StartsWith("ال", StringComparison.Ordinal)
                || (_gazetteer.TryGetValue(key, out EntityType type) && type is EntityType.Location or EntityType.Organization))
            {
                return k > start ? k + 1 : -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a single word may be looked for alone as a person: not a function word ("لي", or
    /// "فإن", which folds as the "فان" of "فان نيستلروي"), a month, a weekday, an ordinal (the
    /// "الثاني" of "عبدالله الثاني", found alone in "الربع الثاني") or a title (the surname of
    /// "طارق السيد" is "Mr." elsewhere).
    /// </summary>
    private bool MayStandAlone(string word) =>
        word.Length >= 3 && !_stopWords.Contains(word) && !PatternRecognizer.IsMonthOrWeekday(word) && !PatternRecognizer.IsArabicOrdinalWord(word)
        && !s_arabicTitles.Contains(word) && !s_arabicRoleHeads.Contains(word)
        && !(EntityText.IsArabicLetter(word[0]) && (IsCliticStopWord(word) || IsVerbInText(word)));

    /// <summary>
    /// Whether the text writes the word right after a particle that only a verb follows ("لن يمثل",
    /// "قد أجرى", "لم يتحدث"): a verb there, so no name word here ("صدام يمثل", "ميياتوفيتش أجرى").
    /// </summary>
    private bool IsVerbInText(string word)
    {
        if (_verbs is null)
        {
            _verbs = new HashSet<string>(StringComparer.Ordinal);
            for (int k = 0; k + 1 < _keys.Length; k++)
            {
                if (s_verbParticles.Contains(_keys[k]) && _text.Tokens[k + 1].Type == TokenType.Word)
                {
                    _verbs.Add(_keys[k + 1]);
                }
            }
        }

        return _verbs.Contains(word);
    }

    /// <summary>
    /// Whether the word at <paramref name="i"/> has the article and follows a word with it that is
    /// no title: an adjective agreeing with its noun ("الاجتماع العربي", "المعرض الكبير"), not the
    /// surname of "محمد العربي" found alone ("قال العربي", "الرئيس البشير" stay).
    /// </summary>
    private bool IsAdjectiveOfNounBefore(int i)
    {
        if (i == 0 || !_keys[i].StartsWith("ال", StringComparison.Ordinal) || _text.Tokens[i - 1].Type != TokenType.Word || MatchTitle(i - 1) >= 0)
        {
            return false;
        }

        return Lexicons.HasArticle(_keys[i - 1]);
    }

    /// <summary>
    /// Whether the text also writes the word with the article ("البرنامج" beside a tagged
    /// "برنامجا", "الجمعة" beside "جمعة"): a common noun or adjective there, not a surname to look
    /// for alone.
    /// </summary>
    private bool HasDefiniteForm(string word) =>
        EntityText.IsArabicLetter(word[0])
        && (CountOf("ال" + word) > 0 || (word.Length > 3 && word[^1] == 'ا' && CountOf(string.Concat("ال", word.AsSpan(0, word.Length - 1))) > 0));

    private int CountOf(string key)
    {
        if (_counts is null)
        {
            _counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string k in _keys)
            {
                _counts[k] = _counts.GetValueOrDefault(k) + 1;
            }
        }

        return _counts.GetValueOrDefault(key);
    }

    /// <summary>Whether token <paramref name="i"/> alone is a title or role ("Dr", "الرئيس"), never a name by itself.</summary>
    public bool IsTitle(int i) => MatchTitle(i) == i + 1;

    private int MatchTitle(int i)
    {
        // Looked up by span: this runs on every word, and most words are no title.
        ReadOnlySpan<char> key = _keys[i];
        if (key.Length == 0)
        {
            // A word of marks only (a lone tatweel) folds to nothing.
            return -1;
        }

        bool english = char.IsAsciiLetter(key[0]);
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> titles = english ? s_englishTitleLookup : s_arabicTitleLookup;

        // Abbreviated titles may be one token with their period ("Mr.", "Dr.").
        if (english && key.Length > 1 && key[^1] == '.')
        {
            key = key[..^1];
        }

        // "ورئيس الوزراء", "فالرئيس": a conjunction before the title.
        if (!english && key.Length > 3 && key[0] is 'و' or 'ف')
        {
            ReadOnlySpan<char> bare = key[1..];
            if (titles.Contains(bare) || s_arabicRoleHeadLookup.Contains(bare)
                || (i + 1 < _keys.Length && s_titleHeadLookup.Contains(bare) && ContainsJoined(titles, bare, _keys[i + 1], null)))
            {
                key = bare;
            }
        }

        bool head = s_titleHeadLookup.Contains(key);
        if (head && i + 2 < _keys.Length && ContainsJoined(titles, key, _keys[i + 1], _keys[i + 2]))
        {
            return i + 3;
        }

        if (head && i + 1 < _keys.Length && ContainsJoined(titles, key, _keys[i + 1], null))
        {
            return i + 2;
        }

        if (titles.Contains(key) || s_arabicRoleHeadLookup.Contains(key))
        {
            return i + 1;
        }

        return -1;
    }

    // Whether "first second[ third]" (words joined by spaces; no third when null) is in the set.
    private static bool ContainsJoined(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> first, ReadOnlySpan<char> second, string? third)
    {
        int length = first.Length + 1 + second.Length + (third is null ? 0 : third.Length + 1);
        Span<char> joined = length <= 128 ? stackalloc char[length] : new char[length];
        first.CopyTo(joined);
        joined[first.Length] = ' ';
        second.CopyTo(joined[(first.Length + 1)..]);
        if (third is not null)
        {
            joined[first.Length + 1 + second.Length] = ' ';
            third.CopyTo(joined[(first.Length + second.Length + 2)..]);
        }

        return set.Contains(joined);
    }

    // A word that is a stop word once its proclitic is removed ("ورئيس", "وفي") is no name.
    private static bool IsCliticStopWord(string key) => Lexicons.AnyBareForm(key, static bare => Lexicons.StopWords.Contains(bare));

    // Accusative tanween (مجددًا, أيضاً) marks adverbs and indefinite nouns, not names.
    private bool HasTanweenFath(int k)
    {
        ReadOnlySpan<char> word = _text.Text.AsSpan(_text.Tokens[k].Span.Start, _text.Tokens[k].Span.Length);
        return word.Contains('\u064B');
    }

    // A ta marbuta written as ت before a pronoun (سيادته, حكومتها, قيادتهم) ends a noun with "his",
    // "her", "their": no name. Read on the word as written, since folding turns ة into ه.
    private bool HasPronounAfterTaMarbuta(int k)
    {
        ReadOnlySpan<char> word = _text.Text.AsSpan(_text.Tokens[k].Span.Start, _text.Tokens[k].Span.Length);
        return word.Length > 4 && (word.EndsWith("ته") || word.EndsWith("تها") || word.EndsWith("تهم") || word.EndsWith("تهما")
            || word.EndsWith("تنا") || word.EndsWith("تكم"));
    }

    private static bool IsArabicQualifier(string key) =>
        key.Length >= 4 && key.StartsWith("ال", StringComparison.Ordinal) && (key.EndsWith('ي') || key.EndsWith("يه", StringComparison.Ordinal))
        || key is "السابق" or "السابقه" or "الحالي" or "الجديد" or "الاسبق";

    private bool IsNameWord(int k, bool english, bool first)
    {
        if (_text.Tokens[k].Type != TokenType.Word)
        {
            return false;
        }

        string key = _keys[k];
        if (_stopWords.Contains(key) || PatternRecognizer.IsMonthOrWeekday(key) || MatchTitle(k) >= 0
            || (!english && (IsCliticStopWord(key) || HasTanweenFath(k) || HasPronounAfterTaMarbuta(k) || IsVerbInText(key))))
        {
            return false;
        }

        if (english)
        {
            return char.IsUpper(_text.Text[_text.Tokens[k].Span.Start]);
        }

        if (key.Length == 0 || !EntityText.IsArabicLetter(key[0]))
        {
            return false;
        }

        // A name word carries the article only after a link word ("عبد الله"), as a family name
        // of relation ("الرفاعي"), or when the gazetteer knows it as a person.
        if (key.StartsWith("ال", StringComparison.Ordinal))
        {
            return !first && (s_nameLinks.Contains(_keys[k - 1]) || key.EndsWith('ي')
                || (_gazetteer.TryGetValue(key, out EntityType known) && known == EntityType.Person));
        }

        // Places and organizations known to the gazetteer end the name: "ماكرون باريس" is not one
        // name, nor "بدارفور" (a preposition on a place).
        if (!IsPersonOrUnknown(key) || IsKnownOtherThanPersonWithProclitic(key))
        {
            return false;
        }

        // A conjunction and the article ("واللاعبين") start no name.
        return !(first && key.Length > 3 && key[0] is 'و' or 'ف' && key.AsSpan(1).StartsWith("ال", StringComparison.Ordinal));
    }

    // "بأفغانستان", "لدارفور", "وبغداد": a proclitic on a place or organization the gazetteer knows.
    private static bool IsKnownOtherThanPersonWithProclitic(string key) => Lexicons.AnyBareForm(key, static bare => !IsPersonOrUnknown(bare));

    // A surname the gazetteer knows as a person is a surname all the same; only places and
    // organizations of its own ("Paris" of "Paris Hilton") are kept from standing for the person.
    private static bool IsPersonOrUnknown(string key) => !Lexicons.Gazetteer.TryGetValue(key, out EntityType type) || type == EntityType.Person;
}
