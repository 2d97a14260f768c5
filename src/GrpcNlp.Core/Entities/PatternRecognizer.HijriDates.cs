using System.Collections.Frozen;
using System.Globalization;

namespace GrpcNlp.Core.Entities;

/// <summary>Dates of the Hijri calendar ("15 رمضان 1445 هـ"), resolved to the Gregorian calendar.</summary>
internal sealed partial class PatternRecognizer
{
    // Years up to this one after a Hijri month are Hijri years (1600 AH is 2174 CE); later ones are
    // Gregorian, as in "رمضان 2024".
    private const int LastHijriYear = 1600;

    // Umm al-Qura, the calendar of Saudi Arabia and of most Arabic news that gives Hijri dates.
    private static readonly UmAlQuraCalendar s_hijri = new();

    // Folded names of the Hijri months, with their common second spellings ("ربيع الآخر" and
    // "ربيع الثاني"; "ذو" or, after a preposition, "ذي").
    private static readonly FrozenDictionary<string, int> s_hijriMonths = new Dictionary<string, int>
    {
        ["محرم"] = 1,
        ["المحرم"] = 1,
        ["صفر"] = 2,
        ["ربيع الاول"] = 3,
        ["ربيع الثاني"] = 4,
        ["ربيع الاخر"] = 4,
        ["جمادي الاولي"] = 5,
        ["جمادي الاول"] = 5,
        ["جمادي الاخره"] = 6,
        ["جمادي الثانيه"] = 6,
        ["جمادي الاخر"] = 6,
        ["رجب"] = 7,
        ["شعبان"] = 8,
        ["رمضان"] = 9,
        ["شوال"] = 10,
        ["ذو القعده"] = 11,
        ["ذي القعده"] = 11,
        ["ذو الحجه"] = 12,
        ["ذي الحجه"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // First words of the two-word month names.
    private static readonly FrozenSet<string> s_hijriMonthHeads = new[] { "ربيع", "جمادي", "ذو", "ذي" }.ToFrozenSet(StringComparer.Ordinal);

    // Words after a Hijri year that mark it as one: "1445 هـ" (folded "ه"), "هجري", "للهجرة".
    private static readonly FrozenSet<string> s_hijriEraMarks = new[] { "ه", "هجري", "هجريه", "للهجره" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A Hijri date: day, month and year ("15 رمضان 1445 هـ": the Gregorian day, <c>2024-03-25</c>);
    /// month and year ("رمضان 1445": the month's Gregorian days as an ISO 8601 interval,
    /// <c>2024-03-11/2024-04-09</c>); day and month ("15 رمضان": a date without a value, since the
    /// year is unknown). A year above <see cref="LastHijriYear"/> is Gregorian, as in "رمضان 2024":
    /// the month of that name that begins in that year. A month name alone is not a date: رمضان,
    /// رجب and شعبان are also given names and صفر is "zero".
    /// </summary>
    private bool TryHijriDate(int i, out int end, out string? value)
    {
        end = i;
        value = null;
        bool hasDay = TryDay(i, out int afterDay, out int day);
        int monthAt = hasDay ? afterDay : i;
        if (!TryHijriMonth(monthAt, out int afterMonth, out int month) || (hasDay && day > 30))
        {
            return false;
        }

        int year = TryHijriYear(afterMonth, out int afterYear);
        if (year == 0)
        {
            end = afterMonth;
            return hasDay;
        }

        end = afterYear;
        int hijriYear = year <= LastHijriYear ? year : HijriYearOfMonthIn(year, month);
        if (hijriYear < s_hijri.GetYear(s_hijri.MinSupportedDateTime) || hijriYear > s_hijri.GetYear(s_hijri.MaxSupportedDateTime))
        {
            // Outside Umm al-Qura's table (1318-1500 AH) the Gregorian days are not known exactly.
            return true;
        }

        int days = s_hijri.GetDaysInMonth(hijriYear, month);
        if (!hasDay)
        {
            DateTime first = s_hijri.ToDateTime(hijriYear, month, 1, 0, 0, 0, 0);
            value = string.Create(CultureInfo.InvariantCulture, $"{first:yyyy-MM-dd}/{first.AddDays(days - 1):yyyy-MM-dd}");
            return true;
        }

        if (day > days)
        {
            end = i;
            return false;
        }

        value = s_hijri.ToDateTime(hijriYear, month, day, 0, 0, 0, 0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    // The Hijri year whose month <paramref name="month"/> begins in Gregorian year
    // <paramref name="gregorianYear"/> (the first, should two), or 0 outside the calendar's table.
    private static int HijriYearOfMonthIn(int gregorianYear, int month)
    {
        if (gregorianYear <= s_hijri.MinSupportedDateTime.Year || gregorianYear >= s_hijri.MaxSupportedDateTime.Year)
        {
            return 0;
        }

        int hijriYear = s_hijri.GetYear(new DateTime(gregorianYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        int last = Math.Min(hijriYear + 1, s_hijri.GetYear(s_hijri.MaxSupportedDateTime));
        for (int candidate = hijriYear; candidate <= last; candidate++)
        {
            if (s_hijri.ToDateTime(candidate, month, 1, 0, 0, 0, 0).Year == gregorianYear)
            {
                return candidate;
            }
        }

        return 0;
    }

    private bool TryHijriMonth(int i, out int end, out int month) => TryMonthName(i, s_hijriMonths, s_hijriMonthHeads, out end, out month);

    // A year after a Hijri month (four digits, 1000-2999 as TryYear reads them), with its era mark if one follows.
    private int TryHijriYear(int i, out int end)
    {
        int year = TryYear(i, out end);
        if (year > 0 && end < _keys.Length && s_hijriEraMarks.Contains(_keys[end]))
        {
            end++;
        }

        return year;
    }
}
