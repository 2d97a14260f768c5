namespace GrpcNlp.Core.Languages;

/// <summary>BCP-47 language tags.</summary>
public static class LanguageTag
{
    // RFC 5646 section 2.2.8: grandfathered tags that do not follow the regular syntax.
    private static readonly HashSet<string> s_irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux",
        "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
    };

    /// <summary>Whether <paramref name="tag"/> is a well-formed BCP-47 tag (RFC 5646 syntax).</summary>
    public static bool IsWellFormed(string tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > 255)
        {
            return false;
        }

        foreach (char c in tag)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        if (s_irregular.Contains(tag))
        {
            return true;
        }

        string[] parts = tag.Split('-');
        foreach (string part in parts)
        {
            if (part.Length is 0 or > 8)
            {
                return false;
            }
        }

        int i = 0;
        if (IsSingleton(parts[0], 'x'))
        {
            return IsPrivateUse(parts, 0);
        }

        // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
        string language = parts[i];
        if (!IsAlpha(language) || language.Length < 2)
        {
            return false;
        }

        i++;
        if (language.Length <= 3)
        {
            for (int ext = 0; ext < 3 && i < parts.Length && parts[i].Length == 3 && IsAlpha(parts[i]); ext++)
            {
                i++;
            }
        }

        if (i < parts.Length && parts[i].Length == 4 && IsAlpha(parts[i]))
        {
            i++;
        }

        if (i < parts.Length && ((parts[i].Length == 2 && IsAlpha(parts[i])) || (parts[i].Length == 3 && IsDigits(parts[i]))))
        {
            i++;
        }

        while (i < parts.Length && IsVariant(parts[i]))
        {
            i++;
        }

        while (i < parts.Length && parts[i].Length == 1 && !IsSingleton(parts[i], 'x'))
        {
            i++;
            int start = i;
            while (i < parts.Length && parts[i].Length >= 2)
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i < parts.Length && IsSingleton(parts[i], 'x'))
        {
            return IsPrivateUse(parts, i);
        }

        return i == parts.Length;
    }

    /// <summary>
    /// The primary language subtag, lower case ("ar" for "ar-EG"). For a tag that is not well
    /// formed this is the lower-cased text before the first '-' (empty for an empty tag).
    /// </summary>
    public static string PrimaryLanguage(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        int dash = tag.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
    }

    private static bool IsPrivateUse(string[] parts, int index) => index + 1 < parts.Length;

    private static bool IsSingleton(string part, char letter) =>
        part.Length == 1 && char.ToLowerInvariant(part[0]) == letter;

    private static bool IsVariant(string part) =>
        part.Length >= 5 || (part.Length == 4 && char.IsAsciiDigit(part[0]));

    private static bool IsAlpha(string part)
    {
        foreach (char c in part)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string part)
    {
        foreach (char c in part)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
