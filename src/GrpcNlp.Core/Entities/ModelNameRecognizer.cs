using System.Buffers;
using GrpcNlp.Core.Entities.Tagging;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Person, location, organization and misc names from the statistical tagger, sentence by sentence.
/// The tagger labels whole words, clitics attached, as its training data does; a mention's span then
/// drops a proclitic before the article ("والقاهرة" -> "القاهرة", "للأمم" -> "لأمم" with the
/// article's alef restored in the canonical name) or before a bare form the gazetteer knows.
/// </summary>
internal sealed class ModelNameRecognizer(AnalyzedText text, string[] keys, NerTagger tagger)
{
    // A name the tagger found once is taken again, same type, where its stems recur nearby.
    private const int RepeatWindow = 400;

    public void Recognize(List<Candidate> output, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = text.Tokens;
        int n = tokens.Count;

        // Per-token state lives in pooled arrays and the sentence is reloaded, not rebuilt: the
        // tagger's work on a text allocates per name found, not per word.
        int[] stemStarts = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        int[] sentenceEnd = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        bool[] covered = ArrayPool<bool>.Shared.Rent(Math.Max(1, n));
        char[] keyBuffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            // A token outside every sentence has no stem (-1).
            stemStarts.AsSpan(0, n).Fill(-1);
            covered.AsSpan(0, n).Clear();
            var stems = new Stems(keys, stemStarts);
            var prepared = new TaggerSentence();
            int[] labels = new int[64];
            var found = new Dictionary<string, (EntityType Type, List<int> Starts)>(StringComparer.Ordinal);
            var foundLookup = found.GetAlternateLookup<ReadOnlySpan<char>>();
            int maxWords = 1;
            foreach (Sentence sentence in text.Sentences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int first = sentence.FirstToken;
                int count = sentence.TokenCount;
                if (count == 0)
                {
                    continue;
                }

                if (labels.Length < count)
                {
                    labels = new int[Math.Max(count, labels.Length * 2)];
                }

                tagger.Prepare(prepared, text.Text, tokens, keys, first, count);
                tagger.Tag(prepared, labels.AsSpan(0, count));
                for (int i = 0; i < count; i++)
                {
                    stemStarts[first + i] = prepared.StemStart[i];
                    sentenceEnd[first + i] = first + count;
                }

                foreach ((int start, int end, int label) in NerLabels.Chunks(labels.AsSpan(0, count)))
                {
                    EntityType type = NerLabels.TypeOf(label);
                    output.Add(Make(first + start, first + end, type));
                    ReadOnlySpan<char> key = stems.Join(first + start, end - start, ref keyBuffer);
                    if (!foundLookup.TryGetValue(key, out var entry))
                    {
                        entry = (type, []);
                        found.Add(key.ToString(), entry);
                    }

                    entry.Starts.Add(first + start);
                    maxWords = Math.Max(maxWords, end - start);
                    covered.AsSpan(first + start, end - start).Fill(true);
                }
            }

            if (found.Count > 0)
            {
                Repeat(output, found, stems, covered, sentenceEnd, maxWords, ref keyBuffer);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stemStarts);
            ArrayPool<int>.Shared.Return(sentenceEnd);
            ArrayPool<bool>.Shared.Return(covered);
            ArrayPool<char>.Shared.Return(keyBuffer);
        }
    }

    private void Repeat(List<Candidate> output, Dictionary<string, (EntityType Type, List<int> Starts)> found, Stems stems, bool[] covered, int[] sentenceEnd, int maxWords, ref char[] keyBuffer)
    {
        // A repeat starts on the first stem of a name found: other words need no joined keys.
        var firstStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in found.Keys)
        {
            int space = key.IndexOf(' ');
            firstStems.Add(space < 0 ? key : key[..space]);
        }

        var firstStemLookup = firstStems.GetAlternateLookup<ReadOnlySpan<char>>();
        var foundLookup = found.GetAlternateLookup<ReadOnlySpan<char>>();
        int tokenCount = text.Tokens.Count;
        for (int i = 0; i < tokenCount; i++)
        {
            // Latin-script names recur capitalized: "may" is no repeat of "May".
            char initial = text.Text[text.Tokens[i].Span.Start];
            if (covered[i] || !stems.Has(i) || text.Tokens[i].Type != TokenType.Word || char.IsAsciiLetterLower(initial)
                || !firstStemLookup.Contains(stems[i]))
            {
                continue;
            }

            for (int n = Math.Min(maxWords, sentenceEnd[i] - i); n >= 1; n--)
            {
                if (covered.AsSpan(i, n).Contains(true))
                {
                    continue;
                }

                ReadOnlySpan<char> key = stems.Join(i, n, ref keyBuffer);
                if (key.Length < 3 || (n == 1 && Lexicons.StopWords.Contains(keys[i]))
                    || !foundLookup.TryGetValue(key, out var entry) || !Near(entry.Starts, i)
                    || (n == 1 && !FoundAsDefiniteAs(stems, entry.Starts, i)))
                {
                    continue;
                }

                output.Add(Make(i, i + n, entry.Type) with { Confidence = 0.7f });
                i += n - 1;
                break;
            }
        }
    }

    // One word repeats a name only with the article where the name had it and without it where it
    // had none: "مدينة" (a city) is no repeat of "المدينة" (Medina), nor "جزيرة" of "الجزيرة".
    private static bool FoundAsDefiniteAs(Stems stems, List<int> starts, int i)
    {
        bool definite = stems.IsDefinite(i);
        foreach (int start in starts)
        {
            if (stems.IsDefinite(start) == definite)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Near(List<int> starts, int i)
    {
        foreach (int start in starts)
        {
            if (Math.Abs(start - i) <= RepeatWindow)
            {
                return true;
            }
        }

        return false;
    }

    private Candidate Make(int firstToken, int endToken, EntityType type)
    {
        Token token = text.Tokens[firstToken];
        (int clitic, bool restoresAlef) = ProcliticOf(keys[firstToken], endToken - firstToken);
        int start = EntityText.StartAfter(text.Text, token, clitic);
        float confidence = endToken - firstToken > 1 ? 0.85f : 0.8f;
        return new Candidate(start, text.Tokens[endToken - 1].Span.End, firstToken, endToken, type, confidence, null, Candidate.ModelPriority)
        {
            RestoresArticle = restoresAlef,
        };
    }

    // Folded characters of the proclitic to leave out of the span, and whether "لل" lost the article's alef.
    private static (int Length, bool RestoresAlef) ProcliticOf(string key, int words)
    {
        if (key.Length < 5 || !EntityText.IsArabicLetter(key[0]))
        {
            return (0, false);
        }

        foreach ((string bare, int clitic) in Lexicons.StripProclitics(key))
        {
            if (bare.StartsWith("ال", StringComparison.Ordinal) && clitic > 0 && bare.Length >= 4)
            {
                return (clitic, Lexicons.RestoresArticle(key, clitic));
            }

            if (words == 1 && clitic > 0 && bare.Length >= 4 && Lexicons.Gazetteer.ContainsKey(bare))
            {
                return (clitic, false);
            }
        }

        return (0, false);
    }

    /// <summary>Each token's stem as a span of its folded key (the tagger's stem), joined with spaces into one buffer for lookups.</summary>
    private readonly struct Stems(string[] keys, int[] starts)
    {
        public ReadOnlySpan<char> this[int token] => keys[token].AsSpan(starts[token]);

        public bool Has(int token) => starts[token] >= 0;

        /// <summary>Whether the part before the stem ends in the article ("المدينة", "والمدينة", "للمدينة").</summary>
        public bool IsDefinite(int token) =>
            starts[token] >= 2 && keys[token].AsSpan(0, starts[token]) is var prefix
            && (prefix.EndsWith("ال", StringComparison.Ordinal) || prefix.EndsWith("لل", StringComparison.Ordinal));

        /// <summary>The stems of tokens [<paramref name="first"/>, +<paramref name="count"/>) joined by spaces, in <paramref name="buffer"/> (grown from the pool when short).</summary>
        public ReadOnlySpan<char> Join(int first, int count, ref char[] buffer)
        {
            int length = count - 1;
            for (int t = first; t < first + count; t++)
            {
                length += this[t].Length;
            }

            if (buffer.Length < length)
            {
                ArrayPool<char>.Shared.Return(buffer);
                buffer = ArrayPool<char>.Shared.Rent(length);
            }

            int at = 0;
            for (int t = first; t < first + count; t++)
            {
                if (t > first)
                {
                    buffer[at++] = ' ';
                }

                ReadOnlySpan<char> stem = this[t];
                stem.CopyTo(buffer.AsSpan(at));
                at += stem.Length;
            }

            return buffer.AsSpan(0, at);
        }
    }
}
