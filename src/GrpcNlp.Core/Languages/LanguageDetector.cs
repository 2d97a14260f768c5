namespace GrpcNlp.Core.Languages;

/// <summary>Detects the language of a text from its script.</summary>
public static class LanguageDetector
{
    /// <summary>How many leading chars are looked at; enough to see the script of a document.</summary>
    public const int SampleLength = 4096;

    /// <summary>Returns "ar" for mostly Arabic script, "en" for mostly Latin script, "und" otherwise.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> sample = text.Length > SampleLength ? text[..SampleLength] : text;
        int arabic = 0;
        int latin = 0;
        int other = 0;
        foreach (char c in sample)
        {
            if (IsArabicLetter(c))
            {
                arabic++;
            }
            else if (char.IsAsciiLetter(c) || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c)) || c is >= '\u1E00' and <= '\u1EFF')
            {
                latin++;
            }
            else if (char.IsLetter(c) || char.IsHighSurrogate(c))
            {
                other++;
            }
        }

        if (arabic > latin && arabic > other)
        {
            return "ar";
        }

        if (latin > arabic && latin > other)
        {
            return "en";
        }

        return "und";
    }

    private static bool IsArabicLetter(char c) =>
        c is (>= '\u0620' and <= '\u064A') or (>= '\u066E' and <= '\u06D3') or '\u06D5' or (>= '\u06EE' and <= '\u06FF')
            or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08C9') or (>= '\uFB50' and <= '\uFDFF')
            or (>= '\uFE70' and <= '\uFEFC');
}
