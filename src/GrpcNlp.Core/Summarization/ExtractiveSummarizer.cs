using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Summarization;

/// <summary>Graph-based extractive summarizer (TextRank over TF-IDF cosine, with MMR redundancy control).</summary>
/// <remarks>
/// Sentences of all documents form one graph, so a multi-document summary does not repeat what
/// several documents say. A sentence's score mixes its centrality (weighted PageRank, damping 0.85),
/// a lead prior (earlier sentences of each document score higher), its similarity to its
/// document's first sentence and whether it opens a paragraph, with a penalty for sentences with
/// fewer than four content words; that hand-set score is kept for languages other than Arabic and
/// English, whose documents are scored by learned scorers instead (<see cref="LinearSentenceScorer"/>
/// over <see cref="SentenceFeatures"/>, fitted to EASC's and BBC News Summary's reference
/// selections). Selection is maximal marginal relevance; a candidate whose cosine
/// to a chosen sentence exceeds 0.8 is never chosen. Deterministic and thread-safe.
/// </remarks>
public sealed class ExtractiveSummarizer
{
    private readonly KeyphraseExtractor _keyphrases = new();
    private readonly LinearSentenceScorer? _arabic;
    private readonly LinearSentenceScorer? _english;

    /// <summary>Creates a summarizer with the shipped scorers (learned for Arabic and English, hand-set weights otherwise).</summary>
    public ExtractiveSummarizer()
        : this(ArabicSentenceScorer.Model, EnglishSentenceScorer.Model)
    {
    }

    /// <summary>Creates a summarizer with given learned scorers; null keeps the hand-set weights (<see cref="ScoringWeights"/>).</summary>
    /// <param name="arabic">Scorer of Arabic documents.</param>
    /// <param name="english">Scorer of English documents.</param>
    internal ExtractiveSummarizer(LinearSentenceScorer? arabic, LinearSentenceScorer? english)
    {
        _arabic = arabic;
        _english = english;
    }

    private const float Damping = 0.85f;
    private const int MaxIterations = 100;
    private const float Epsilon = 1e-6f;
    private const float DuplicateCosine = 0.8f;
    private const int ShortSentenceWords = 4;
    // The score's weights depend on the document's language: see ScoringWeights.

    // Beyond this many sentences the graph keeps only each sentence's strongest neighbours among
    // a bounded number of candidates (n log n at worst, for the sort), instead of every pair.
    private const int FullGraphLimit = 500;
    private const int MaxCandidates = 200;
    private const int Neighbours = 20;
    private const int TermsPerSentence = 12;
    private const int PostingsPerTerm = 300;

