using System.Collections.Frozen;
using System.Reflection;

namespace GrpcNlp.Core.Tokenization;

/// <summary>How an abbreviation behaves at a possible sentence end.</summary>
internal enum AbbreviationKind
{
    /// <summary>Not an abbreviation.</summary>
    None,

    /// <summary>A title or other abbreviation that never ends a sentence ("Dr.", "e.g.").</summary>
    NonTerminal,

    /// <summary>An abbreviation that often ends a sentence ("etc.", "Inc.").</summary>
    Terminal,
}

/// <summary>
/// Abbreviations of every language, loaded once from the embedded
/// <c>Languages/*/Data/abbreviations*.txt</c> lists. The lists are merged because the
/// tokenizer is language-neutral (mixed-language news text) and entries of different
/// languages do not collide.
/// </summary>
internal static class Abbreviations
{
    private static readonly FrozenDictionary<string, AbbreviationKind> s_entries = Load();
    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kind of <paramref name="word"/> (without its final period).</summary>
    public static AbbreviationKind Lookup(ReadOnlySpan<char> word) =>
        s_lookup.TryGetValue(word, out AbbreviationKind kind) ? kind : AbbreviationKind.None;

    internal static IEnumerable<KeyValuePair<string, AbbreviationKind>> All => s_entries;

    private static FrozenDictionary<string, AbbreviationKind> Load()
    {
        var entries = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        Assembly assembly = typeof(Abbreviations).Assembly;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            string normalizedName = name.Replace('\\', '/');
            int slash = normalizedName.LastIndexOf('/');
            string fileName = normalizedName[(slash + 1)..];
            if (!normalizedName.Contains("/Data/", StringComparison.Ordinal)
                || !fileName.StartsWith("abbreviations", StringComparison.Ordinal)
                || !fileName.EndsWith(".txt", StringComparison.Ordinal))
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
                AbbreviationKind kind = fields.Length > 1 && fields[1] == "terminal"
                    ? AbbreviationKind.Terminal
                    : AbbreviationKind.NonTerminal;
                entries[fields[0]] = kind;
            }
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
