using System.Collections.Frozen;
using System.Globalization;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>Times of day: "الساعة 10:30 صباحا", "الساعة الثالثة عصرا", "3 p.m.", "15:45 GMT".</summary>
/// <remarks>
/// A clock ("10:30", "10:30:15") is a time only with a cue: "الساعة" before it, a meridiem or
/// day-part word or a time zone after it, or a preposition such as "at", "until", "منذ", "حتى"
/// before it; a bare "2:25" may be a verse or a ratio. "10.30" needs "الساعة" or a meridiem or
/// day-part word. A bare hour needs "الساعة" before it or a meridiem or day-part word after it. The value is ISO 8601 ("T15:00", seconds when given), with the offset appended when
/// the zone has a fixed one ("Z" for GMT/UTC/غرينتش, "+03:00" for مكة).
/// </remarks>
internal sealed partial class PatternRecognizer
{
    private enum DayPart
    {
        None,

        /// <summary>a.m., صباحا, فجرا: 12 is midnight.</summary>
        Morning,

        /// <summary>p.m., مساء, عصرا, بعد الظهر: hours before 12 are afternoon or evening.</summary>
        Afternoon,

        /// <summary>ظهرا: 11 and 12 stay, earlier hours are after noon.</summary>
        Noon,

        /// <summary>ليلا: 6 to 11 are evening, 12 is midnight, 1 to 5 early morning.</summary>
        Night,
    }