    /// <summary>Summarizes one or several analyzed documents into one summary.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public SummaryResult Summarize(IReadOnlyList<AnalyzedText> documents, SummaryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxSentences);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCharacters);
        ArgumentOutOfRangeException.ThrowIfNegative(options.KeyphraseCount);
        if (options.Ratio is < 0f or > 1f || float.IsNaN(options.Ratio))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Ratio must be in [0, 1].");
        }

        if (options.RedundancyWeight is < 0f or > 1f || float.IsNaN(options.RedundancyWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RedundancyWeight must be in [0, 1].");
        }

        // An exception (cancellation) drops the scratch instead of giving it back half used.
        SummaryScratch scratch = SummaryScratch.Rent();
        List<SentenceInfo> sentences = CollectSentences(documents, scratch, cancellationToken);
        if (sentences.Count == 0)
        {
            SummaryScratch.Return(scratch);
            return new SummaryResult([], 0);
        }

        IReadOnlyList<Keyphrase> keyphrases = _keyphrases.Extract(documents, options.KeyphraseCount, cancellationToken);

        float[] rank = RankSentences(sentences, scratch, cancellationToken);
        ScoringWeights[] weights = documents.Select(d => ScoringWeights.For(d.Language)).ToArray();
        LinearSentenceScorer?[] scorers = documents.Select(d => ScorerFor(d.Language)).ToArray();
        float[] scores = Score(sentences, rank, weights, scorers, scratch);
        List<int> chosen = Select(sentences, scores, options, cancellationToken);
        SummaryScratch.Return(scratch);

        if (options.Order == SummaryOrder.Document)
        {
            chosen.Sort((a, b) => a.CompareTo(b));
        }
        else
        {
            chosen.Sort((a, b) =>
            {
                int byScore = scores[b].CompareTo(scores[a]);
                return byScore != 0 ? byScore : a.CompareTo(b);
            });
        }

        var result = new SummarySentence[chosen.Count];
        for (int k = 0; k < chosen.Count; k++)
        {
            SentenceInfo s = sentences[chosen[k]];
            result[k] = new SummarySentence(s.Document, s.Index, s.Span, scores[chosen[k]]);
        }

        return new SummaryResult(result, sentences.Count) { Keyphrases = keyphrases };
    }

    /// <summary>The <see cref="SentenceFeatures"/> of every sentence of one document, in order (for training a scorer).</summary>
    internal static float[][] Features(AnalyzedText document, CancellationToken cancellationToken)
    {
        SummaryScratch scratch = SummaryScratch.Rent();
        List<SentenceInfo> sentences = CollectSentences([document], scratch, cancellationToken);
        if (sentences.Count == 0)
        {
            SummaryScratch.Return(scratch);
            return [];
        }

        float[] rank = RankSentences(sentences, scratch, cancellationToken);
        float[][] rows = new float[sentences.Count][];
        FeatureContext context = FeatureContext.Create(sentences, rank, scratch);
        for (int s = 0; s < sentences.Count; s++)
        {
            rows[s] = new float[SentenceFeatures.Count];
            context.Compute(sentences, rank, s, rows[s]);
        }

        SummaryScratch.Return(scratch);
        return rows;
    }

    private LinearSentenceScorer? ScorerFor(string language) =>
        IsLanguage(language, "ar") ? _arabic : IsLanguage(language, "en") ? _english : null;

    /// <summary>Whether a BCP-47 tag has the given primary subtag (<c>en</c> matches <c>en-GB</c>, not <c>eng</c>).</summary>
    private static bool IsLanguage(string tag, string primary) =>
        tag.StartsWith(primary, StringComparison.OrdinalIgnoreCase) && (tag.Length == primary.Length || tag[primary.Length] is '-' or '_');

    private static float[] RankSentences(List<SentenceInfo> sentences, SummaryScratch scratch, CancellationToken cancellationToken)
    {
        Vectorize(sentences, scratch, cancellationToken);
        SimilarityGraph graph = BuildGraph(sentences, scratch, cancellationToken);
        return Rank(graph, cancellationToken);
    }

    private static List<SentenceInfo> CollectSentences(IReadOnlyList<AnalyzedText> documents, SummaryScratch scratch, CancellationToken cancellationToken)
    {
        FrozenSet<string> stopWords = Lexicons.StopWords;
        List<string> terms = scratch.Terms;
        var sentences = new List<SentenceInfo>();
        for (int d = 0; d < documents.Count; d++)
        {
            AnalyzedText document = documents[d];
            for (int s = 0; s < document.Sentences.Count; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Sentence sentence = document.Sentences[s];
                int termStart = terms.Count;
                int numbers = 0;
                int wordsAndNumbers = 0;
                int end = Math.Min(sentence.FirstToken + sentence.TokenCount, document.Tokens.Count);
                for (int t = sentence.FirstToken; t < end; t++)
                {
                    TokenType type = document.Tokens[t].Type;
                    if (type == TokenType.Number)
                    {
                        numbers++;
                        wordsAndNumbers++;
                    }

                    if (type != TokenType.Word)
                    {
                        continue;
                    }

                    wordsAndNumbers++;

                    string? term = LightStemmer.ContentTerm(t < document.TokenNorms.Count ? document.TokenNorms[t] : string.Empty, stopWords);
                    if (term is not null)
                    {
                        terms.Add(term);
                    }
                }

                int previousEnd = s == 0 ? 0 : document.Sentences[s - 1].Span.End;
                bool paragraphStart = s == 0 || document.Text.AsSpan(previousEnd, sentence.Span.Start - previousEnd).Contains('\n');
                sentences.Add(new SentenceInfo(d, s, sentence.Span, document.Text, s, document.Sentences.Count, paragraphStart, scratch)
                {
                    TermStart = termStart,
                    TermCount = terms.Count - termStart,
                    Numbers = numbers,
                    WordsAndNumbers = wordsAndNumbers,
                });
            }
        }

        return sentences;
    }

    private static void Vectorize(List<SentenceInfo> sentences, SummaryScratch scratch, CancellationToken cancellationToken)
    {
        Dictionary<string, int> ids = scratch.TermIdsByTerm;
        ids.Clear();

        // One term-count table for all sentences; each sentence keeps its term ids in ascending
        // order and their counts, side by side in the scratch's flat arrays.
        Dictionary<int, int> tf = scratch.TermFrequencies;
        int total = scratch.Terms.Count;
        int[] termIds = SummaryScratch.Ensure(ref scratch.TermIds, total);
        int[] termCounts = SummaryScratch.Ensure(ref scratch.TermCounts, total);
        int[] documentFrequency = SummaryScratch.Ensure(ref scratch.DocumentFrequencyById, total);
        int cursor = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tf.Clear();
            foreach (string term in sentences[s].Terms)
            {
                if (!ids.TryGetValue(term, out int id))
                {
                    id = ids.Count;
                    ids.Add(term, id);
                    documentFrequency[id] = 0;
                }

                tf[id] = tf.GetValueOrDefault(id) + 1;
            }

            Span<int> sorted = termIds.AsSpan(cursor, tf.Count);
            tf.Keys.CopyTo(termIds, cursor);
            sorted.Sort();
            for (int j = 0; j < sorted.Length; j++)
            {
                termCounts[cursor + j] = tf[sorted[j]];
                documentFrequency[sorted[j]]++;
            }

            sentences[s].VectorStart = cursor;
            sentences[s].VectorLength = sorted.Length;
            cursor += sorted.Length;
        }

        int n = sentences.Count;
        float[] allWeights = SummaryScratch.Ensure(ref scratch.Weights, cursor);
        int[] allFrequencies = SummaryScratch.Ensure(ref scratch.DocumentFrequencies, cursor);
        for (int s = 0; s < n; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int start = sentences[s].VectorStart;
            Span<float> weights = allWeights.AsSpan(start, sentences[s].VectorLength);
            Span<int> frequencies = allFrequencies.AsSpan(start, weights.Length);
            for (int k = 0; k < weights.Length; k++)
            {
                frequencies[k] = documentFrequency[termIds[start + k]];
                weights[k] = (float)((1 + Math.Log(termCounts[start + k])) * Math.Log(1 + (n / (double)frequencies[k])));
            }

            float norm = 0f;
            foreach (float w in weights)
            {
                norm += w * w;
            }

            norm = MathF.Sqrt(norm);
            for (int j = 0; j < weights.Length && norm > 0f; j++)
            {
                weights[j] /= norm;
            }
        }
    }

    internal static float Cosine(SentenceInfo a, SentenceInfo b)
    {
        ReadOnlySpan<int> aIds = a.TermIds;
        ReadOnlySpan<int> bIds = b.TermIds;
        ReadOnlySpan<float> aWeights = a.Weights;
        ReadOnlySpan<float> bWeights = b.Weights;
        int i = 0;
        int j = 0;
        float dot = 0f;
        while (i < aIds.Length && j < bIds.Length)
        {
            int x = aIds[i];
            int y = bIds[j];
            if (x == y)
            {
                dot += aWeights[i++] * bWeights[j++];
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    private static SimilarityGraph BuildGraph(List<SentenceInfo> sentences, SummaryScratch scratch, CancellationToken cancellationToken)
    {
        int n = sentences.Count;
        int[] offsets = SummaryScratch.Ensure(ref scratch.EdgeOffsets, n + 1);
        Array.Clear(offsets, 0, n + 1);

        // The row's sentence is scattered into a dense vector over the vocabulary, so each
        // cosine with it is a branch-free gather over the other sentence's terms.
        float[] dense = scratch.DenseVector(VocabularySize(sentences));
        if (n <= FullGraphLimit)
        {
            // Every pair: the cosines go to a pooled n x n matrix (at most 1 MB), then to rows.
            float[] matrix = ArrayPool<float>.Shared.Rent(n * n);
            try
            {
                for (int a = 0; a < n; a++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    matrix[(a * n) + a] = 0f;
                    Scatter(sentences[a], dense, true);
                    for (int b = a + 1; b < n; b++)
                    {
                        float weight = Dot(sentences[b], dense);
                        matrix[(a * n) + b] = weight;
                        matrix[(b * n) + a] = weight;
                        if (weight > 0f)
                        {
                            offsets[a + 1]++;
                            offsets[b + 1]++;
                        }
                    }

                    Scatter(sentences[a], dense, false);
                }

                for (int s = 0; s < n; s++)
                {
                    offsets[s + 1] += offsets[s];
                }

                int[] targets = SummaryScratch.Ensure(ref scratch.EdgeTargets, offsets[n]);
                float[] weights = SummaryScratch.Ensure(ref scratch.EdgeWeights, offsets[n]);
                for (int a = 0; a < n; a++)
                {
                    int k = offsets[a];
                    for (int b = 0; b < n; b++)
                    {
                        float weight = matrix[(a * n) + b];
                        if (weight > 0f)
                        {
                            targets[k] = b;
                            weights[k++] = weight;
                        }
                    }
                }

                return new SimilarityGraph(n, offsets, targets, weights);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(matrix);
            }
        }

        // Large inputs: each sentence compares itself with at most MaxCandidates others, met in
        // the postings of its rarest terms (each posting list capped), and keeps its strongest
        // neighbours, so cost stays linear in the number of sentences.
        var postings = new Dictionary<int, List<int>>();
        for (int s = 0; s < n; s++)
        {
            foreach (int id in sentences[s].TermIds)
            {
                if (!postings.TryGetValue(id, out List<int>? list))
                {
                    list = [];
                    postings.Add(id, list);
                }

                if (list.Count < PostingsPerTerm)
                {
                    list.Add(s);
                }
            }
        }

        int[] rowTargets = SummaryScratch.Ensure(ref scratch.EdgeTargets, n * Neighbours);
        float[] rowWeights = SummaryScratch.Ensure(ref scratch.EdgeWeights, n * Neighbours);
        int edges = 0;
        // seenBy[other] == s + 1: sentence s has already compared itself with other.
        var seenBy = new int[n];
        var scored = new List<(int To, float Weight)>(MaxCandidates);
        var byRarity = new int[TermsPerSentence];
        for (int s = 0; s < n; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SentenceInfo sentence = sentences[s];
            int rarest = RarestTerms(sentence, byRarity);
            scored.Clear();
            seenBy[s] = s + 1;
            Scatter(sentence, dense, true);
            int compared = 0;
            for (int r = 0; r < rarest && compared < MaxCandidates; r++)
            {
                foreach (int other in postings[byRarity[r]])
                {
                    if (seenBy[other] == s + 1)
                    {
                        continue;
                    }

                    seenBy[other] = s + 1;
                    float weight = Dot(sentences[other], dense);
                    if (weight > 0f)
                    {
                        scored.Add((other, weight));
                    }

                    if (++compared == MaxCandidates)
                    {
                        break;
                    }
                }
            }

            Scatter(sentence, dense, false);
            scored.Sort((x, y) => y.Weight != x.Weight ? y.Weight.CompareTo(x.Weight) : x.To.CompareTo(y.To));
            for (int k = 0; k < Math.Min(Neighbours, scored.Count); k++)
            {
                rowTargets[edges] = scored[k].To;
                rowWeights[edges++] = scored[k].Weight;
            }

            offsets[s + 1] = edges;
        }

        return new SimilarityGraph(n, offsets, rowTargets, rowWeights);
    }

    private static int VocabularySize(List<SentenceInfo> sentences)
    {
        int size = 0;
        foreach (SentenceInfo sentence in sentences)
        {
            // Term ids are sorted, so the last is the largest.
            if (sentence.TermIds.Length > 0)
            {
                size = Math.Max(size, sentence.TermIds[^1] + 1);
            }
        }

        return size;
    }

    /// <summary>Writes the sentence's weights into <paramref name="dense"/>, or zeroes them again.</summary>
    private static void Scatter(SentenceInfo sentence, float[] dense, bool set)
    {
        ReadOnlySpan<int> ids = sentence.TermIds;
        ReadOnlySpan<float> weights = sentence.Weights;
        for (int k = 0; k < ids.Length; k++)
        {
            dense[ids[k]] = set ? weights[k] : 0f;
        }
    }

    /// <summary>Cosine of a sentence with the one scattered into <paramref name="dense"/> (both vectors are unit length).</summary>
    private static float Dot(SentenceInfo sentence, float[] dense)
    {
        float dot = 0f;
        ReadOnlySpan<int> ids = sentence.TermIds;
        ReadOnlySpan<float> weights = sentence.Weights;
        for (int k = 0; k < ids.Length; k++)
        {
            dot += weights[k] * dense[ids[k]];
        }

        return dot;
    }

    /// <summary>Fills <paramref name="byRarity"/> with the ids of the sentence's rarest terms, rarest first (ties by id); returns how many.</summary>
    private static int RarestTerms(SentenceInfo sentence, int[] byRarity)
    {
        // Selection by (document frequency, id), each pick the smallest pair above the previous
        // one: no sort and no allocation for a handful of terms.
        ReadOnlySpan<int> ids = sentence.TermIds;
        ReadOnlySpan<int> frequencies = sentence.DocumentFrequencies;
        (int Frequency, int Id) previous = (-1, -1);
        int count = 0;
        while (count < byRarity.Length)
        {
            int best = -1;
            for (int k = 0; k < ids.Length; k++)
            {
                (int Frequency, int Id) pair = (frequencies[k], ids[k]);
                if (pair.CompareTo(previous) > 0 && (best < 0 || pair.CompareTo((frequencies[best], ids[best])) < 0))
                {
                    best = k;
                }
            }

            if (best < 0)
            {
                break;
            }

            previous = (frequencies[best], ids[best]);
            byRarity[count++] = ids[best];
        }

        return count;
    }

    private static float[] Rank(SimilarityGraph graph, CancellationToken cancellationToken)
    {
        int n = graph.Count;
        var outWeight = new float[n];
        for (int s = 0; s < n; s++)
        {
            for (int e = graph.Offsets[s]; e < graph.Offsets[s + 1]; e++)
            {
                outWeight[s] += graph.Weights[e];
            }
        }

        var rank = new float[n];
        var next = new float[n];
        Array.Fill(rank, 1f / n);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Rank of sentences without edges is spread evenly, so the total stays 1.
            float dangling = 0f;
            for (int s = 0; s < n; s++)
            {
                if (outWeight[s] == 0f)
                {
                    dangling += rank[s];
                }
            }

            float baseline = ((1f - Damping) / n) + (Damping * dangling / n);
            Array.Fill(next, baseline);
            for (int s = 0; s < n; s++)
            {
                if (outWeight[s] == 0f)
                {
                    continue;
                }

                float share = Damping * rank[s] / outWeight[s];
                for (int e = graph.Offsets[s]; e < graph.Offsets[s + 1]; e++)
                {
                    next[graph.Targets[e]] += share * graph.Weights[e];
                }
            }

            float change = 0f;
            for (int s = 0; s < n; s++)
            {
                change += MathF.Abs(next[s] - rank[s]);
            }

            (rank, next) = (next, rank);
            if (change < Epsilon)
            {
                break;
            }
        }

        return rank;
    }

    private static float[] Score(List<SentenceInfo> sentences, float[] rank, ScoringWeights[] weights, LinearSentenceScorer?[] scorers, SummaryScratch scratch)
    {
        float maxRank = rank.Max();
        var scores = new float[sentences.Count];
        int first = 0;
        FeatureContext? context = scorers.Any(s => s is not null) ? FeatureContext.Create(sentences, rank, scratch) : null;
        Span<float> row = stackalloc float[SentenceFeatures.Count];
        for (int s = 0; s < sentences.Count; s++)
        {
            SentenceInfo sentence = sentences[s];
            if (sentence.Position == 0)
            {
                first = s;
            }

            LinearSentenceScorer? scorer = scorers[sentence.Document];
            if (scorer is not null && context is not null)
            {
                context.Compute(sentences, rank, s, row);
                scores[s] = scorer.Score(row);
                continue;
            }

            ScoringWeights w = weights[sentence.Document];
            float centrality = maxRank > 0f ? rank[s] / maxRank : 0f;
            float lead = MathF.Pow(1f + sentence.Position, -w.LeadDecay);

            // The opening sentence stands in for a title: news repeats its subject in the sentences that matter.
            float nearFirst = sentence.Position == 0 ? 1f : Cosine(sentence, sentences[first]);
            float score = (w.Centrality * centrality) + ((1f - w.Centrality) * lead)
                + (w.FirstSentence * nearFirst) + (sentence.ParagraphStart ? w.ParagraphStart : 0f);
            int words = sentence.TermCount;
            if (words < ShortSentenceWords)
            {
                score *= words / (float)ShortSentenceWords;
            }

            scores[s] = score;
        }

        return scores;
    }

    private static List<int> Select(List<SentenceInfo> sentences, float[] scores, SummaryOptions options, CancellationToken cancellationToken)
    {
        int n = sentences.Count;
        int limit = n;
        if (options.MaxSentences > 0)
        {
            limit = Math.Min(limit, options.MaxSentences);
        }

        if (options.Ratio > 0f)
        {
            limit = Math.Min(limit, Math.Max(1, (int)MathF.Ceiling(options.Ratio * n)));
        }

        float maxScore = scores.Max();
        float lambda = options.RedundancyWeight;
        var chosen = new List<int>();
        var chosenTexts = new HashSet<int>();
        var available = new bool[n];
        Array.Fill(available, true);

        // Highest cosine of each sentence to any chosen one, updated after each choice, so a pick costs O(n).
        var redundancy = new float[n];
        int characters = 0;
        while (chosen.Count < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int best = -1;
            float bestValue = float.NegativeInfinity;
            for (int s = 0; s < n; s++)
            {
                if (!available[s])
                {
                    continue;
                }

                if (redundancy[s] > DuplicateCosine || (chosenTexts.Contains(sentences[s].FoldedHash) && RepeatsChosen(sentences, chosen, s))
                    || (options.MaxCharacters > 0 && chosen.Count > 0 && characters + sentences[s].Span.Length > options.MaxCharacters))
                {
                    available[s] = false;
                    continue;
                }

                float relevance = maxScore > 0f ? scores[s] / maxScore : 0f;
                float value = ((1f - lambda) * relevance) - (lambda * redundancy[s]);
                if (value > bestValue)
                {
                    bestValue = value;
                    best = s;
                }
            }

            if (best < 0)
            {
                break;
            }

            // The first sentence is kept even when alone it exceeds MaxCharacters: a summary of a
            // non-empty input is never empty. Later ones must fit.
            if (options.MaxCharacters > 0 && chosen.Count == 0 && sentences[best].Span.Length > options.MaxCharacters)
            {
                int fitting = BestFitting(sentences, scores, options.MaxCharacters);
                best = fitting >= 0 ? fitting : best;
            }

            chosen.Add(best);
            chosenTexts.Add(sentences[best].FoldedHash);
            available[best] = false;
            characters += sentences[best].Span.Length;
            for (int s = 0; s < n; s++)
            {
                if (available[s])
                {
                    redundancy[s] = Math.Max(redundancy[s], Cosine(sentences[s], sentences[best]));
                }
            }
        }

        return chosen;
    }

    /// <summary>Whether sentence <paramref name="s"/> reads, folded, exactly as one already chosen (checked when the hashes meet).</summary>
    private static bool RepeatsChosen(List<SentenceInfo> sentences, List<int> chosen, int s)
    {
        foreach (int c in chosen)
        {
            if (sentences[c].FoldedHash == sentences[s].FoldedHash && sentences[c].FoldsLike(sentences[s]))
            {
                return true;
            }
        }

        return false;
    }

    private static int BestFitting(List<SentenceInfo> sentences, float[] scores, int maxCharacters)
    {
        int best = -1;
        for (int s = 0; s < sentences.Count; s++)
        {
            if (sentences[s].Span.Length <= maxCharacters && (best < 0 || scores[s] > scores[best]))
            {
                best = s;
            }
        }

        return best;
    }

    /// <summary>Per-document figures the features need: the highest rank, the first sentence and the TF-IDF centroid.</summary>
    private sealed class FeatureContext
    {
        private readonly float[] _maxRank;
        private readonly int[] _first;
        private readonly float[] _centroid;

        private FeatureContext(float[] maxRank, int[] first, float[] centroid)
        {
            _maxRank = maxRank;
            _first = first;
            _centroid = centroid;
        }

        public static FeatureContext Create(List<SentenceInfo> sentences, float[] rank, SummaryScratch scratch)
        {
            int documents = sentences[^1].Document + 1;
            var maxRank = new float[documents];
            var first = new int[documents];
            var centroid = new float[sentences.Count];

            // Each document's centroid (the sum of its unit sentence vectors) is accumulated in a
            // dense vector over the vocabulary; its sentences' cosines to it are read back from it.
            float[] dense = scratch.DenseVector(VocabularySize(sentences));
            int start = 0;
            while (start < sentences.Count)
            {
                int document = sentences[start].Document;
                int end = start;
                while (end < sentences.Count && sentences[end].Document == document)
                {
                    end++;
                }

                first[document] = start;
                for (int s = start; s < end; s++)
                {
                    maxRank[document] = Math.Max(maxRank[document], rank[s]);
                    SentenceInfo sentence = sentences[s];
                    ReadOnlySpan<int> ids = sentence.TermIds;
                    ReadOnlySpan<float> weights = sentence.Weights;
                    for (int k = 0; k < ids.Length; k++)
                    {
                        dense[ids[k]] += weights[k];
                    }
                }

                float norm = 0f;
                for (int s = start; s < end; s++)
                {
                    foreach (int id in sentences[s].TermIds)
                    {
                        float value = dense[id];
                        if (value > 0f)
                        {
                            // Each term counted once: its (positive) sum is negated once read.
                            norm += value * value;
                            dense[id] = -value;
                        }
                    }
                }

                norm = MathF.Sqrt(norm);
                for (int s = start; s < end; s++)
                {
                    // Negated above to mark terms already counted: the dot uses magnitudes.
                    ReadOnlySpan<int> ids = sentences[s].TermIds;
                    ReadOnlySpan<float> weights = sentences[s].Weights;
                    float dot = 0f;
                    for (int k = 0; k < ids.Length; k++)
                    {
                        dot += weights[k] * MathF.Abs(dense[ids[k]]);
                    }

                    centroid[s] = norm > 0f ? dot / norm : 0f;
                }

                for (int s = start; s < end; s++)
                {
                    foreach (int id in sentences[s].TermIds)
                    {
                        dense[id] = 0f;
                    }
                }

                start = end;
            }

            return new FeatureContext(maxRank, first, centroid);
        }

        public void Compute(List<SentenceInfo> sentences, float[] rank, int s, Span<float> row)
        {
            SentenceInfo sentence = sentences[s];
            float maxRank = _maxRank[sentence.Document];
            SentenceInfo first = sentences[_first[sentence.Document]];
            SentenceFeatures.Compute(sentence, first, maxRank > 0f ? rank[s] / maxRank : 0f, _centroid[s], row);
        }
    }

    /// <summary>One sentence of one document with its content terms and TF-IDF vector (views of the call's scratch).</summary>
    internal sealed class SentenceInfo(int document, int index, Text.TextSpan span, string text, int position, int documentSentences, bool paragraphStart, SummaryScratch scratch)
    {
        public bool ParagraphStart { get; } = paragraphStart;

        public int Document { get; } = document;

        public int Index { get; } = index;

        public Text.TextSpan Span { get; } = span;

        public int Position { get; } = position;

        public int DocumentSentences { get; } = documentSentences;

        /// <summary>Number tokens in the sentence.</summary>
        public int Numbers { get; init; }

        /// <summary>Word and number tokens in the sentence.</summary>
        public int WordsAndNumbers { get; init; }

        /// <summary>Where the sentence's content terms start in the scratch's term list.</summary>
        public int TermStart { get; init; }

        /// <summary>How many content terms (with repeats) the sentence has.</summary>
        public int TermCount { get; init; }

        /// <summary>The sentence's content terms, in order.</summary>
        public ReadOnlySpan<string> Terms => CollectionsMarshal.AsSpan(scratch.Terms).Slice(TermStart, TermCount);

        /// <summary>Where the sentence's vector starts in the scratch's flat arrays (set by vectorizing).</summary>
        public int VectorStart { get; set; }

        /// <summary>How many distinct terms the sentence's vector has.</summary>
        public int VectorLength { get; set; }

        /// <summary>The distinct term ids, ascending.</summary>
        public ReadOnlySpan<int> TermIds => scratch.TermIds.AsSpan(VectorStart, VectorLength);

        /// <summary>The unit-length TF-IDF weights of <see cref="TermIds"/>.</summary>
        public ReadOnlySpan<float> Weights => scratch.Weights.AsSpan(VectorStart, VectorLength);

        /// <summary>The number of sentences containing each of <see cref="TermIds"/>.</summary>
        public ReadOnlySpan<int> DocumentFrequencies => scratch.DocumentFrequencies.AsSpan(VectorStart, VectorLength);

        /// <summary>A hash of the sentence's folded text (see <see cref="EntityText.Fold"/>), for spotting repeated sentences.</summary>
        public int FoldedHash { get; } = HashFolded(text.AsSpan(span.Start, span.Length));

        /// <summary>Whether the two sentences' folded texts are equal.</summary>
        public bool FoldsLike(SentenceInfo other) =>
            EntityText.Fold(Text.AsSpan(Span.Start, Span.Length)) == EntityText.Fold(other.Text.AsSpan(other.Span.Start, other.Span.Length));

        private string Text { get; } = text;

        private static int HashFolded(ReadOnlySpan<char> sentence)
        {
            // Folding never lengthens the text.
            char[]? rented = sentence.Length > 256 ? ArrayPool<char>.Shared.Rent(sentence.Length) : null;
            Span<char> folded = rented ?? stackalloc char[256];
            int hash = string.GetHashCode(folded[..EntityText.FoldInto(sentence, folded)]);
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }

            return hash;
        }
    }

    /// <summary>Weighted edges by source sentence (compressed rows): row s is <c>Offsets[s]..Offsets[s + 1]</c>.</summary>
    private sealed record SimilarityGraph(int Count, int[] Offsets, int[] Targets, float[] Weights);
}
