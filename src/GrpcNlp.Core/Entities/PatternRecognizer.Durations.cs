using System.Collections.Frozen;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>DURATION: a count before a unit of time ("ثلاثة أسابيع", "48 hours"), or an Arabic dual ("يومين").</summary>
internal sealed partial class PatternRecognizer
{
    // Units of time by folded form: how many of the ISO 8601 designator one unit is, and whether
    // the designator is a time one (after "T"). Accusative forms follow counts of 11 and more ("30 عاما").
    // Not "عقد" in the singular: after a number it is the verb "held" ("عام 1945 عقد مؤتمر").
    private static readonly FrozenDictionary<string, DurationUnit> s_durationUnits = new Dictionary<string, DurationUnit>
    {
        ["ثانيه"] = new(1, 'S', true),
        ["ثوان"] = new(1, 'S', true),
        ["ثواني"] = new(1, 'S', true),
        ["دقيقه"] = new(1, 'M', true),
        ["دقائق"] = new(1, 'M', true),
        ["ساعه"] = new(1, 'H', true),
        ["ساعات"] = new(1, 'H', true),
        ["يوم"] = new(1, 'D', false),
        ["يوما"] = new(1, 'D', false),
        ["ايام"] = new(1, 'D', false),
        ["اسبوع"] = new(1, 'W', false),
        ["اسبوعا"] = new(1, 'W', false),
        ["اسابيع"] = new(1, 'W', false),
        ["شهر"] = new(1, 'M', false),
        ["شهرا"] = new(1, 'M', false),
        ["اشهر"] = new(1, 'M', false),
        ["شهور"] = new(1, 'M', false),
        ["سنه"] = new(1, 'Y', false),
        ["سنوات"] = new(1, 'Y', false),
        ["سنين"] = new(1, 'Y', false),
        ["عام"] = new(1, 'Y', false),
        ["عاما"] = new(1, 'Y', false),
        ["اعوام"] = new(1, 'Y', false),
        ["عقدا"] = new(10, 'Y', false),
        ["عقود"] = new(10, 'Y', false),
        ["قرن"] = new(100, 'Y', false),
        ["قرنا"] = new(100, 'Y', false),
        ["قرون"] = new(100, 'Y', false),
        ["second"] = new(1, 'S', true),
        ["seconds"] = new(1, 'S', true),
        ["minute"] = new(1, 'M', true),
        ["minutes"] = new(1, 'M', true),
        ["hour"] = new(1, 'H', true),
        ["hours"] = new(1, 'H', true),
        ["day"] = new(1, 'D', false),
        ["days"] = new(1, 'D', false),
        ["week"] = new(1, 'W', false),
        ["weeks"] = new(1, 'W', false),
        ["month"] = new(1, 'M', false),
        ["months"] = new(1, 'M', false),
        ["year"] = new(1, 'Y', false),
        ["years"] = new(1, 'Y', false),
        ["decade"] = new(10, 'Y', false),
        ["decades"] = new(10, 'Y', false),
        ["century"] = new(100, 'Y', false),
        ["centuries"] = new(100, 'Y', false),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Arabic duals: two units in one word ("يومين" = P2D). Construct forms ("يومي السبت والأحد") are dates, not listed.
    private static readonly FrozenDictionary<string, DurationUnit> s_durationDuals = new Dictionary<string, DurationUnit>
    {
        ["ثانيتين"] = new(2, 'S', true),
        ["ثانيتان"] = new(2, 'S', true),
        ["دقيقتين"] = new(2, 'M', true),
        ["دقيقتان"] = new(2, 'M', true),
        ["ساعتين"] = new(2, 'H', true),
        ["ساعتان"] = new(2, 'H', true),
        ["يومين"] = new(2, 'D', false),
        ["يومان"] = new(2, 'D', false),
        ["اسبوعين"] = new(2, 'W', false),
        ["اسبوعان"] = new(2, 'W', false),
        ["شهرين"] = new(2, 'M', false),
        ["شهران"] = new(2, 'M', false),
        ["سنتين"] = new(2, 'Y', false),
        ["سنتان"] = new(2, 'Y', false),
        ["عامين"] = new(2, 'Y', false),
        ["عامان"] = new(2, 'Y', false),
        ["عقدين"] = new(20, 'Y', false),
        ["عقدان"] = new(20, 'Y', false),
        ["قرنين"] = new(200, 'Y', false),
        ["قرنان"] = new(200, 'Y', false),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DurationUnit>.AlternateLookup<ReadOnlySpan<char>> s_durationDualsBySpan =
        s_durationDuals.GetAlternateLookup<ReadOnlySpan<char>>();

    // Proclitics a dual may carry ("لعامين", "خلال اليومين"); the span starts after all but the article.
    private static readonly string[] s_dualPrefixes = ["", "ال", "و", "ف", "ب", "ل", "وال", "فال", "بال", "وب", "ول", "فب", "فل"];

    // Singular units that a half turns into a duration: "نصف ساعة" (PT0.5H), "ساعة ونصف" (PT1.5H).
    private static readonly FrozenSet<string> s_halvedUnits = new[]
    {
        "ثانيه", "دقيقه", "ساعه", "يوم", "اسبوع", "شهر", "سنه", "عام", "عقد", "قرن",
    }.ToFrozenSet(StringComparer.Ordinal);

    // English words before "a" or "an" and a unit that make it one unit of time ("for a week",
    // "more than a decade"), not a rate ("twice a week", "40 hours a week", "$5 a year").
    private static readonly FrozenSet<string> s_articleDurationCues = new[]
    {
        "for", "within", "over", "than", "about", "nearly", "almost", "after", "in", "half",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A duration starting at token <paramref name="i"/>: a count and a unit of time, a dual, or a half.</summary>
    private bool TryDuration(int i, out Candidate candidate)
    {
        if (TryCountedDuration(i, out int end, out string? value) || TryHalfDuration(i, out end, out value) || TryArticleDuration(i, out end, out value))
        {
            candidate = Make(i, end, EntityType.Duration, PatternConfidence, value);
            return true;
        }

        return TryDurationDual(i, out candidate);
    }

    /// <summary>"نصف ساعة" and "ساعة ونصف": a half before or after a singular unit without the article.</summary>
    private bool TryHalfDuration(int i, out int end, out string? value)
    {
        end = i;
        value = null;
        if (i + 1 >= _keys.Length || _text.Tokens[i].Type != TokenType.Word || _text.Tokens[i + 1].Type != TokenType.Word)
        {
            return false;
        }

        decimal count;
        string unitKey;
        if (_keys[i] == "نصف" && s_halvedUnits.Contains(_keys[i + 1]))
        {
            count = 0.5m;
            unitKey = _keys[i + 1];
        }
        else if (_keys[i + 1] == "ونصف" && s_halvedUnits.Contains(_keys[i]))
        {
            count = 1.5m;
            unitKey = _keys[i];
        }
        else
        {
            return false;
        }

        end = i + 2;
        value = s_durationUnits[unitKey].Format(count);
        return true;
    }

    /// <summary>
    /// English "a" or "an" before a singular unit of time as one unit, "half a" or "half an" as a
    /// half: "half an hour" (PT0.5H), "a decade" (P10Y), "for a week" (P1W), "a year ago". A decade
    /// or century needs no cue; a shorter unit needs a cue before it (<see cref="s_articleDurationCues"/>)
    /// or "ago" after it, since "a day" is as often a rate ("twice a day"). Never "a second": it is
    /// an ordinal ("for a second term").
    /// </summary>
    private bool TryArticleDuration(int i, out int end, out string? value)
    {
        end = i;
        value = null;
        bool half = _keys[i] == "half";
        int article = half ? i + 1 : i;
        if (article + 1 >= _keys.Length || _keys[article] is not ("a" or "an") || _text.Tokens[article + 1].Type != TokenType.Word
            || !s_durationUnits.TryGetValue(_keys[article + 1], out DurationUnit unit) || _keys[article + 1].EndsWith('s')
            || _keys[article + 1] == "second")
        {
            return false;
        }

        bool cued = half || unit.Count >= 10 || (i > 0 && s_articleDurationCues.Contains(_keys[i - 1]))
            || (article + 2 < _keys.Length && _keys[article + 2] == "ago");
        if (!cued)
        {
            return false;
        }

        end = article + 2;
        value = unit.Format(half ? 0.5m : 1m);
        return true;
    }

    /// <summary>
    /// A count then a unit of time ("3 سنوات", "عشرة أيام", "two years"). The count must come
    /// first: a number after the unit is a year or an hour of the day ("عام 2024", "الساعة 10").
    /// </summary>
    private bool TryCountedDuration(int i, out int end, out string? value)
    {
        end = i;
        value = null;
        if (!TryCount(i, out int afterCount, out decimal count) || count == 0 || IsAfterYearOrClockCue(i) || afterCount >= _keys.Length
            || _text.Tokens[afterCount].Type != TokenType.Word || !s_durationUnits.TryGetValue(_keys[afterCount], out DurationUnit unit))
        {
            return false;
        }

        end = afterCount + 1;

        // "the 1996 year": a year before the singular is the year itself.
        if (_keys[afterCount] == "year" && afterCount == i + 1 && TryYear(i, out _) > 0)
        {
            return false;
        }

        // "3 شهر مايو" names a day of a month, "5 يوم الأحد" a score before a day; "5 years old" is an
        // age; "رقم 9 عام (1921)" is a number and a year.
        if (end < _keys.Length && ((unit.Designator == 'M' && !unit.Time && s_months.ContainsKey(_keys[end]))
            || s_weekdays.ContainsKey(_keys[end]) || _keys[end] == "old"
            || TryYear(_keys[end] == "(" ? end + 1 : end, out _) > 0))
        {
            return false;
        }

        // "3 سنوات ونصف".
        if (end < _keys.Length && _keys[end] == "ونصف")
        {
            count += 0.5m;
            end++;
        }

        value = unit.Format(count);
        return true;
    }

    /// <summary>An Arabic dual of a unit of time, possibly after proclitics; the span starts after them (keeping "ال").</summary>
    private bool TryDurationDual(int i, out Candidate candidate)
    {
        candidate = default;
        if (_text.Tokens[i].Type != TokenType.Word)
        {
            return false;
        }

        // Every dual ends in "ين" or "ان"; most words stop here, and the rest look up spans, not substrings.
        string key = _keys[i];
        if (key.Length < 5 || key[^1] != 'ن')
        {
            return false;
        }

        foreach (string prefix in s_dualPrefixes)
        {
            ReadOnlySpan<char> rest = key.AsSpan(Math.Min(prefix.Length, key.Length));
            if (key.Length <= prefix.Length || !key.StartsWith(prefix, StringComparison.Ordinal) || !s_durationDualsBySpan.TryGetValue(rest, out DurationUnit unit))
            {
                continue;
            }

            // "العامين" is also "the two general ones" ("المديرين العامين").
            if (prefix.EndsWith("ال", StringComparison.Ordinal) && rest is "عامين" or "عامان")
            {
                return false;
            }

            int clitics = prefix.EndsWith("ال", StringComparison.Ordinal) ? prefix.Length - 2 : prefix.Length;
            Token token = _text.Tokens[i];
            int start = EntityText.StartAfter(_text.Text, token, clitics);

            // "سنتين ونصف" is two and a half units: 1.25 pairs.
            int end = i + 1;
            decimal pairs = 1;
            if (end < _keys.Length && _keys[end] == "ونصف")
            {
                pairs = 1.25m;
                end++;
            }

            candidate = new Candidate(start, _text.Tokens[end - 1].Span.End, i, end, EntityType.Duration, PatternConfidence, unit.Format(pairs), Candidate.PatternPriority);
            return true;
        }

        return false;
    }

    /// <summary>A unit of time: <see cref="Count"/> of ISO 8601 <see cref="Designator"/> (a time designator when <see cref="Time"/>).</summary>
    private readonly record struct DurationUnit(decimal Count, char Designator, bool Time)
    {
        public string Format(decimal count) =>
            (Time ? "PT" : "P") + PatternRecognizer.Format(count * Count) + Designator;
    }
}
