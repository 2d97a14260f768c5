using System.Collections.Frozen;
using System.Globalization;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Dates relative to the day a text was written: days ("أمس", "بعد غد", "tomorrow"), weeks, months
/// and years ("الأسبوع الماضي", "العام المقبل", "next month"), and weekdays ("الأحد الماضي",
/// "last Sunday"). They are dates with or without a reference date; the reference date gives them
/// their value.
/// </summary>
internal sealed partial class PatternRecognizer
{
    private enum Direction
    {
        Nearest,
        Past,
        Future,
        Current,
    }

    private enum Period
    {
        Week,
        Month,
        Year,
    }

    // Days from the reference date, single words.
    private static readonly FrozenDictionary<string, int> s_relativeDays = new Dictionary<string, int>
    {
        ["امس"] = -1,
        ["الامس"] = -1,
        ["البارحه"] = -1,
        ["اليوم"] = 0,
        ["غدا"] = 1,
        ["yesterday"] = -1,
        ["today"] = 0,
        ["tomorrow"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Written onto the first word of a relative date, longest first: "وبالأمس", "والأسبوع", "بالأمس".
    private static readonly string[] s_relativeProclitics = ["وب", "فب", "و", "ف", "ب"];

    private static readonly FrozenDictionary<string, Period> s_periods = new Dictionary<string, Period>
    {
        ["الاسبوع"] = Period.Week,
        ["الشهر"] = Period.Month,
        ["العام"] = Period.Year,
        ["السنه"] = Period.Year,
        ["week"] = Period.Week,
        ["month"] = Period.Month,
        ["year"] = Period.Year,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Arabic words after a period or a weekday ("العام الماضي", "الجمعة المقبلة"), both genders.
    private static readonly FrozenDictionary<string, Direction> s_arabicDirections = new Dictionary<string, Direction>
    {
        ["الماضي"] = Direction.Past,
        ["الماضيه"] = Direction.Past,
        ["الفائت"] = Direction.Past,
        ["الفائته"] = Direction.Past,
        ["المنصرم"] = Direction.Past,
        ["المنصرمه"] = Direction.Past,
        ["المقبل"] = Direction.Future,
        ["المقبله"] = Direction.Future,
        ["القادم"] = Direction.Future,
        ["القادمه"] = Direction.Future,
        ["الجاري"] = Direction.Current,
        ["الجاريه"] = Direction.Current,
        ["الحالي"] = Direction.Current,
        ["الحاليه"] = Direction.Current,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // English words before a period or a weekday ("last year", "next Friday").
    private static readonly FrozenDictionary<string, Direction> s_englishDirections = new Dictionary<string, Direction>
    {
        ["last"] = Direction.Past,
        ["next"] = Direction.Future,
        ["this"] = Direction.Current,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Weekday names, folded, with their day: the weekday recognizers of every kind of date read them.
    private static readonly FrozenDictionary<string, DayOfWeek> s_weekdays = new Dictionary<string, DayOfWeek>
    {
        ["الاحد"] = DayOfWeek.Sunday,
        ["الاثنين"] = DayOfWeek.Monday,
        ["الثلاثاء"] = DayOfWeek.Tuesday,
        ["الاربعاء"] = DayOfWeek.Wednesday,
        ["الخميس"] = DayOfWeek.Thursday,
        ["الجمعه"] = DayOfWeek.Friday,
        ["السبت"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// A weekday alone, with an Arabic direction word after it ("الأحد الماضي") or not. Its value,
    /// given a reference date: "last"/"الماضي" the latest such day before it, "next"/"المقبل" the
    /// first after it, none the nearest (at most three days away: news says "on Sunday" of the
    /// days around its own).
    /// </summary>
    private bool TryWeekday(int i, out int end, out string? value)
    {
        end = i + 1;
        Direction direction = Direction.Nearest;
        if (end < _keys.Length && s_arabicDirections.TryGetValue(_keys[end], out Direction after) && after != Direction.Current)
        {
            direction = after;
            end++;
        }

        value = Weekday(s_weekdays[_keys[i]], direction);
        return true;
    }

    private bool TryRelativeDate(int i, out int end, out string? value)
    {
        end = i;
        value = null;
        if (_text.Tokens[i].Type != TokenType.Word)
        {
            return false;
        }

        string key = BareRelativeKey(_keys[i], out _);

        // Two-word days first: "أول أمس" (the day before yesterday), "بعد غد" (the day after tomorrow).
        if (i + 1 < _keys.Length && ((key == "اول" && _keys[i + 1] is "امس" or "الامس") || (key == "بعد" && _keys[i + 1] == "غد")))
        {
            end = i + 2;
            value = Day(key == "اول" ? -2 : 2);
            return true;
        }

        // "اليوم الأول" (the first day), "اليوم العالمي" (the world day) are a day, not today;
        // "اليوم الأحد" (today, Sunday) is today.
        // "قبل ثلاثة أيام", "منذ عامين": a date that long before the reference date.
        if (key is "قبل" or "منذ" && i + 1 < _keys.Length && TryDuration(i + 1, out Candidate ago) && TryShift(ago.Value, -1, out value))
        {
            end = ago.EndToken;
            return true;
        }

        if (s_relativeDays.TryGetValue(key, out int offset)
            && !(key == "اليوم" && i + 1 < _keys.Length && _keys[i + 1].StartsWith("ال", StringComparison.Ordinal) && !s_weekdays.ContainsKey(_keys[i + 1])))
        {
            end = i + 1;
            value = Day(offset);
            return true;
        }

        // "العام الماضي", "الشهر الجاري", "هذا الأسبوع".
        int periodAt = key is "هذا" or "هذه" ? i + 1 : i;
        if (periodAt < _keys.Length && s_periods.TryGetValue(periodAt == i ? key : _keys[periodAt], out Period period) && _text.Tokens[periodAt].Type == TokenType.Word)
        {
            if (periodAt > i)
            {
                end = periodAt + 1;
                value = PeriodValue(period, Direction.Current);
                return true;
            }

            if (i + 1 < _keys.Length && s_arabicDirections.TryGetValue(_keys[i + 1], out Direction direction))
            {
                end = i + 2;
                value = PeriodValue(period, direction);
                return true;
            }

            return false;
        }

        // "last year", "next Friday", "this week".
        if (i + 1 < _keys.Length && s_englishDirections.TryGetValue(key, out Direction english))
        {
            if (s_periods.TryGetValue(_keys[i + 1], out period))
            {
                end = i + 2;
                value = PeriodValue(period, english);
                return true;
            }

            if (s_weekdays.TryGetValue(_keys[i + 1], out DayOfWeek day))
            {
                end = i + 2;
                value = Weekday(day, english == Direction.Current ? Direction.Nearest : english);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first word of a relative date without the conjunction or preposition written onto it
    /// ("والأسبوع الماضي", "وأمس", "بالأمس"), with the folded length of what was taken off; the
    /// word itself when it carries none.
    /// </summary>
    private static string BareRelativeKey(string key, out int clitic)
    {
        clitic = 0;
        if (IsRelativeHead(key))
        {
            return key;
        }

        foreach (string proclitic in s_relativeProclitics)
        {
            if (key.Length > proclitic.Length + 1 && key.StartsWith(proclitic, StringComparison.Ordinal) && IsRelativeHead(key[proclitic.Length..]))
            {
                clitic = proclitic.Length;
                return key[proclitic.Length..];
            }
        }

        return key;
    }

    private static bool IsRelativeHead(string key) =>
        s_relativeDays.ContainsKey(key) || s_periods.ContainsKey(key) || key is "هذا" or "هذه" or "اول" or "بعد" or "قبل" or "منذ";

    /// <summary>The date "<paramref name="duration"/> ago" when "ago" follows the duration, else null.</summary>
    private Candidate? DateAgo(Candidate duration)
    {
        int end = duration.EndToken;
        if (end >= _keys.Length || _keys[end] != "ago" || !TryShift(duration.Value, -1, out string? value))
        {
            return null;
        }

        return Make(duration.FirstToken, end + 1, EntityType.Date, PatternConfidence, value);
    }

    /// <summary>
    /// Whether an ISO 8601 duration of whole days, weeks, months or years (<c>P3D</c>, <c>P2W</c>,
    /// <c>P1M</c>, <c>P30Y</c>) names a date when counted from the reference date in
    /// <paramref name="direction"/> (-1 back); <paramref name="value"/> is that date at the
    /// duration's own precision (a day, an ISO week, a month, a year), or null without a reference
    /// date. Hours and fractions are no date.
    /// </summary>
    private bool TryShift(string? duration, int direction, out string? value)
    {
        value = null;
        if (duration is not { Length: >= 3 } || duration[0] != 'P' || duration[1] == 'T'
            || !int.TryParse(duration.AsSpan(1, duration.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || duration[^1] is not ('D' or 'W' or 'M' or 'Y'))
        {
            return false;
        }

        // Counted from the reference date, a date must stay within years 1 to 9999 (DateOnly's
        // range): "منذ 5000 عام" is a date without a value.
        if (_referenceDate is not { } reference || count > (duration[^1] switch { 'D' => 365, 'W' => 52, 'M' => 12, _ => 1 }) * (reference.Year - 1))
        {
            return true;
        }

        value = Shifted(reference, duration[^1], direction * count);
        return true;
    }

    /// <summary>A DATE found at token <paramref name="first"/>, its span without a proclitic written onto a relative date.</summary>
    private Candidate MakeDate(int first, int end, string? value)
    {
        Candidate date = Make(first, end, EntityType.Date, PatternConfidence, value);
        BareRelativeKey(_keys[first], out int clitic);
        if (clitic == 0)
        {
            return date;
        }

        TextSpan token = _text.Tokens[first].Span;
        return date with { Start = token.Start + EntityText.OriginalLengthOf(_text.Text.AsSpan(token.Start, token.Length), clitic) };
    }

    private string? Day(int offset) =>
        _referenceDate is { } reference ? reference.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private string? Weekday(DayOfWeek day, Direction direction)
    {
        if (_referenceDate is not { } reference)
        {
            return null;
        }

        int ahead = ((int)day - (int)reference.DayOfWeek + 7) % 7;
        int offset = direction switch
        {
            Direction.Past => ahead == 0 ? -7 : ahead - 7,
            Direction.Future => ahead == 0 ? 7 : ahead,
            _ => ahead <= 3 ? ahead : ahead - 7,
        };
        return Day(offset);
    }

    private string? PeriodValue(Period period, Direction direction)
    {
        int step = direction switch
        {
            Direction.Past => -1,
            Direction.Future => 1,
            _ => 0,
        };
        return _referenceDate is { } reference ? Shifted(reference, period switch { Period.Week => 'W', Period.Month => 'M', _ => 'Y' }, step) : null;
    }

    // The reference date moved by `step` units (D, W, M or Y, as in ISO 8601 durations), written at
    // the unit's precision in ISO 8601: a day "2024-11-10", a week "2024-W45", a month "2024-10",
    // a year "2023".
    private static string Shifted(DateOnly reference, char unit, int step)
    {
        switch (unit)
        {
            case 'D':
                return reference.AddDays(step).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case 'W':
                DateTime day = reference.AddDays(7 * step).ToDateTime(TimeOnly.MinValue);
                return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}");
            case 'M':
                DateOnly month = reference.AddMonths(step);
                return string.Create(CultureInfo.InvariantCulture, $"{month.Year:D4}-{month.Month:D2}");
            default:
                return string.Create(CultureInfo.InvariantCulture, $"{reference.Year + step:D4}");
        }
    }
}
