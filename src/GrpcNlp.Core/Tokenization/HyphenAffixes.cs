using System.Collections.Frozen;
using System.Reflection;

namespace GrpcNlp.Core.Tokenization;

/// <summary>
/// The prefixes and suffixes that stay attached to a word across a hyphen ("e-mail",
/// "re-elect", "clock-wise"), loaded once from the embedded <c>Languages/*/Data/hyphen_affixes.txt</c>
/// lists. Matching ignores case.
/// </summary>
internal static class HyphenAffixes
{
    private static readonly (FrozenSet<string> Prefixes, FrozenSet<string> Suffixes) s_sets = Load();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_prefixes =
        s_sets.Prefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_suffixes =
        s_sets.Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="part"/>, written before a hyphen, stays attached to what follows.</summary>
    public static bool IsPrefix(ReadOnlySpan<char> part) => part.Length <= 8 && s_prefixes.Contains(part);

    /// <summary>Whether <paramref name="part"/>, written after a hyphen, stays attached to what precedes.</summary>
    public static bool IsSuffix(ReadOnlySpan<char> part) => part.Length <= 8 && s_suffixes.Contains(part);

    private static (FrozenSet<string>, FrozenSet<string>) Load()
    {
        var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var suffixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assembly assembly = typeof(HyphenAffixes).Assembly;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            string normalizedName = name.Replace('\\', '/');
            if (!normalizedName.EndsWith("/Data/hyphen_affixes.txt", StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                string[] fields = line.Split('\t');
                if (fields.Length == 2)
                {
                    (fields[0] == "suffix" ? suffixes : prefixes).Add(fields[1]);
                }
            }
        }

        return (prefixes.ToFrozenSet(StringComparer.OrdinalIgnoreCase), suffixes.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }
}
