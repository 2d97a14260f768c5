using System.Collections.Frozen;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Summarization;

/// <summary>Keyphrases of one or several analyzed documents: TextRank over content-word co-occurrence.</summary>
/// <remarks>
/// Candidates are runs of one to three adjacent content words inside a sentence (a stop word,
/// punctuation or any other token ends a run), matched by their stems
/// (<see cref="LightStemmer"/>). Word salience is PageRank (damping 0.85) over a graph linking
/// stems that occur within three content words of each other (Mihalcea and Tarau 2004). A
/// phrase scores the sum of its words' ranks, times its frequency's logarithm plus one, times a
/// position boost of <c>1 + 1 / (1 + first sentence index)</c>; a phrase whose stems are all
/// within a better phrase's is skipped. Deterministic; cost linear in tokens plus the sort.
/// </remarks>
public sealed class KeyphraseExtractor
{
    private const int MaxWords = 3;
    private const int Window = 3;
    private const float Damping = 0.85f;
    private const int Iterations = 50;

    /// <summary>The <paramref name="count"/> best keyphrases of <paramref name="documents"/>, best first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<Keyphrase> Extract(IReadOnlyList<AnalyzedText> documents, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        FrozenSet<string> stopWords = Lexicons.StopWords;
        var stemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var stems = new List<string>();
        var neighbours = new List<Dictionary<int, int>>();
        // Keyed by the phrase's stem ids (unused places -1), so no string is built per occurrence.
        var candidates = new Dictionary<(int, int, int), Candidate>();
        int sentenceOrdinal = 0;
        var run = new List<(int Stem, TextSpan Span)>();
        var window = new List<int>();
        for (int d = 0; d < documents.Count; d++)
        {
            AnalyzedText document = documents[d];
            foreach (Sentence sentence in document.Sentences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Clear();
                window.Clear();
                int end = Math.Min(sentence.FirstToken + sentence.TokenCount, document.Tokens.Count);
                for (int t = sentence.FirstToken; t <= end; t++)
                {
                    string? stem = t < end && document.Tokens[t].Type == TokenType.Word && t < document.TokenNorms.Count
                        ? LightStemmer.ContentTerm(document.TokenNorms[t], stopWords)
                        : null;
                    if (stem is null)
                    {
                        AddCandidates(document, d, sentenceOrdinal, run, candidates);
                        run.Clear();
                        continue;
                    }

                    if (!stemIds.TryGetValue(stem, out int id))
                    {
                        id = stems.Count;
                        stemIds.Add(stem, id);
                        stems.Add(stem);
                        neighbours.Add([]);
                    }

                    // Co-occurrence over content words of the sentence, across stop words.
                    foreach (int other in window)
                    {
                        if (other != id)
                        {
                            neighbours[id][other] = neighbours[id].GetValueOrDefault(other) + 1;
                            neighbours[other][id] = neighbours[other].GetValueOrDefault(id) + 1;
                        }
                    }

                    window.Add(id);
                    if (window.Count >= Window)
                    {
                        window.RemoveAt(0);
                    }

                    run.Add((id, document.Tokens[t].Span));
                }

                sentenceOrdinal++;
            }
        }

        float[] rank = Rank(neighbours, cancellationToken);
        var scored = new List<(Candidate Candidate, float Score)>(candidates.Count);
        foreach (Candidate candidate in candidates.Values)
        {
            float sum = 0f;
            foreach (int id in candidate.Stems)
            {
                sum += rank[id];
            }

            float frequency = 1f + MathF.Log(candidate.Occurrences.Count);
            float position = 1f + (1f / (1f + candidate.FirstSentence));
            scored.Add((candidate, sum * frequency * position));
        }

        // Ties go to the phrase met first, so the order is deterministic.
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Candidate.Ordinal.CompareTo(b.Candidate.Ordinal));
        var result = new List<Keyphrase>(Math.Min(count, scored.Count));
        var chosen = new List<HashSet<int>>();
        float top = scored.Count > 0 ? scored[0].Score : 1f;
        foreach ((Candidate candidate, float score) in scored)
        {
            if (result.Count == count)
            {
                break;
            }

            var set = new HashSet<int>(candidate.Stems);
            if (chosen.Exists(c => set.IsSubsetOf(c)))
            {
                continue;
            }

            chosen.Add(set);
            result.Add(new Keyphrase(candidate.Text, string.Join(' ', Array.ConvertAll(candidate.Stems, id => stems[id])), score / top, candidate.Occurrences));
        }

        return result;
    }

    private static void AddCandidates(AnalyzedText document, int documentIndex, int sentenceOrdinal, List<(int Stem, TextSpan Span)> run, Dictionary<(int, int, int), Candidate> candidates)
    {
        for (int start = 0; start < run.Count; start++)
        {
            for (int length = 1; length <= MaxWords && start + length <= run.Count; length++)
            {
                (int, int, int) key = (run[start].Stem, length > 1 ? run[start + 1].Stem : -1, length > 2 ? run[start + 2].Stem : -1);
                var span = new TextSpan(run[start].Span.Start, run[start + length - 1].Span.End);
                if (!candidates.TryGetValue(key, out Candidate? candidate))
                {
                    int[] ids = new int[length];
                    for (int k = 0; k < length; k++)
                    {
                        ids[k] = run[start + k].Stem;
                    }

                    candidate = new Candidate(candidates.Count, document.Text.Substring(span.Start, span.Length), ids, sentenceOrdinal);
                    candidates.Add(key, candidate);
                }

                candidate.Occurrences.Add(new KeyphraseOccurrence(documentIndex, span));
            }
        }
    }

    private static float[] Rank(List<Dictionary<int, int>> neighbours, CancellationToken cancellationToken)
    {
        int n = neighbours.Count;
        var rank = new float[n];
        var next = new float[n];
        var outWeight = new float[n];
        for (int s = 0; s < n; s++)
        {
            foreach (int weight in neighbours[s].Values)
            {
                outWeight[s] += weight;
            }
        }

        Array.Fill(rank, 1f);
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Fill(next, 1f - Damping);
            for (int s = 0; s < n; s++)
            {
                if (outWeight[s] == 0f)
                {
                    continue;
                }

                float share = Damping * rank[s] / outWeight[s];
                foreach ((int to, int weight) in neighbours[s])
                {
                    next[to] += share * weight;
                }
            }

            (rank, next) = (next, rank);
        }

        return rank;
    }

    /// <summary>A candidate phrase: the order it was met in, its first surface form, stems, and occurrences.</summary>
    private sealed class Candidate(int ordinal, string text, int[] stems, int firstSentence)
    {
        public int Ordinal { get; } = ordinal;

        public string Text { get; } = text;

        public int[] Stems { get; } = stems;

        public int FirstSentence { get; } = firstSentence;

        public List<KeyphraseOccurrence> Occurrences { get; } = [];
    }
}
