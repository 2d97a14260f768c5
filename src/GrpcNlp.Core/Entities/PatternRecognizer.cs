using System.Collections.Frozen;
using System.Globalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>Token-level recognizers for dates (Gregorian, Hijri, relative), times, phone numbers, money, durations, quantities, numbers, percentages, ordinals, URLs and e-mails.</summary>
internal sealed partial class PatternRecognizer
{
    private const float PatternConfidence = 0.95f;

    private static readonly FrozenDictionary<string, int> s_months = new Dictionary<string, int>
    {
        ["يناير"] = 1,
        ["فبراير"] = 2,
        ["مارس"] = 3,
        ["ابريل"] = 4,
        ["مايو"] = 5,
        ["يونيو"] = 6,
        ["يونيه"] = 6,
        ["يوليو"] = 7,
        ["يوليه"] = 7,
        ["اغسطس"] = 8,
        ["سبتمبر"] = 9,
        ["اكتوبر"] = 10,
        ["نوفمبر"] = 11,
        ["ديسمبر"] = 12,
        ["شباط"] = 2,
        ["اذار"] = 3,
        ["نيسان"] = 4,
        ["ايار"] = 5,
        ["حزيران"] = 6,
        ["تموز"] = 7,
        ["اب"] = 8,
        ["ايلول"] = 9,
        ["كانون الثاني"] = 1,
        ["تشرين الاول"] = 10,
        ["تشرين الثاني"] = 11,
        ["كانون الاول"] = 12,
        ["january"] = 1,
        ["february"] = 2,
        ["march"] = 3,
        ["april"] = 4,
        ["may"] = 5,
        ["june"] = 6,
        ["july"] = 7,
        ["august"] = 8,
        ["september"] = 9,
        ["october"] = 10,
        ["november"] = 11,
        ["december"] = 12,
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // First words of the two-word month names ("كانون الثاني", "تشرين الأول").
    private static readonly FrozenSet<string> s_monthHeads = new[] { "كانون", "تشرين" }.ToFrozenSet(StringComparer.Ordinal);


    private static readonly FrozenDictionary<string, decimal> s_multipliers = new Dictionary<string, decimal>
    {
        ["thousand"] = 1_000m,
        ["million"] = 1_000_000m,
        ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m,
        ["الف"] = 1_000m,
        ["الاف"] = 1_000m,
        ["مليون"] = 1_000_000m,
        ["ملايين"] = 1_000_000m,
        ["مليار"] = 1_000_000_000m,
        ["مليارات"] = 1_000_000_000m,
        ["بليون"] = 1_000_000_000m,
        ["بلايين"] = 1_000_000_000m,
        ["تريليونات"] = 1_000_000_000_000m,
        ["تريليون"] = 1_000_000_000_000m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Arabic cardinal words from three up (واحد and اثنان are too often pronouns or adjectives).
    private static readonly FrozenDictionary<string, decimal> s_arabicNumberWords = new Dictionary<string, decimal>
    {
        ["ثلاث"] = 3,
        ["ثلاثه"] = 3,
        ["اربع"] = 4,
        ["اربعه"] = 4,
        ["خمس"] = 5,
        ["خمسه"] = 5,
        ["سته"] = 6,
        ["سبع"] = 7,
        ["سبعه"] = 7,
        ["ثماني"] = 8,
        ["ثمانيه"] = 8,
        ["تسع"] = 9,
        ["تسعه"] = 9,
        ["عشر"] = 10,
        ["عشره"] = 10,
        ["عشرون"] = 20,
        ["عشرين"] = 20,
        ["ثلاثون"] = 30,
        ["ثلاثين"] = 30,
        ["اربعون"] = 40,
        ["اربعين"] = 40,
        ["خمسون"] = 50,
        ["خمسين"] = 50,
        ["ستون"] = 60,
        ["ستين"] = 60,
        ["سبعون"] = 70,
        ["سبعين"] = 70,
        ["ثمانون"] = 80,
        ["ثمانين"] = 80,
        ["تسعون"] = 90,
        ["تسعين"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Units that start a compound ("خمسة عشر", "خمسة وعشرين", "أحد عشر", "واحد وعشرين").
    private static readonly FrozenDictionary<string, decimal> s_arabicUnits = new Dictionary<string, decimal>
    {
        ["واحد"] = 1,
        ["احد"] = 1,
        ["احدي"] = 1,
        ["اثنان"] = 2,
        ["اثنين"] = 2,
        ["اثنا"] = 2,
        ["اثني"] = 2,
        ["اثنتان"] = 2,
        ["اثنتين"] = 2,
        ["اثنتا"] = 2,
        ["اثنتي"] = 2,
        ["ثلاث"] = 3,
        ["ثلاثه"] = 3,
        ["اربع"] = 4,
        ["اربعه"] = 4,
        ["خمس"] = 5,
        ["خمسه"] = 5,
        ["ست"] = 6,
        ["سته"] = 6,
        ["سبع"] = 7,
        ["سبعه"] = 7,
        ["ثماني"] = 8,
        ["ثمان"] = 8,
        ["ثمانيه"] = 8,
        ["تسع"] = 9,
        ["تسعه"] = 9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Ordinals from eleven to nineteen put these before "عشر": "الحادي عشر", "التاسع عشر".
    private static readonly FrozenSet<string> s_ordinalUnits = new[]
    {
        "حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_ordinalUnitLookup = s_ordinalUnits.GetAlternateLookup<ReadOnlySpan<char>>();

    // Hundreds in one word, with either spelling of "مئة": "مئة", "مائتين", "ثلاثمئة", "خمسمائة".
    private static readonly FrozenDictionary<string, decimal> s_hundreds = BuildHundreds();

    // A multiplier word alone is a number: "مليون برميل", "ألفين"; see s_constructDuals for "مليوني برميل".
    private static readonly FrozenDictionary<string, (decimal Count, decimal Scale)> s_multiplierWords = new Dictionary<string, (decimal, decimal)>
    {
        ["الف"] = (1, 1_000m),
        ["الفان"] = (2, 1_000m),
        ["الفين"] = (2, 1_000m),
        ["مليون"] = (1, 1_000_000m),
        ["مليونان"] = (2, 1_000_000m),
        ["مليونين"] = (2, 1_000_000m),
        ["مليار"] = (1, 1_000_000_000m),
        ["ملياران"] = (2, 1_000_000_000m),
        ["مليارين"] = (2, 1_000_000_000m),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Duals in construct state ("مليوني برميل", "ألفي شخص") are numbers only before the noun they
    // count: "حشد مليوني في الميدان" is a million-strong crowd.
    private static readonly FrozenDictionary<string, decimal> s_constructDuals = new Dictionary<string, decimal>
    {
        ["الفي"] = 1_000m,
        ["مليوني"] = 1_000_000m,
        ["ملياري"] = 1_000_000_000m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Every word a number can start with (the keys of the tables above).
    private static readonly FrozenSet<string> s_numberFirstWords = s_arabicNumberWords.Keys
        .Concat(s_arabicUnits.Keys).Concat(s_hundreds.Keys).Concat(s_multiplierWords.Keys).Concat(s_constructDuals.Keys)
        .ToFrozenSet(StringComparer.Ordinal);

    // English number words count only before a unit ("three weeks", "two million barrels").
    private static readonly FrozenDictionary<string, decimal> s_englishNumberWords = new Dictionary<string, decimal>
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> s_currencies = new Dictionary<string, string>
    {
        ["$"] = "USD",
        ["€"] = "EUR",
        ["£"] = "GBP",
        ["¥"] = "JPY",
        ["usd"] = "USD",
        ["eur"] = "EUR",
        ["gbp"] = "GBP",
        ["jpy"] = "JPY",
        ["sar"] = "SAR",
        ["egp"] = "EGP",
        ["aed"] = "AED",
        ["dollar"] = "USD",
        ["dollars"] = "USD",
        ["euro"] = "EUR",
        ["euros"] = "EUR",
        ["pound"] = "GBP",
        ["pounds"] = "GBP",
        ["دولار"] = "USD",
        ["دولارا"] = "USD",
        ["دولارات"] = "USD",
        ["يورو"] = "EUR",
        ["جنيه"] = "EGP",
        ["جنيها"] = "EGP",
        ["جنيهات"] = "EGP",
        ["ريال"] = "SAR",
        ["ريالا"] = "SAR",
        ["ريالات"] = "SAR",
        ["درهم"] = "AED",
        ["درهما"] = "AED",
        ["دراهم"] = "AED",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // An adjective after a currency word that names its country: "جنيه استرليني" is GBP, not EGP.
    private static readonly FrozenDictionary<string, string> s_currencyAdjectives = new Dictionary<string, string>
    {
        ["امريكي"] = "USD",
        ["استرليني"] = "GBP",
        ["استرلينيا"] = "GBP",
        ["امريكيا"] = "USD",
        ["مصري"] = "EGP",
        ["سعودي"] = "SAR",
        ["اماراتي"] = "AED",
        ["اوروبي"] = "EUR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_percentWords = new[] { "%", "٪", "بالمئه", "بالمائه", "percent" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly AnalyzedText _text;
    private readonly string[] _keys;
    private readonly DateOnly? _referenceDate;

    // The last number parsed, by token (see TryNumber), and the last token known to start no English count.
    private (int At, bool Found, int End, decimal Value) _number = (-1, false, 0, 0);
    private int _notEnglishCountAt = -1;

    /// <summary>A recognizer of <paramref name="text"/>, whose folded tokens are <paramref name="keys"/>; relative dates resolve against <paramref name="referenceDate"/>.</summary>
    public PatternRecognizer(AnalyzedText text, string[] keys, DateOnly? referenceDate = null)
    {
        _text = text;
        _keys = keys;
        _referenceDate = referenceDate;
    }

    public static bool IsMonthOrWeekday(string key) => s_months.ContainsKey(key) || s_weekdays.ContainsKey(key);

    /// <summary>Whether a folded word is an Arabic ordinal with the article ("الثاني", "الثالثه", "الاول").</summary>
    public static bool IsArabicOrdinalWord(string key)
    {
        if (key.Length < 5 || !key.StartsWith("ال", StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = key.AsSpan(2);
        if (rest[^1] == 'ه')
        {
            rest = rest[..^1];
        }

        return rest is "اول" or "عاشر" || s_ordinalUnitLookup.Contains(rest);
    }

    public void Recognize(List<Candidate> output, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = _text.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Token token = tokens[i];
            switch (token.Type)
            {
                case TokenType.Url:
                    output.Add(Make(i, i + 1, EntityType.Url, 0.99f, null));
                    continue;
                case TokenType.Email:
                    output.Add(Make(i, i + 1, EntityType.Email, 0.99f, null));
                    continue;
            }

            if (TryDate(i, out int end, out string? value))
            {
                output.Add(MakeDate(i, end, value));
                i = end - 1;
                continue;
            }

            if (TryTime(i, out end, out value))
            {
                output.Add(Make(i, end, EntityType.Time, PatternConfidence, value));
                i = end - 1;
                continue;
            }

            if (TryPhone(i, out end, out value))
            {
                output.Add(Make(i, end, EntityType.Phone, PatternConfidence, value));
                i = end - 1;
                continue;
            }

            if (TryMoney(i, out end, out value))
            {
                output.Add(Make(i, end, EntityType.Money, PatternConfidence, value));
                i = end - 1;
                continue;
            }

            if (TryDuration(i, out Candidate duration))
            {
                // "three days ago" is a date.
                Candidate found = DateAgo(duration) ?? duration;
                output.Add(found);
                i = found.EndToken - 1;
                continue;
            }

            if (TryQuantity(i, out Candidate quantity))
            {
                output.Add(quantity);
                i = quantity.EndToken - 1;
                continue;
            }

            if (TryOrdinal(i, out end, out value))
            {
                output.Add(Make(i, end, EntityType.Ordinal, 0.9f, value));
                i = end - 1;
                continue;
            }

            if (TryNumber(i, out end, out decimal number))
            {
                if (end < tokens.Count && s_percentWords.Contains(_keys[end]))
                {
                    output.Add(Make(i, end + 1, EntityType.Percent, PatternConfidence, Format(number)));
                    i = end;
                    continue;
                }

                // "في المئة" / "في المائة" / "per cent".
                if (end + 1 < tokens.Count && (_keys[end] is "في" or "per") && (_keys[end + 1] is "المئه" or "المائه" or "cent"))
                {
                    output.Add(Make(i, end + 2, EntityType.Percent, PatternConfidence, Format(number)));
                    i = end + 1;
                    continue;
                }

                output.Add(Make(i, end, EntityType.Number, PatternConfidence, Format(number)));
                i = end - 1;
            }
        }
    }

    private Candidate Make(int first, int end, EntityType type, float confidence, string? value) =>
        new(_text.Tokens[first].Span.Start, _text.Tokens[end - 1].Span.End, first, end, type, confidence, value, Candidate.PatternPriority);

    private bool TryDate(int i, out int end, out string? value)
    {
        int start = i;
        bool weekday = s_weekdays.ContainsKey(_keys[i]);
        if (weekday)
        {
            int next = i + 1;
            if (next < _keys.Length && _keys[next] is "," or "،")
            {
                next++;
            }

            if (next < _keys.Length && (TryCalendarDate(next, out end, out value) || TryHijriDate(next, out end, out value)))
            {
                return true;
            }

            return TryWeekday(start, out end, out value);
        }

        return TryCalendarDate(i, out end, out value) || TryHijriDate(i, out end, out value) || TryRelativeDate(i, out end, out value);
    }

    private bool TryCalendarDate(int i, out int end, out string? value)
    {
        end = i;
        value = null;

        // Day Month [Year]: "19 يناير 2024", "19 كانون الثاني", "19 يناير/كانون الثاني 2024", "19th January".
        if (TryDay(i, out int afterDay, out int day) && TryMonth(afterDay, out int afterMonth, out int month))
        {
            afterMonth = SkipAlternateMonth(afterMonth);
            end = afterMonth;
            int year = TryYear(afterMonth, out int afterYear);
            if (year > 0)
            {
                end = afterYear;
            }

            return Resolve(year, month, day, out value);
        }

        // Month Day[,] [Year]: "January 19, 2024"; Month Year: "January 2024", "يناير 2024".
        if (TryMonth(i, out afterMonth, out month))
        {
            afterMonth = SkipAlternateMonth(afterMonth);
            if (TryDay(afterMonth, out afterDay, out day) && !(afterDay < _keys.Length && _keys[afterDay] == ":"))
            {
                end = afterDay;
                int next = afterDay < _keys.Length && _keys[afterDay] == "," ? afterDay + 1 : afterDay;
                int year = TryYear(next, out int afterYear);
                if (year > 0)
                {
                    end = afterYear;
                }

                return Resolve(year, month, day, out value);
            }

            int onlyYear = TryYear(afterMonth, out int afterOnlyYear);
            if (onlyYear > 0)
            {
                end = afterOnlyYear;
                value = string.Create(CultureInfo.InvariantCulture, $"{onlyYear:D4}-{month:D2}");
                return true;
            }
        }

        return false;
    }

    private static bool Resolve(int year, int month, int day, out string? value)
    {
        int max = year > 0 ? DateTime.DaysInMonth(year, month) : (month == 2 ? 29 : DateTime.DaysInMonth(2001, month));
        if (day > max)
        {
            value = null;
            return false;
        }

        value = year > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"--{month:D2}-{day:D2}");
        return true;
    }

    private bool TryMonth(int i, out int end, out int month) => TryMonthName(i, s_months, s_monthHeads, out end, out month);

    /// <summary>A month of <paramref name="months"/> at token <paramref name="i"/>, of one word or of two starting with one of <paramref name="heads"/>.</summary>
    private bool TryMonthName(int i, FrozenDictionary<string, int> months, FrozenSet<string> heads, out int end, out int month)
    {
        end = i;
        month = 0;
        if (i >= _keys.Length || _text.Tokens[i].Type != TokenType.Word)
        {
            return false;
        }

        if (i + 1 < _keys.Length && heads.Contains(_keys[i]) && months.TryGetValue(_keys[i] + " " + _keys[i + 1], out month))
        {
            end = i + 2;
            return true;
        }

        if (months.TryGetValue(_keys[i], out month))
        {
            end = i + 1;
            return true;
        }

        return false;
    }

    // "يناير/كانون الثاني" or "يناير (كانون الثاني)": the second name of the same month is part of the date.
    private int SkipAlternateMonth(int i)
    {
        if (i + 1 < _keys.Length && _keys[i] is "/" or "(" && TryMonth(i + 1, out int after, out _))
        {
            if (_keys[i] == "(")
            {
                return after < _keys.Length && _keys[after] == ")" ? after + 1 : i;
            }

            return after;
        }

        return i;
    }

    private bool TryDay(int i, out int end, out int day)
    {
        end = i;
        day = 0;
        if (i >= _keys.Length)
        {
            return false;
        }

        string key = _keys[i];
        int digits = 0;
        while (digits < key.Length && char.IsAsciiDigit(key[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2)
        {
            return false;
        }

        day = int.Parse(key.AsSpan(0, digits), CultureInfo.InvariantCulture);
        string suffix = key[digits..];
        end = i + 1;
        if (suffix.Length == 0 && IsAdjacent(i) && end < _keys.Length && _keys[end] is "st" or "nd" or "rd" or "th")
        {
            end++;
        }
        else if (suffix.Length > 0 && suffix is not ("st" or "nd" or "rd" or "th"))
        {
            return false;
        }

        return day is >= 1 and <= 31;
    }

    private int TryYear(int i, out int end)
    {
        end = i;
        if (i >= _keys.Length || _text.Tokens[i].Type != TokenType.Number)
        {
            return 0;
        }

        string key = _keys[i];
        if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1000 || year > 2999)
        {
            return 0;
        }

        end = i + 1;
        return year;
    }

    private bool TryOrdinal(int i, out int end, out string? value)
    {
        end = i;
        value = null;
        string key = _keys[i];
        int digits = 0;
        while (digits < key.Length && char.IsAsciiDigit(key[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        string suffix = key[digits..];
        if (suffix.Length == 0 && IsAdjacent(i) && i + 1 < _keys.Length && _keys[i + 1] is "st" or "nd" or "rd" or "th")
        {
            end = i + 2;
        }
        else if (suffix is "st" or "nd" or "rd" or "th")
        {
            end = i + 1;
        }
        else
        {
            return false;
        }

        value = key[..digits].TrimStart('0');
        if (value.Length == 0)
        {
            value = "0";
        }

        return true;
    }

    private bool TryMoney(int i, out int end, out string? value)
    {
        end = i;
        value = null;

        // Symbol or code first: "$300", "USD 300 million".
        if (s_currencies.TryGetValue(_keys[i], out string? code) && TryNumber(i + 1, out int afterNumber, out decimal amount))
        {
            end = afterNumber;
            value = code + " " + Format(amount);
            return true;
        }

        // Amount first: "300 دولار", "3 ملايين دولار امريكي", "300 dollars", "300$".
        if (TryNumber(i, out afterNumber, out amount) && afterNumber < _keys.Length && s_currencies.TryGetValue(_keys[afterNumber], out code))
        {
            end = afterNumber + 1;
            if (end < _keys.Length && s_currencyAdjectives.TryGetValue(_keys[end], out string? adjectiveCode))
            {
                code = adjectiveCode;
                end++;
            }

            value = code + " " + Format(amount);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A number: digits or number words, with a multiplier ("3 ملايين", "1.5 million"), and smaller
    /// parts joined by "و" after a multiplier ("مليون و300 ألف" = 1300000, "5 آلاف و200" = 5200).
    /// </summary>
    private bool TryNumber(int i, out int end, out decimal number)
    {
        // Money, durations, quantities and plain numbers all ask at the same token in turn.
        if (_number.At != i)
        {
            bool found = ParseNumber(i, out int parsedEnd, out decimal parsed);
            _number = (i, found, parsedEnd, parsed);
        }

        end = _number.End;
        number = _number.Value;
        return _number.Found;
    }

    private bool ParseNumber(int i, out int end, out decimal number)
    {
        if (!TryNumberGroup(i, 0, out end, out number, out decimal scale))
        {
            return false;
        }

        // A part joins only when it is smaller than the multiplier before it, so that "5 ملايين و3
        // ملايين" stays two numbers; the joined part's own multiplier bounds the next part.
        while (scale > 1 && TryConjunct(end, out int start, out int strip)
            && TryNumberGroup(start, strip, out int after, out decimal part, out decimal partScale) && part < scale)
        {
            number += part;
            end = after;
            scale = partScale;
        }

        return true;
    }

    /// <summary>
    /// One part of a number: a value below a thousand in digits or words, or a multiplier word alone
    /// ("مليون", "ألفين"), then an optional multiplier; <paramref name="scale"/> is that multiplier (1 if none).
    /// <paramref name="strip"/> chars of the first token (an attached "و") are not part of the number.
    /// </summary>
    private bool TryNumberGroup(int i, int strip, out int end, out decimal number, out decimal scale)
    {
        end = i;
        scale = 1;
        if (i >= _keys.Length)
        {
            number = 0;
            return false;
        }

        // Most tokens are words that start no number: one lookup turns them away.
        if (strip == 0 && _text.Tokens[i].Type == TokenType.Word && (_keys[i].Length == 0 || char.IsAscii(_keys[i][0]) || !s_numberFirstWords.Contains(_keys[i])))
        {
            number = 0;
            return false;
        }

        string key = strip == 0 ? _keys[i] : _keys[i][strip..];
        if (_text.Tokens[i].Type == TokenType.Word && s_multiplierWords.TryGetValue(key, out (decimal Count, decimal Scale) alone))
        {
            number = alone.Count * alone.Scale;
            scale = alone.Scale;
            end = i + 1;
            return true;
        }

        if (_text.Tokens[i].Type == TokenType.Word && s_constructDuals.TryGetValue(key, out decimal dualScale) && i + 1 < _keys.Length
            && _text.Tokens[i + 1].Type == TokenType.Word && !_keys[i + 1].StartsWith("ال", StringComparison.Ordinal)
            && !Lexicons.StopWords.Contains(_keys[i + 1]))
        {
            number = 2 * dualScale;
            scale = dualScale;
            end = i + 1;
            return true;
        }

        if (!TrySmallNumber(i, strip, out end, out number))
        {
            return false;
        }

        if (end < _keys.Length && s_multipliers.TryGetValue(_keys[end], out decimal multiplier))
        {
            number *= multiplier;
            scale = multiplier;
            end++;
        }

        return true;
    }

    /// <summary>A number token, or Arabic number words: "خمسة", "خمسة عشر", "خمسة وعشرين", "ثلاثمئة وخمسين".</summary>
    private bool TrySmallNumber(int i, int strip, out int end, out decimal number)
    {
        end = i;
        number = 0;
        string key = strip == 0 ? _keys[i] : _keys[i][strip..];
        TokenType type = _text.Tokens[i].Type;
        if (type == TokenType.Number || (strip > 0 && key.Length > 0 && char.IsAsciiDigit(key[0])))
        {
            if (!TryParseNumber(key, out number))
            {
                return false;
            }

            end = i + 1;
            return true;
        }

        if (type != TokenType.Word)
        {
            return false;
        }

        if (s_hundreds.TryGetValue(key, out number))
        {
            end = i + 1;
            if (TryConjunct(end, out int start, out int partStrip) && TryWordsBelowHundred(start, partStrip, out int after, out decimal part))
            {
                number += part;
                end = after;
            }

            return true;
        }

        return TryWordsBelowHundred(i, strip, out end, out number);
    }

    private bool TryWordsBelowHundred(int i, int strip, out int end, out decimal number)
    {
        end = i;
        string key = strip == 0 ? _keys[i] : _keys[i][strip..];
        if (_text.Tokens[i].Type != TokenType.Word)
        {
            number = 0;
            return false;
        }

        // "عشر" after a unit or an ordinal is the second word of a teen ("الخمسة عشر", "القرن التاسع عشر"), not ten.
        if (key is "عشر" or "عشره" && strip == 0 && i > 0 && IsTeenFirstWord(WithoutProclitics(_keys[i - 1])))
        {
            number = 0;
            return false;
        }

        bool unit = s_arabicUnits.TryGetValue(key, out number);
        if (unit && i + 1 < _keys.Length && _keys[i + 1] is "عشر" or "عشره" && number < 10)
        {
            // "خمسة عشر", "أحد عشر", "اثنتا عشرة".
            number += 10;
            end = i + 2;
            return true;
        }

        if (unit && TryConjunct(i + 1, out int start, out int tensStrip) && tensStrip == 1
            && s_arabicNumberWords.TryGetValue(_keys[start][1..], out decimal tens) && tens >= 20)
        {
            // "خمسة وعشرين": the units come first.
            number += tens;
            end = start + 1;
            return true;
        }

        // واحد, أحد and اثنان count only inside a compound: alone they are too often other words.
        if (s_arabicNumberWords.TryGetValue(key, out number))
        {
            end = i + 1;
            return true;
        }

        return false;
    }

    private static bool IsTeenFirstWord(string key) =>
        s_arabicUnits.ContainsKey(key) || s_ordinalUnits.Contains(key) || (key.EndsWith('ه') && s_ordinalUnits.Contains(key[..^1]));

    /// <summary>The word without a leading conjunction, preposition and article ("وللعام" -> "عام"), for cue lookups.</summary>
    private static string WithoutProclitics(string key)
    {
        int start = 0;
        if (key.Length > start + 3 && key[start] is 'و' or 'ف')
        {
            start++;
        }

        if (key.Length > start + 3 && key[start] is 'ب' or 'ل' or 'ك')
        {
            start++;
        }

        if (key.Length > start + 3 && key[start] == 'ا' && key[start + 1] == 'ل')
        {
            start += 2;
        }
        else if (start > 0 && key[start - 1] == 'ل' && key.Length > start + 3 && key[start] == 'ل')
        {
            // "للعام": the preposition absorbed the article's alef.
            start++;
        }

        return key[start..];
    }

    /// <summary>
    /// The number at <paramref name="i"/> follows a word that makes it a year or an hour of the day
    /// ("عام 1945", "لعام 1971", "الساعة 10", "year 2000"): it does not count a duration or a quantity.
    /// </summary>
    private bool IsAfterYearOrClockCue(int i) =>
        i > 0 && _text.Tokens[i - 1].Type == TokenType.Word && WithoutProclitics(_keys[i - 1]) is "عام" or "سنه" or "ساعه" or "year" or "hour";

    /// <summary>Where a part joined by "و" starts: the token after a lone "و", or this token past an attached "و" (strip 1).</summary>
    private bool TryConjunct(int i, out int start, out int strip)
    {
        start = i;
        strip = 0;
        if (i >= _keys.Length || _text.Tokens[i].Type != TokenType.Word)
        {
            return false;
        }

        string key = _keys[i];
        if (key == "و")
        {
            start = i + 1;
            return start < _keys.Length;
        }

        if (key.Length > 1 && key[0] == 'و')
        {
            strip = 1;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A number before a unit: <see cref="TryNumber"/>, or English number words ("three", "twenty-five",
    /// "two million"), which are not numbers on their own ("one" is too often a pronoun).
    /// </summary>
    private bool TryCount(int i, out int end, out decimal number)
    {
        if (TryNumber(i, out end, out number))
        {
            return true;
        }

        if (_notEnglishCountAt == i)
        {
            return false;
        }

        if (_text.Tokens[i].Type != TokenType.Word || _keys[i].Length == 0 || !char.IsAsciiLetterLower(_keys[i][0]) || !s_englishNumberWords.TryGetValue(_keys[i], out number))
        {
            _notEnglishCountAt = i;
            return false;
        }

        end = i + 1;
        if (number >= 20 && number < 100 && number % 10 == 0 && end + 1 < _keys.Length && _keys[end] == "-"
            && s_englishNumberWords.TryGetValue(_keys[end + 1], out decimal units) && units < 10)
        {
            number += units;
            end += 2;
        }

        if (end < _keys.Length && _keys[end] == "hundred")
        {
            number *= 100;
            end++;
        }

        if (end < _keys.Length && s_multipliers.TryGetValue(_keys[end], out decimal multiplier))
        {
            number *= multiplier;
            end++;
        }

        return true;
    }

    private static FrozenDictionary<string, decimal> BuildHundreds()
    {
        var hundreds = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["مئه"] = 100,
            ["مائه"] = 100,
            ["مئتان"] = 200,
            ["مئتين"] = 200,
            ["مائتان"] = 200,
            ["مائتين"] = 200,
        };
        (string Prefix, decimal Value)[] prefixes = [("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9)];
        foreach ((string prefix, decimal value) in prefixes)
        {
            hundreds[prefix + "مئه"] = value * 100;
            hundreds[prefix + "مائه"] = value * 100;
        }

        return hundreds.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private bool IsAdjacent(int i) => i + 1 < _text.Tokens.Count && _text.Tokens[i].Span.End == _text.Tokens[i + 1].Span.Start;

    /// <summary>Parses a folded number: ',' '٬' group thousands unless followed by other than 3 digits; '.' '٫' are decimal points.</summary>
    internal static bool TryParseNumber(string key, out decimal number)
    {
        Span<char> buffer = stackalloc char[Math.Min(key.Length, 64)];
        int length = 0;
        bool seenDecimal = false;
        for (int k = 0; k < key.Length && length < buffer.Length; k++)
        {
            char c = key[k];
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                continue;
            }

            bool group = c is ',' or '٬';
            if (group && !seenDecimal && IsThousandsGroup(key, k + 1))
            {
                continue;
            }

            if ((c is '.' or '٫' || group) && !seenDecimal)
            {
                seenDecimal = true;
                buffer[length++] = '.';
                continue;
            }

            number = 0;
            return false;
        }

        return decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsThousandsGroup(string key, int start)
    {
        int digits = 0;
        int k = start;
        while (k < key.Length && char.IsAsciiDigit(key[k]))
        {
            digits++;
            k++;
        }

        return digits == 3;
    }

    internal static string Format(decimal number) => number.ToString("0.############################", CultureInfo.InvariantCulture);
}