    // The hour after "الساعة", folded ("الساعة الثالثة").
    private static readonly FrozenDictionary<string, int> s_hourWords = new Dictionary<string, int>
    {
        ["الواحده"] = 1,
        ["الثانيه"] = 2,
        ["الثالثه"] = 3,
        ["الرابعه"] = 4,
        ["الخامسه"] = 5,
        ["السادسه"] = 6,
        ["السابعه"] = 7,
        ["الثامنه"] = 8,
        ["التاسعه"] = 9,
        ["العاشره"] = 10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DayPart> s_dayParts = new Dictionary<string, DayPart>
    {
        ["am"] = DayPart.Morning,
        ["a.m."] = DayPart.Morning,
        ["a.m"] = DayPart.Morning,
        ["pm"] = DayPart.Afternoon,
        ["p.m."] = DayPart.Afternoon,
        ["p.m"] = DayPart.Afternoon,
        ["ص"] = DayPart.Morning,
        ["م"] = DayPart.Afternoon,
        ["صباحا"] = DayPart.Morning,
        ["فجرا"] = DayPart.Morning,
        ["مساء"] = DayPart.Afternoon,
        ["مساءا"] = DayPart.Afternoon,
        ["عصرا"] = DayPart.Afternoon,
        ["ظهرا"] = DayPart.Noon,
        ["ليلا"] = DayPart.Night,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Words before a clock that make it a time ("at 9:30", "حتى 10:30").
    private static readonly FrozenSet<string> s_clockCues = new[]
    {
        "at", "around", "by", "from", "until", "till", "before", "after", "since",
        "عند", "حتى", "منذ", "قبل", "بعد", "نحو", "حوالي",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Time zones, folded, with their fixed offset ("" when it changes over the year or is unknown).
    private static readonly FrozenDictionary<string, string> s_zones = new Dictionary<string, string>
    {
        ["gmt"] = "Z",
        ["utc"] = "Z",
        ["est"] = "-05:00",
        ["edt"] = "-04:00",
        ["pst"] = "-08:00",
        ["pdt"] = "-07:00",
        ["cet"] = "+01:00",
        ["cest"] = "+02:00",
        ["bst"] = "+01:00",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Places after "بتوقيت", folded: a fixed offset, or "" where summer time applies or none is known.
    private static readonly FrozenDictionary<string, string> s_arabicZones = new Dictionary<string, string>
    {
        ["غرينتش"] = "Z",
        ["غرينيتش"] = "Z",
        ["جرينتش"] = "Z",
        ["جرينيتش"] = "Z",
        ["مكه"] = "+03:00",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private bool TryTime(int i, out int end, out string? value)
    {
        if (TryNamedTime(i, out end, out value))
        {
            return true;
        }

        bool cue = _keys[i] == "الساعه";
        int start = cue ? i + 1 : i;
        if (start >= _keys.Length)
        {
            return false;
        }

        bool clock = TryClock(start, out int after, out int hour, out int minute, out int second, out bool dotted, out DayPart part);
        if (clock)
        {
            // "10.30" is a clock only after "الساعة" or before a meridiem or day part.
            if (dotted && !cue && part == DayPart.None && !TryDayPart(after, out _, out _))
            {
                return false;
            }
        }
        else if (!cue && TryMilitaryTime(start, out end, out value))
        {
            return true;
        }
        else if (!(cue && TryHourWord(start, out after, out hour, out minute)) && !TryBareHour(start, out after, out hour))
        {
            return false;
        }

        // After a bare number "مساء السبت" is "Saturday evening", not "p.m." ("فاز 4 - 1 مساء السبت").
        if (part == DayPart.None && TryDayPart(after, out int afterPart, out DayPart found)
            && (clock || cue || (!IsLetterAbbreviation(after) && !(EntityText.IsArabicLetter(_keys[after][0]) && IsDayAfter(afterPart)))))
        {
            part = found;
            after = afterPart;
        }

        // A zone makes a clock a time ("15:45 GMT"), not a bare number ("3 pt").
        bool zone = TryZone(after, out int afterZone, out string offset);
        if (zone)
        {
            after = afterZone;
        }

        bool hasCue = cue || part != DayPart.None
            || (clock && (zone || (start > 0 && s_clockCues.Contains(_keys[start - 1]))));
        if (!hasCue || !ApplyDayPart(ref hour, part))
        {
            return false;
        }

        end = after;
        value = second >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"T{hour:D2}:{minute:D2}:{second:D2}{offset}")
            : string.Create(CultureInfo.InvariantCulture, $"T{hour:D2}:{minute:D2}{offset}");
        return true;
    }

    /// <summary>
    /// Noon and midnight by name: "noon", "midday", "12 noon", "midnight", "12 midnight", "الظهيرة",
    /// "منتصف النهار", "منتصف الليل". Not "ظهر" alone: it is also the verb "appeared" and "back";
    /// not a capitalized "Noon" inside a sentence: a surname ("W. Noon 57").
    /// </summary>
    private bool TryNamedTime(int i, out int end, out string? value)
    {
        end = i;
        value = null;
        int at = _keys[i] == "12" && i + 1 < _keys.Length && _keys[i + 1] is "noon" or "midnight" ? i + 1 : i;
        switch (_keys[at])
        {
            case "noon" or "midday" when !(at > 0 && IsTitleCase(at)):
            case "الظهيره" or "ظهيره":
                value = "T12:00";
                end = at + 1;
                return true;
            case "midnight" when !(at > 0 && IsTitleCase(at)):
                value = "T00:00";
                end = at + 1;
                return true;
            case "منتصف" when at + 1 < _keys.Length && _keys[at + 1] is "الليل" or "النهار":
                value = _keys[at + 1] == "الليل" ? "T00:00" : "T12:00";
                end = at + 2;
                return true;
            default:
                return false;
        }
    }

    // "Noon", not "noon" or "NOON".
    private bool IsTitleCase(int i)
    {
        ReadOnlySpan<char> word = _text.Text.AsSpan(_text.Tokens[i].Span.Start, _text.Tokens[i].Span.Length);
        return word.Length > 1 && char.IsUpper(word[0]) && char.IsLower(word[1]);
    }

    /// <summary>
    /// "10:30", "10:30:15", "10.30" as one token or as number, ':' and number tokens side by side,
    /// and "10:30am" as one word; a 1–2 digit hour below 24, 2-digit minutes and seconds below 60.
    /// </summary>
    private bool TryClock(int i, out int end, out int hour, out int minute, out int second, out bool dotted, out DayPart part)
    {
        end = i;
        hour = minute = 0;
        second = -1;
        dotted = false;
        part = DayPart.None;
        Token token = _text.Tokens[i];
        string key = _keys[i];
        if (token.Type is TokenType.Number or TokenType.Word && ParseClock(key, out hour, out minute, out second, out dotted, out int length))
        {
            if (length < key.Length)
            {
                // "10:30am" is one word.
                if (!s_dayParts.TryGetValue(key[length..], out part) || !char.IsAsciiLetter(key[^1]))
                {
                    return false;
                }
            }
            else if (token.Type != TokenType.Number)
            {
                return false;
            }

            end = i + 1;
            return true;
        }

        // Tokenizers that split at ':' give "10", ":", "30" side by side.
        if (token.Type != TokenType.Number || key.Length is 0 or > 2 || !IsDigits(key) || !IsColonMinutes(i + 1))
        {
            return false;
        }

        hour = int.Parse(key, CultureInfo.InvariantCulture);
        minute = int.Parse(_keys[i + 2], CultureInfo.InvariantCulture);
        end = i + 3;
        if (IsColonMinutes(end))
        {
            second = int.Parse(_keys[end + 1], CultureInfo.InvariantCulture);
            end += 2;
        }

        return hour < 24 && minute < 60 && second < 60;
    }

    // ':' then two digits, all touching the token before.
    private bool IsColonMinutes(int colon) =>
        colon + 1 < _keys.Length && _keys[colon] == ":" && IsAdjacent(colon - 1) && IsAdjacent(colon)
        && _text.Tokens[colon + 1].Type == TokenType.Number && _keys[colon + 1].Length == 2 && IsDigits(_keys[colon + 1]);

    /// <summary>Parses "H:MM", "HH:MM:SS" or "H.MM" at the start of <paramref name="key"/>; <paramref name="length"/> is how much it read.</summary>
    private static bool ParseClock(string key, out int hour, out int minute, out int second, out bool dotted, out int length)
    {
        hour = minute = length = 0;
        second = -1;
        dotted = false;
        int h = 0;
        while (h < key.Length && h < 3 && char.IsAsciiDigit(key[h]))
        {
            h++;
        }

        if (h is 0 or > 2 || h + 3 > key.Length || key[h] is not (':' or '.') || !IsTwoDigits(key, h + 1))
        {
            return false;
        }

        dotted = key[h] == '.';
        hour = int.Parse(key.AsSpan(0, h), CultureInfo.InvariantCulture);
        minute = int.Parse(key.AsSpan(h + 1, 2), CultureInfo.InvariantCulture);
        length = h + 3;
        if (!dotted && length + 3 <= key.Length && key[length] == ':' && IsTwoDigits(key, length + 1))
        {
            second = int.Parse(key.AsSpan(length + 1, 2), CultureInfo.InvariantCulture);
            length += 3;
        }

        // A third digit ("2:255"), a further separator ("1:23.45") or ":" after a dotted clock is no clock.
        if (length < key.Length && !char.IsAsciiLetter(key[length]))
        {
            return false;
        }

        return hour < 24 && minute < 60 && second < 60;
    }

    private static bool IsTwoDigits(string key, int at) =>
        at + 2 <= key.Length && char.IsAsciiDigit(key[at]) && char.IsAsciiDigit(key[at + 1])
        && (at + 2 == key.Length || !char.IsAsciiDigit(key[at + 2]));

    private static bool IsDigits(string key)
    {
        foreach (char c in key)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return key.Length > 0;
    }

    // "الثالثة", "الحادية عشرة", "الثانية عشرة", with "والنصف", "والربع", "والثلث" or "الا ربعا" after.
    private bool TryHourWord(int i, out int end, out int hour, out int minute)
    {
        end = i;
        minute = 0;
        if (i + 1 < _keys.Length && _keys[i + 1] == "عشره" && _keys[i] is "الحاديه" or "الثانيه")
        {
            hour = _keys[i] == "الحاديه" ? 11 : 12;
            end = i + 2;
        }
        else if (s_hourWords.TryGetValue(_keys[i], out hour))
        {
            end = i + 1;
        }
        else
        {
            return false;
        }

        if (end < _keys.Length)
        {
            switch (_keys[end])
            {
                case "والنصف":
                    minute = 30;
                    end++;
                    break;
                case "والربع":
                    minute = 15;
                    end++;
                    break;
                case "والثلث":
                    minute = 20;
                    end++;
                    break;
                case "الا" when end + 1 < _keys.Length && _keys[end + 1] is "ربعا" or "ربع":
                    hour = hour == 1 ? 12 : hour - 1;
                    minute = 45;
                    end += 2;
                    break;
            }
        }

        return true;
    }

    // An hour number 0–24 ("3" of "3 pm"; tokenizers split "3pm" into "3" and "pm").
    private bool TryBareHour(int i, out int end, out int hour)
    {
        end = i + 1;
        hour = 0;
        string key = _keys[i];
        if (_text.Tokens[i].Type != TokenType.Number || key.Length is 0 or > 2 || !IsDigits(key))
        {
            return false;
        }

        hour = int.Parse(key, CultureInfo.InvariantCulture);
        return hour <= 24;
    }

    // "pm", "p.m.", "صباحا", "بعد الظهر", and "p", ".", "m", "." from tokenizers that split at '.'.
    private bool TryDayPart(int i, out int end, out DayPart part)
    {
        end = i;
        part = DayPart.None;
        if (i >= _keys.Length)
        {
            return false;
        }

        if (s_dayParts.TryGetValue(_keys[i], out part))
        {
            end = i + 1;
            return true;
        }

        if (_keys[i] == "بعد" && i + 1 < _keys.Length && _keys[i + 1] == "الظهر")
        {
            part = DayPart.Afternoon;
            end = i + 2;
            return true;
        }

        if (i + 2 < _keys.Length && _keys[i] is "a" or "p" && _keys[i + 1] == "." && _keys[i + 2] == "m" && IsAdjacent(i) && IsAdjacent(i + 1))
        {
            part = _keys[i] == "a" ? DayPart.Morning : DayPart.Afternoon;
            end = i + 3;
            if (end < _keys.Length && _keys[end] == "." && IsAdjacent(i + 2))
            {
                end++;
            }

            return true;
        }

        return false;
    }

    // "GMT", "بتوقيت غرينتش", "بتوقيت مكة المكرمة", "بالتوقيت المحلي".
    private bool TryZone(int i, out int end, out string offset)
    {
        end = i;
        offset = string.Empty;
        if (i >= _keys.Length)
        {
            return false;
        }

        if (s_zones.TryGetValue(_keys[i], out string? fixedOffset))
        {
            offset = fixedOffset;
            end = i + 1;
            return true;
        }

        if (_keys[i] is "بتوقيت" or "بالتوقيت" && i + 1 < _keys.Length && _text.Tokens[i + 1].Type == TokenType.Word)
        {
            if (_keys[i] == "بتوقيت" && s_arabicZones.TryGetValue(_keys[i + 1], out string? placeOffset))
            {
                offset = placeOffset;
            }

            end = i + 2;
            if (end < _keys.Length && _keys[end] is "المكرمه" or "المحلي")
            {
                end++;
            }

            return true;
        }

        return false;
    }

    // "1100 GMT": four digits of hour and minute before a Latin zone name, as wire copy writes them.
    private bool TryMilitaryTime(int i, out int end, out string? value)
    {
        end = i + 2;
        value = null;
        string key = _keys[i];
        if (end > _keys.Length || _text.Tokens[i].Type != TokenType.Number || key.Length != 4 || !IsDigits(key)
            || !s_zones.TryGetValue(_keys[i + 1], out string? offset))
        {
            return false;
        }

        int hour = int.Parse(key.AsSpan(0, 2), CultureInfo.InvariantCulture);
        int minute = int.Parse(key.AsSpan(2), CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59)
        {
            return false;
        }

        value = string.Create(CultureInfo.InvariantCulture, $"T{hour:D2}:{minute:D2}{offset}");
        return true;
    }

    // A weekday or day word after a day part: "مساء السبت", "صباح اليوم".
    private bool IsDayAfter(int i) => i < _keys.Length && (s_weekdays.ContainsKey(_keys[i]) || _keys[i] is "اليوم" or "امس" or "الامس" or "الغد" or "غد" or "يوم");

    // "ص" and "م" also abbreviate page and metre ("5 م"): they mark a day part only after a clock.
    private bool IsLetterAbbreviation(int i) => i < _keys.Length && _keys[i] is "ص" or "م";

    // To 24 hours; false for an hour the day part cannot have ("15 pm").
    private static bool ApplyDayPart(ref int hour, DayPart part)
    {
        if (part == DayPart.None)
        {
            if (hour == 24)
            {
                hour = 0;
            }

            return true;
        }

        if (hour is < 1 or > 12)
        {
            return false;
        }

        hour = part switch
        {
            DayPart.Morning => hour == 12 ? 0 : hour,
            DayPart.Afternoon => hour == 12 ? 12 : hour + 12,
            DayPart.Noon => hour >= 11 ? hour : hour + 12,
            DayPart.Night => hour == 12 ? 0 : hour >= 6 ? hour + 12 : hour,
            _ => hour,
        };
        return true;
    }
}
