using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace GrpcNlp.Core.Entities;

/// <summary>Word lists loaded once from embedded data files; every key is folded (<see cref="EntityText.Fold"/>).</summary>
internal static class Lexicons
{
    private static readonly Lazy<FrozenDictionary<string, EntityType>> s_gazetteer = new(LoadGazetteer);
    private static readonly Lazy<FrozenSet<string>> s_stopWords = new(LoadStopWords);

    /// <summary>Name entries (one or more space-separated folded words) and their type.</summary>
    public static FrozenDictionary<string, EntityType> Gazetteer => s_gazetteer.Value;

    /// <summary>Arabic and English stop words.</summary>
    public static FrozenSet<string> StopWords => s_stopWords.Value;

    /// <summary>Longest gazetteer entry, in words.</summary>
    public static int MaxGazetteerWords { get; private set; } = 1;

    /// <summary>Proclitic prefixes tried on a first word, longest first; "لل" is handled apart (it swallows the alef of ال).</summary>
    public static readonly string[] Proclitics = ["وبال", "فبال", "وال", "فال", "بال", "كال", "وب", "فب", "ول", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

    public static IEnumerable<string> ReadLines(string resourceName)
    {
        Assembly assembly = typeof(Lexicons).Assembly;
        using Stream? stream = assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            yield break;
        }

        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return line;
        }
    }

    /// <summary>
    /// Whether taking <paramref name="cliticLength"/> folded characters off <paramref name="word"/>
    /// leaves an article that lost its alef: "للامم" is ل + "الامم", its span starts at the second
    /// ل and its name restores the alef (a bare form <see cref="StripProclitics"/> yields first).
    /// </summary>
    public static bool RestoresArticle(string word, int cliticLength) =>
        cliticLength == 1 && word.Length >= 4 && word.StartsWith("لل", StringComparison.Ordinal);

    /// <summary>
    /// Yields the bare forms of a folded Arabic word with a proclitic removed, with the number of
    /// folded characters the proclitic takes (the span of the bare form starts after them).
    /// </summary>
    public static IEnumerable<(string Bare, int CliticLength)> StripProclitics(string word)
    {
        if (word.Length < 3 || !EntityText.IsArabicLetter(word[0]))
        {
            yield break;
        }

        if (word.StartsWith("لل", StringComparison.Ordinal) && word.Length >= 4)
        {
            yield return ("ال" + word[2..], 1);
        }

        foreach (string clitic in Proclitics)
        {
            if (word.Length - clitic.Length < 2 || !word.StartsWith(clitic, StringComparison.Ordinal))
            {
                continue;
            }

            // A clitic ending in ال keeps the article with the name: والقاهره -> القاهره.
            bool keepsArticle = clitic.EndsWith("ال", StringComparison.Ordinal);
            int length = keepsArticle ? clitic.Length - 2 : clitic.Length;
            yield return (word[length..], length);
        }
    }

    /// <summary>
    /// Whether the folded word starts with the article, itself or once a proclitic is off
    /// ("القاهره", "والقاهره", "للامم"): the bare forms of <see cref="StripProclitics"/>, tested
    /// without making them.
    /// </summary>
    public static bool HasArticle(string word)
    {
        if (word.StartsWith("ال", StringComparison.Ordinal))
        {
            return true;
        }

        if (word.Length < 3 || !StartsWithProcliticLetter(word))
        {
            return false;
        }

        if (word.Length >= 4 && word.StartsWith("لل", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (string clitic in Proclitics)
        {
            if (word.Length - clitic.Length >= 2 && word.StartsWith(clitic, StringComparison.Ordinal)
                && (clitic.EndsWith("ال", StringComparison.Ordinal) || word.AsSpan(clitic.Length).StartsWith("ال", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The folded characters of the proclitic before an entry of <paramref name="entries"/> in
    /// <paramref name="word"/> (0 when the word is an entry), taking the bare forms in
    /// <see cref="StripProclitics"/>' order; null when no form is an entry. Allocates nothing, so a
    /// recognizer can ask it of every word.
    /// </summary>
    public static int? ProcliticBefore(string word, FrozenSet<string> entries)
    {
        if (entries.Contains(word))
        {
            return 0;
        }

        if (word.Length < 3 || !StartsWithProcliticLetter(word))
        {
            return null;
        }

        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (word.Length >= 4 && word.Length <= 64 && word.StartsWith("لل", StringComparison.Ordinal))
        {
            // "للبنك" is ل + "البنك": the bare form puts back the article's alef.
            Span<char> bare = stackalloc char[word.Length];
            "ال".CopyTo(bare);
            word.AsSpan(2).CopyTo(bare[2..]);
            if (lookup.Contains(bare))
            {
                return 1;
            }
        }

        foreach (string clitic in Proclitics)
        {
            if (word.Length - clitic.Length < 2 || !word.StartsWith(clitic, StringComparison.Ordinal))
            {
                continue;
            }

            int length = clitic.EndsWith("ال", StringComparison.Ordinal) ? clitic.Length - 2 : clitic.Length;
            if (lookup.Contains(word.AsSpan(length)))
            {
                return length;
            }
        }

        return null;
    }

    // Every proclitic starts with one of these letters (Proclitics and "لل").
    private static bool StartsWithProcliticLetter(string word) => word[0] is 'و' or 'ف' or 'ب' or 'ل' or 'ك';

    /// <summary>Whether a bare form of <paramref name="word"/> (<see cref="StripProclitics"/>) passes <paramref name="test"/>.</summary>
    public static bool AnyBareForm(string word, Func<string, bool> test)
    {
        foreach ((string bare, _) in StripProclitics(word))
        {
            if (test(bare))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, EntityType> LoadGazetteer()
    {
        var entries = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        int maxWords = 1;
        foreach (string resource in (string[])["Arabic/Data/gazetteer.tsv", "English/Data/gazetteer.tsv", "English/Data/gazetteer_extra.tsv"])
        {
            foreach (string line in ReadLines(resource))
            {
                string[] fields = line.Split('\t');
                if (fields.Length < 2 || !TryParseType(fields[1], out EntityType type))
                {
                    continue;
                }

                string key = EntityText.Fold(fields[0]);
                entries[key] = type;
                maxWords = Math.Max(maxWords, key.Count(c => c == ' ') + 1);
            }
        }

        AddCountryNames(entries);
        MaxGazetteerWords = maxWords;
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void AddCountryNames(Dictionary<string, EntityType> entries)
    {
        // Country names from the platform's region data; absent under invariant globalization.
        try
        {
            foreach (CultureInfo culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                RegionInfo region;
                try
                {
                    region = new RegionInfo(culture.Name);
                }
                catch (ArgumentException)
                {
                    continue;
                }

                string name = EntityText.Fold(region.EnglishName);
                if (name.Length > 2 && !name.Contains('(', StringComparison.Ordinal) && name.All(c => char.IsLetter(c) || c == ' '))
                {
                    entries.TryAdd(name, EntityType.Location);
                }
            }
        }
        catch (CultureNotFoundException)
        {
        }
    }

    private static FrozenSet<string> LoadStopWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string resource in (string[])["Arabic/Data/stop_words.txt", "English/Data/stop_words.txt"])
        {
            foreach (string line in ReadLines(resource))
            {
                words.Add(EntityText.Fold(line.Trim()));
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private static bool TryParseType(string text, out EntityType type)
    {
        switch (text)
        {
            case "PERSON":
                type = EntityType.Person;
                return true;
            case "LOCATION":
                type = EntityType.Location;
                return true;
            case "ORGANIZATION":
                type = EntityType.Organization;
                return true;
            case "MISC":
                type = EntityType.Misc;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
