using GrpcNlp.Core.Segmentation;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Evaluation;

/// <summary>One gold segment: its form, Farasa POS, role and span in the word's surface text.</summary>
internal sealed record GoldSegment(string Form, string Pos, SegmentRole Role, TextSpan Span, string Surface);

/// <summary>One gold word: its surface spelling (rebuilt from the segments), segments and sentence number.</summary>
internal sealed record GoldWord(string Surface, GoldSegment[] Segments, int Sentence)
{
    /// <summary>Whether the word has an Arabic letter (punctuation, digits and Latin words have none).</summary>
    public bool IsArabic => Surface.AsSpan().ContainsAnyInRange('\u0621', '\u064A');
}

/// <summary>
/// The Farasa segmentation gold (`refTok(Farasa)\trefPOS(Farasa)`, one word a line, segments
/// joined by +): roles from the POS tags, the surface word rebuilt by undoing the letters
/// cliticisation drops, projections to the ATB and D3 schemes, and the fixed dev split.
/// </summary>
internal static class FarasaGold
{
    /// <summary>Pronouns that are verb subject markers (inflection) when they are a verb's only pronoun.</summary>
    private static readonly HashSet<string> s_subjectMarkers = ["ت", "تا", "تم", "تما", "تن", "وا", "و", "ا", "ان", "ون", "ين", "ن", "نا", "ي"];

    /// <summary>Pronoun forms that attach as enclitics (so a one-letter preposition before them is the stem: به، لها).</summary>
    private static readonly HashSet<string> s_encliticForms = ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"];

    /// <summary>
    /// The dev part: every sentence whose number is 9 mod 10 (sentences end at a `.`, `؟` or `!`
    /// token; numbering starts at 0). Fixed, so every run scores the same words.
    /// </summary>
    public static bool IsDev(GoldWord word) => word.Sentence % 10 == 9;

