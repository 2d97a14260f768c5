using System.Globalization;

namespace GrpcNlp.Evaluation;

/// <summary>
/// Country and city names in one language from the CLDR data of the ICU library .NET uses on Linux
/// (Unicode licence): each region's name in a culture's display name ("العربية (مصر)") and each time
/// zone's exemplar city ("(UTC+02:00) توقيت شرق أوروبا (القاهرة)").
/// </summary>
/// <remarks>
/// .NET exposes no call for a region's or a city's name in another language, but its display names
/// follow the UI culture and put them last in parentheses. Only names written in letters of the
/// language's script and spaces are kept (no "غينيا-بيساو" the tokenizer would cut).
/// </remarks>
internal static class ListedPlaces
{
    /// <summary>The names in <paramref name="language"/>, each as its words, sorted and without repeats.</summary>
    public static IReadOnlyList<string[]> Read(string language)
    {
        CultureInfo previous = CultureInfo.CurrentUICulture;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            foreach (CultureInfo culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                // "001" (the world), "150" (Europe), "419" (Latin America): areas, not regions.
                if (!char.IsDigit(new RegionInfo(culture.Name).Name[0]) && LastInParentheses(culture.DisplayName, lastPartOnly: true) is { } region)
                {
                    names.Add(region);
                }
            }

            TimeZoneInfo.ClearCachedData();
            foreach (TimeZoneInfo zone in TimeZoneInfo.GetSystemTimeZones())
            {
                // The city comes in a second pair of parentheses, after the offset's.
                if (zone.DisplayName.Count(c => c == '(') == 2 && LastInParentheses(zone.DisplayName, lastPartOnly: false) is { } city)
                {
                    names.Add(city);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            TimeZoneInfo.ClearCachedData();
        }

        bool arabic = language == "ar";
        return names.Where(n => n.All(c => c == ' ' || (arabic ? c is >= '\u0621' and <= '\u064A' : char.IsLetter(c))))
            .Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }

    // "الأوزبكية (العربية، أفغانستان)" -> "أفغانستان": the last comma-separated part in the last parentheses.
    private static string? LastInParentheses(string displayName, bool lastPartOnly)
    {
        int close = displayName.LastIndexOf(')');
        int open = close < 0 ? -1 : displayName.LastIndexOf('(', close);
        if (open < 0)
        {
            return null;
        }

        string inside = displayName[(open + 1)..close];
        if (lastPartOnly)
        {
            int comma = inside.LastIndexOfAny(['،', ',']);
            inside = inside[(comma + 1)..];
        }

        inside = inside.Trim();
        return inside.Length > 0 ? inside : null;
    }
}
