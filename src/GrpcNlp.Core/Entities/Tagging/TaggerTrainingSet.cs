namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Labelled sentences prepared for a tagger trainer (<see cref="PerceptronTrainer"/>, <see cref="CrfTrainer"/>):
/// the features of every word as dense ids, the edge features of every word after the first, the gold
/// labels, and the name list the model will carry. Both trainers read the same set, so they learn
/// weights for the same features and differ only in how they fit them.
/// </summary>
internal sealed class TaggerTrainingSet
{
    private TaggerTrainingSet(IReadOnlyList<ulong> features, IReadOnlyList<ulong> edgeFeatures, TaggerTrainingSentence[] sentences, NameList names)
    {
        Features = features;
        EdgeFeatures = edgeFeatures;
        Sentences = sentences;
        Names = names;
    }

    /// <summary>Emission feature hashes by id.</summary>
    public IReadOnlyList<ulong> Features { get; }

    /// <summary>Edge feature hashes by id.</summary>
    public IReadOnlyList<ulong> EdgeFeatures { get; }

    /// <summary>The sentences in input order.</summary>
    public TaggerTrainingSentence[] Sentences { get; }

    /// <summary>The name list built from every training sentence (empty without a name list).</summary>
    public NameList Names { get; }

    /// <summary>Extracts features from <paramref name="sentences"/> (words, gold label ids).</summary>
    /// <param name="sentences">Training sentences.</param>
    /// <param name="stemmer">Name of the stemmer used for features (<see cref="StemmerNames"/>).</param>
    /// <param name="classes">Word classes whose bit-string prefixes are features.</param>
    /// <param name="nameListFolds">
    /// When above 1, the training names become a name list whose matches are features; each sentence
    /// sees the list built from the other folds (contiguous blocks), so the model learns how far to
    /// trust a list that does not know every name, as at run time.
    /// </param>
    /// <param name="minCount">Features seen fewer times in the training data get no id.</param>
    /// <param name="edges">Whether to extract edge features (<see cref="FeatureExtractor.ExtractEdges"/>).</param>
    /// <param name="listedPlaces">
    /// Place names (words each) from a list outside the training data, entries of every fold's name
    /// list and of the model's, as locations; a name the training data labels keeps its own type.
    /// </param>
    public static TaggerTrainingSet Build(IReadOnlyList<(string[] Words, int[] Labels)> sentences, string stemmer, WordClasses classes, int nameListFolds, int minCount, bool edges, IReadOnlyList<string[]>? listedPlaces = null)
    {
        IStemmer stemming = StemmerNames.Create(stemmer);
        var prepared = sentences.Select(s => new TaggerSentence(s.Words, stemming)).ToArray();
        if (classes.Count > 0)
        {
            foreach (TaggerSentence sentence in prepared)
            {
                classes.Match(sentence);
            }
        }

        NameList names = NameList.Empty;
        string[] listed = (listedPlaces ?? []).Select(words => NameList.Key(new TaggerSentence(words, stemming), 0, words.Length)).ToArray();
        if (nameListFolds > 1)
        {
            int FoldOf(int s) => (int)((long)s * nameListFolds / prepared.Length);
            var folds = new NameList[nameListFolds];
            for (int k = 0; k < nameListFolds; k++)
            {
                folds[k] = BuildNames(prepared, sentences, s => FoldOf(s) != k, listed);
            }

            for (int s = 0; s < prepared.Length; s++)
            {
                folds[FoldOf(s)].Match(prepared[s]);
            }

            names = BuildNames(prepared, sentences, _ => true, listed);
        }

        // Features are extracted once; ids are dense indices into the weight arrays. Features seen
        // fewer than minCount times get no weight: they would only memorise single training words.
        // Edge features (templates of their own, so their hashes never meet emission ones) count
        // occurrences in the same table and get the same threshold.
        var hashes = new ulong[sentences.Count][][];
        var edgeHashes = new ulong[sentences.Count][][];
        var occurrences = new Dictionary<ulong, int>();
        Span<ulong> buffer = stackalloc ulong[FeatureExtractor.MaxFeatures];
        for (int s = 0; s < sentences.Count; s++)
        {
            TaggerSentence sentence = prepared[s];
            hashes[s] = new ulong[sentence.Count][];
            edgeHashes[s] = new ulong[sentence.Count][];
            for (int i = 0; i < sentence.Count; i++)
            {
                int count = FeatureExtractor.Extract(sentence, i, buffer);
                hashes[s][i] = buffer[..count].ToArray();
                int edgeCount = edges && i > 0 ? FeatureExtractor.ExtractEdges(sentence, i, buffer) : 0;
                edgeHashes[s][i] = buffer[..edgeCount].ToArray();
                foreach (ulong hash in hashes[s][i].Concat(edgeHashes[s][i]))
                {
                    occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
                }
            }
        }

        var ids = new Dictionary<ulong, int>();
        var keys = new List<ulong>();
        var edgeIds = new Dictionary<ulong, int>();
        var edgeKeys = new List<ulong>();
        var data = new TaggerTrainingSentence[sentences.Count];
        var kept = new List<int>(FeatureExtractor.MaxFeatures);
        for (int s = 0; s < sentences.Count; s++)
        {
            var features = new int[hashes[s].Length][];
            var edgeFeatures = new int[hashes[s].Length][];
            for (int i = 0; i < features.Length; i++)
            {
                kept.Clear();
                foreach (ulong hash in hashes[s][i])
                {
                    if (occurrences[hash] >= minCount)
                    {
                        kept.Add(IdOf(ids, keys, hash));
                    }
                }

                features[i] = kept.ToArray();
                kept.Clear();
                foreach (ulong hash in edgeHashes[s][i])
                {
                    if (occurrences[hash] >= minCount)
                    {
                        kept.Add(IdOf(edgeIds, edgeKeys, hash));
                    }
                }

                edgeFeatures[i] = kept.ToArray();
            }

            data[s] = new TaggerTrainingSentence(features, edgeFeatures, sentences[s].Labels);
        }

        return new TaggerTrainingSet(keys, edgeKeys, data, names);
    }

