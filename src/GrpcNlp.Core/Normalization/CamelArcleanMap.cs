using System.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>
/// CAMeL Tools' <c>arclean</c> character map (camel_tools/utils/charmaps/arclean_map.json at
/// commit be79ca9f), rebuilt from its documented entries: a closed map, so every code point it
/// does not list is deleted. Where the map is documented by range rather than entry by entry
/// (the look-alikes in U+2016..U+205E, the Arabic presentation forms U+FE80..U+FEFC and U+FDF2),
/// the entry is derived by NFKC, which gives the documented result for every listed example.
/// </summary>
internal static class CamelArcleanMap
{
    private static readonly Lazy<string?[]> s_bmp = new(Build);

    /// <summary>The replacement of <paramref name="rune"/>: null when arclean keeps it, empty when it deletes it.</summary>
    public static string? Map(Rune rune) => rune.IsBmp ? s_bmp.Value[rune.Value] : string.Empty;

    private static string?[] Build()
    {
        var map = new string?[char.MaxValue + 1];
        Array.Fill(map, string.Empty);

        // Kept as they are.
        Keep(map, 0x0621, 0x063A);
        Keep(map, 0x0641, 0x064A);
        Keep(map, 0x0020, 0x007E);
        Keep(map, 0x00C0, 0x00FF);
        foreach (int c in (int[])['\t', '\n', '\r', 0x2424])
        {
            map[c] = null;
        }

        // Space-like, bidi and invisible characters to a space.
        Set(map, " ", 0x00A0, 0x1680, 0x180E, 0x3000, 0xFEFF, 0x2420, 0x2422, 0x2423, 0x0608, 0x060B);
        Range(map, " ", 0x2000, 0x200F);
        Range(map, " ", 0x2028, 0x202F);
        Range(map, " ", 0x205F, 0x2060);
        Range(map, " ", 0x0600, 0x0605);
        Range(map, " ", 0x060E, 0x060F);

        // Punctuation and signs.
        Set(map, ",", 0x060C, 0x060D, 0x066B);
        Set(map, ";", 0x061B);
        Set(map, "?", 0x061F);
        Set(map, "%", 0x066A);
        Set(map, "'", 0x066C);
        Set(map, "*", 0x066D, 0x06DD, 0x06DE, 0x06E9);
        Set(map, ".", 0x06D4, 0x2024);
        Set(map, "\"", 0x00AB, 0x00BB);
        Set(map, "...", 0x2026);
        Set(map, "..", 0x2025);
        Set(map, "%0", 0x2030, 0x0609);
        Set(map, "%00", 0x060A);
        Set(map, "/3", 0x0606);
        Set(map, "/4", 0x0607);
        for (int c = 0x2016; c <= 0x205E; c++)
        {
            if (map[c] == string.Empty && c != 0x2022)
            {
                map[c] = AsciiLookAlike((char)c);
            }
        }

        Range(map, "-", 0x2010, 0x2015);
        Range(map, "'", 0x2018, 0x201B);
        Range(map, "\"", 0x201C, 0x201F);

        // Digits.
        for (int d = 0; d <= 9; d++)
        {
            map[0x0660 + d] = map[0x06F0 + d] = ((char)('0' + d)).ToString();
        }

        // Extended letters to the nearest basic letter.
        Set(map, "\u0627", 0x0671, 0x0672, 0x0673, 0x0675);
        Set(map, "\u0628", 0x066E, 0x067E);
        Set(map, "\u0642", 0x066F);
        Set(map, "\u062C", 0x0686);
        Set(map, "\u0632", 0x0698);
        Set(map, "\u0641", 0x06A4);
        Set(map, "\u0643", 0x06A9, 0x06AF, 0x06AD, 0x063B, 0x063C);
        Set(map, "\u0646", 0x06BA);
        Set(map, "\u0647", 0x06BE, 0x06C0, 0x06C1, 0x06C2);
        Set(map, "\u0629", 0x06C3);
        Range(map, "\u0648", 0x06C4, 0x06CB);
        Set(map, "\u0649", 0x06CC, 0x06CD, 0x06CE, 0x063D, 0x063E, 0x063F);
        Range(map, "\u064A", 0x06D0, 0x06D2);
        Set(map, "\u0626", 0x06D3, 0x0678);

        // Presentation forms: the isolated/initial/medial/final letters and the lam-alef
        // ligatures to their base letters, which NFKC gives exactly; a few U+FBxx forms by entry.
        for (int c = 0xFE80; c <= 0xFEFC; c++)
        {
            map[c] = FoldedThroughMap(map, (char)c);
        }

        map[0xFDF2] = FoldedThroughMap(map, '\uFDF2');
        Range(map, "\u0643", 0xFB8E, 0xFB95);
        Range(map, "\u064A", 0xFBFC, 0xFBFF);
        Range(map, "\u0649", 0xFBAE, 0xFBAF);
        return map;
    }

    private static void Keep(string?[] map, int first, int last)
    {
        for (int c = first; c <= last; c++)
        {
            map[c] = null;
        }
    }

    private static void Range(string?[] map, string value, int first, int last)
    {
        for (int c = first; c <= last; c++)
        {
            map[c] = value;
        }
    }

    private static void Set(string?[] map, string value, params ReadOnlySpan<int> codePoints)
    {
        foreach (int c in codePoints)
        {
            map[c] = value;
        }
    }

    /// <summary>The NFKC form when it is printable ASCII (‼ to !!, ⁄ to /), else deletion.</summary>
    private static string AsciiLookAlike(char c)
    {
        string folded = c.ToString().Normalize(NormalizationForm.FormKC);
        foreach (char f in folded)
        {
            if (f is < ' ' or > '~')
            {
                return string.Empty;
            }
        }

        return folded;
    }

    /// <summary>NFKC of <paramref name="c"/>, each resulting char then through the map itself.</summary>
    private static string FoldedThroughMap(string?[] map, char c)
    {
        var builder = new StringBuilder();
        foreach (char f in c.ToString().Normalize(NormalizationForm.FormKC))
        {
            builder.Append(map[f] ?? f.ToString());
        }

        return builder.ToString();
    }
}
