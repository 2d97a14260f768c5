using System.Collections.Frozen;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Summarization;

/// <summary>
/// The matching form of a content word for sentence similarity and keyphrases: folded, stop
/// words dropped, light stemming. A stand-in until a learned segmenter is available.
/// </summary>
/// <remarks>
/// Arabic follows light10 (Larkey, Ballesteros and Connell 2007) on folded text (ة is ه, ى is ي):
/// the prefixes وال بال كال فال لل ال (and و when four letters or more remain) are removed, then
/// the suffixes ها ان ات ون ين يه ه ي while at least two letters remain. English removes a plural
/// or third-person -s, -es, -ies. Both are deliberately conservative: a wrong merge of two words
/// hurts similarity more than a missed one.
/// </remarks>
internal static class LightStemmer
{
    // Longest first, so وال is tried before و.
    private static readonly string[] s_arabicPrefixes = ["وبال", "فبال", "وال", "بال", "كال", "فال", "لل", "ال"];
    private static readonly string[] s_arabicSuffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    // The terms of the first 50,000 distinct norms of at most 32 chars (null for a stop word).
    private static readonly KeptStrings<string?> s_terms = new(capacity: 50_000, maxKeyLength: 32);

    /// <summary>The stem of a content word, or null for a stop word or a word shorter than two letters.</summary>
    /// <param name="norm">The token's Search-normalized form.</param>
    /// <param name="stopWords">Folded stop words.</param>
    public static string? ContentTerm(string norm, FrozenSet<string> stopWords)
    {
        // Terms under the shipped stop words are kept per norm: folding and stripping cut new
        // strings, and text is Zipfian, so most tokens of a text are words seen before.
        bool cached = ReferenceEquals(stopWords, Lexicons.StopWords);
        if (cached && s_terms.TryGet(norm, out _, out string? term))
        {
            return term;
        }

        term = Stem(norm, stopWords);
        if (cached)
        {
            s_terms.TryKeep(norm, term);
        }

        return term;
    }

    private static string? Stem(string norm, FrozenSet<string> stopWords)
    {
        string key = EntityText.Fold(norm);
        if (key.Length < 2 || stopWords.Contains(key))
        {
            return null;
        }

        return EntityText.IsArabicLetter(key[0]) ? StemArabic(key, stopWords) : StemEnglish(key);
    }

    private static string? StemArabic(string word, FrozenSet<string> stopWords)
    {
        string stem = word;
        bool prefixed = false;
        foreach (string prefix in s_arabicPrefixes)
        {
            if (stem.Length - prefix.Length >= 2 && stem.StartsWith(prefix, StringComparison.Ordinal))
            {
                stem = stem[prefix.Length..];
                prefixed = true;
                break;
            }
        }

        if (!prefixed && stem.Length >= 4 && stem[0] == 'و')
        {
            // A proclitic و on a stop word (وفي, وهذا) leaves a stop word.
            if (stopWords.Contains(stem[1..]))
            {
                return null;
            }

            stem = stem[1..];
        }

        if (prefixed && (stopWords.Contains(stem) || stopWords.Contains("ال" + stem)))
        {
            return null;
        }

        foreach (string suffix in s_arabicSuffixes)
        {
            if (stem.Length - suffix.Length >= 2 && stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = stem[..^suffix.Length];
            }
        }

        return stem;
    }

    private static string StemEnglish(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && (word.EndsWith("ses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }

        return word;
    }
}