    // The type index (label - 1) / 2 of B-LOC and I-LOC (NerLabels).
    private const int LocationType = 1;

    private static int IdOf(Dictionary<ulong, int> ids, List<ulong> keys, ulong key)
    {
        if (!ids.TryGetValue(key, out int id))
        {
            id = keys.Count;
            ids.Add(key, id);
            keys.Add(key);
        }

        return id;
    }

    // Every gold name (as stems) with its most frequent type, and the listed places the gold does not name.
    private static NameList BuildNames(TaggerSentence[] prepared, IReadOnlyList<(string[] Words, int[] Labels)> sentences, Func<int, bool> include, string[] listedPlaces)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int s = 0; s < prepared.Length; s++)
        {
            if (!include(s))
            {
                continue;
            }

            foreach ((int start, int end, int label) in NerLabels.Chunks(sentences[s].Labels))
            {
                string key = NameList.Key(prepared[s], start, end);
                if (!counts.TryGetValue(key, out int[]? byType))
                {
                    byType = new int[4];
                    counts.Add(key, byType);
                }

                byType[(label - 1) >> 1]++;
            }
        }

        IEnumerable<(string, int)> entries = counts.Select(c => (c.Key, Array.IndexOf(c.Value, c.Value.Max())));
        return new NameList(entries.Concat(listedPlaces.Where(p => !counts.ContainsKey(p)).Select(p => (p, LocationType))));
    }
}

/// <summary>One training sentence: per word its feature ids and its edge feature ids (none for the first word), and the gold labels.</summary>
/// <param name="Features">Per word, emission feature ids (<see cref="TaggerTrainingSet.Features"/>).</param>
/// <param name="Edges">Per word, edge feature ids (<see cref="TaggerTrainingSet.EdgeFeatures"/>) of the step from the word before.</param>
/// <param name="Gold">Gold label ids (<see cref="NerLabels"/>).</param>
internal sealed record TaggerTrainingSentence(int[][] Features, int[][] Edges, int[] Gold);