    public static List<GoldWord> Read(string path)
    {
        var words = new List<GoldWord>();
        int sentence = 0;
        bool header = true;
        foreach (string line in File.ReadLines(path))
        {
            if (header)
            {
                header = false;
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            string[] columns = line.Split('\t');
            string[] forms = columns[0].Split('+');
            string[] tags = columns.Length > 1 ? columns[1].Split('+') : [];
            if (tags.Length != forms.Length || forms.Any(f => f.Length == 0))
            {
                // A literal + or a malformed line: keep the token whole.
                forms = [columns[0]];
                tags = [columns.Length > 1 ? columns[1] : "UNK"];
            }

            words.Add(Build(forms, tags, sentence));
            if (forms.Length == 1 && forms[0] is "." or "؟" or "!")
            {
                sentence++;
            }
        }

        return words;
    }

    private static GoldWord Build(string[] forms, string[] tags, int sentence)
    {
        SegmentRole[] roles = AssignRoles(forms, tags);
        string[] surfaces = (string[])forms.Clone();
        for (int i = 1; i < forms.Length; i++)
        {
            if (forms[i] == "ال" && tags[i] == "DET" && forms[i - 1] == "ل")
            {
                surfaces[i] = "ل"; // ل + المرة = للمرة
            }
            else if (forms[i - 1] is "من" or "عن" && forms[i] is "ما" or "من")
            {
                surfaces[i - 1] = forms[i - 1][..1]; // من + ما = مما
            }
            else if (tags[i - 1] == "V" && forms[i - 1].EndsWith('ن') && forms[i] == "نا")
            {
                surfaces[i - 1] = forms[i - 1][..^1]; // كن + نا = كنا
            }
        }

        var segments = new GoldSegment[forms.Length];
        int offset = 0;
        for (int i = 0; i < forms.Length; i++)
        {
            segments[i] = new GoldSegment(forms[i], tags[i], roles[i], new TextSpan(offset, offset + surfaces[i].Length), surfaces[i]);
            offset += surfaces[i].Length;
        }

        return new GoldWord(string.Concat(surfaces), segments, sentence);
    }

    /// <summary>
    /// Proclitics are the leading one-letter CONJ/PREP/FUT_PART/PART segments and DET the article;
    /// the stem is the first other segment (a one-letter preposition before a pronoun enclitic is
    /// itself the stem: ب+ه); after it NSUFF/CASE and verb subject pronouns are suffixes and other
    /// pronouns enclitics.
    /// </summary>
    private static SegmentRole[] AssignRoles(string[] forms, string[] tags)
    {
        int n = forms.Length;
        int stem = n - 1;
        for (int i = 0; i < n; i++)
        {
            bool cliticLike = tags[i] == "DET" || (forms[i].Length == 1 && tags[i] is "CONJ" or "PREP" or "FUT_PART" or "PART");
            if (!cliticLike)
            {
                stem = i;
                break;
            }
        }

        if (stem > 0 && tags[stem] == "PRON" && s_encliticForms.Contains(forms[stem]) && forms[stem - 1].Length == 1 && tags[stem - 1] is "PREP" or "PART")
        {
            stem--;
        }

        var roles = new SegmentRole[n];
        int lastPronoun = Array.FindLastIndex(tags, t => t == "PRON");
        int pronounsAfterStem = tags.Skip(stem + 1).Count(t => t == "PRON");
        for (int i = 0; i < n; i++)
        {
            if (i < stem)
            {
                roles[i] = tags[i] == "DET" ? SegmentRole.Article : SegmentRole.Proclitic;
            }
            else if (i == stem)
            {
                roles[i] = SegmentRole.Stem;
            }
            else if (tags[i] != "PRON")
            {
                roles[i] = SegmentRole.Suffix;
            }
            else if (tags[stem] != "V")
            {
                roles[i] = SegmentRole.Enclitic;
            }
            else if (pronounsAfterStem > 1)
            {
                roles[i] = i == lastPronoun ? SegmentRole.Enclitic : SegmentRole.Suffix;
            }
            else
            {
                roles[i] = s_subjectMarkers.Contains(forms[i]) ? SegmentRole.Suffix : SegmentRole.Enclitic;
            }
        }

        return roles;
    }

    /// <summary>
    /// The word's segments in <paramref name="scheme"/>, as (span in the surface word, form):
    /// ATB joins article, stem and suffixes; D3 joins stem and suffixes; Farasa keeps all.
    /// </summary>
    public static List<(TextSpan Span, string Form)> Project(GoldWord word, SegmentationScheme scheme)
    {
        var result = new List<(TextSpan, string)>();
        if (scheme == SegmentationScheme.None)
        {
            result.Add((new TextSpan(0, word.Surface.Length), word.Surface));
            return result;
        }

        int start = -1;
        string form = string.Empty;
        SegmentRole previous = SegmentRole.Proclitic;
        foreach (GoldSegment segment in word.Segments)
        {
            // ATB: the article opens the stem segment; ATB and D3: suffixes stay on the stem.
            bool joins = start >= 0 && ((segment.Role == SegmentRole.Suffix && scheme != SegmentationScheme.Farasa)
                || (segment.Role == SegmentRole.Stem && previous == SegmentRole.Article && scheme == SegmentationScheme.Atb));
            previous = segment.Role;
            if (joins)
            {
                form += segment.Form;
                continue;
            }

            if (start >= 0)
            {
                result.Add((new TextSpan(start, segment.Span.Start), form));
            }

            start = segment.Span.Start;
            form = segment.Form;
        }

        result.Add((new TextSpan(start, word.Surface.Length), form));
        return result;
    }

    /// <summary>The gold reading as a candidate analysis, or null when it has a shape the segmenter cannot produce.</summary>
    public static SegmentAnalysis? ToAnalysis(GoldWord word)
    {
        int proclitics = 0;
        ArticleForm article = ArticleForm.None;
        int suffix1 = 0, suffix2 = 0, enclitic = 0;
        int stage = 0; // 0 proclitics, 1 article, 2 stem, 3 suffixes, 4 enclitic
        foreach (GoldSegment s in word.Segments)
        {
            if (s.Form != s.Surface && s.Role != SegmentRole.Article)
            {
                return null;
            }

            switch (s.Role)
            {
                case SegmentRole.Proclitic when stage == 0 && proclitics < 2 && s.Form.Length == 1 && "وفبلكس".Contains(s.Form[0]):
                    proclitics++;
                    break;
                case SegmentRole.Article when stage == 0 && s.Form == "ال":
                    article = s.Surface == "ال" ? ArticleForm.Written : ArticleForm.Restored;
                    stage = 1;
                    break;
                case SegmentRole.Stem when stage <= 1:
                    stage = 2;
                    break;
                case SegmentRole.Suffix when stage is 2 or 3 && suffix2 == 0:
                    if (suffix1 == 0)
                    {
                        suffix1 = s.Surface.Length;
                    }
                    else
                    {
                        suffix2 = s.Surface.Length;
                    }

                    stage = 3;
                    break;
                case SegmentRole.Enclitic when stage is 2 or 3:
                    enclitic = s.Surface.Length;
                    stage = 4;
                    break;
                default:
                    return null;
            }
        }

        return stage >= 2 ? new SegmentAnalysis(word.Surface.Length, proclitics, article, suffix1, suffix2, enclitic) : null;
    }
}
