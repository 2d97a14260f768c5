namespace GrpcNlp.Evaluation;

/// <summary>
/// A CoNLL-style NER column file: word first, tag last, blank lines between sentences,
/// `-DOCSTART-` lines between documents. Tags in IOB1 or IOB2 are read into chunks exactly as
/// conlleval does (a chunk starts at B-X, or at I-X after O or another type), then mapped to
/// PER, LOC, ORG, MISC by <see cref="MapType"/>; unmapped types become O.
/// </summary>
internal sealed class ConllNerCorpus
{
    private ConllNerCorpus(List<NerSentence> sentences) => Sentences = sentences;

    public List<NerSentence> Sentences { get; }

    public static ConllNerCorpus Read(string path)
    {
        var sentences = new List<NerSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        int document = 0;
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                document++;
                continue;
            }

            string[] fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                Flush();
                continue;
            }

            words.Add(fields[0]);
            tags.Add(fields[^1]);
        }

        Flush();
        return new ConllNerCorpus(sentences);

        void Flush()
        {
            if (words.Count > 0)
            {
                sentences.Add(new NerSentence(document, words.ToArray(), ToChunks(tags)));
                words.Clear();
                tags.Clear();
            }
        }
    }

    /// <summary>
    /// The tag-set mapping table: ANERcorp PERS, CoNLL PER, WNUT person -> PER; LOC, location,
    /// GPE -> LOC; ORG, corporation, group -> ORG; MISC, AQMAR MIS0-MIS3 and MIS, WNUT product and
    /// creative-work -> MISC. Anything else is not scored.
    /// </summary>
    public static string? MapType(string type) => type switch
    {
        "PERS" or "PER" or "person" => "PER",
        "LOC" or "location" or "GPE" => "LOC",
        "ORG" or "organization" or "corporation" or "group" => "ORG",
        "MISC" or "MIS" or "MIS0" or "MIS1" or "MIS2" or "MIS3" or "MIS-0" or "MIS-1" or "MIS-2" or "MIS-3" or "product" or "creative-work" => "MISC",
        _ => null,
    };

    private static List<Chunk> ToChunks(List<string> tags)
    {
        var chunks = new List<Chunk>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag.Length > 2 && tag[1] == '-' ? tag[0] : 'O';
            string? current = prefix == 'O' ? null : tag[2..];
            bool begins = current is not null && (prefix is 'B' or 'S' || current != type);
            if (type is not null && (current is null || begins))
            {
                AddChunk(start, i, type);
                type = null;
            }

            if (begins)
            {
                start = i;
                type = current;
            }
        }

        return chunks;

        void AddChunk(int from, int to, string original)
        {
            if (MapType(original) is { } mapped)
            {
                chunks.Add(new Chunk(from, to, mapped));
            }
        }
    }
}

/// <summary>One gold sentence: its document number, words, and mapped chunks.</summary>
internal sealed record NerSentence(int Document, string[] Words, List<Chunk> Chunks)
{
    /// <summary>IOB2 label ids for training.</summary>
    public int[] Labels()
    {
        var labels = new int[Words.Length];
        foreach (Chunk chunk in Chunks)
        {
            int begin = GrpcNlp.Core.Entities.Tagging.NerLabels.Parse("B-" + chunk.Type);
            labels[chunk.Start] = begin;
            for (int i = chunk.Start + 1; i < chunk.End; i++)
            {
                labels[i] = begin + 1;
            }
        }

        return labels;
    }
}

/// <summary>An entity over words [Start, End) of a sentence.</summary>
internal readonly record struct Chunk(int Start, int End, string Type);
