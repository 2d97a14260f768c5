using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;

namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>Tags sentences with a <see cref="NerModel"/>: hashed features, summed weights, constrained Viterbi.</summary>
internal sealed class NerTagger
{
    private static readonly ConcurrentDictionary<string, Lazy<NerTagger?>> s_embedded = new(StringComparer.Ordinal);

    /// <summary>A tagger for <paramref name="model"/> with the stemmer it was trained with.</summary>
    public NerTagger(NerModel model)
    {
        Model = model;
        Stemmer = StemmerNames.Create(model.Stemmer);
    }

    public NerModel Model { get; }

    public IStemmer Stemmer { get; }

    /// <summary>The tagger shipped for a language ("ar", "en"), loaded on first use; null when there is none.</summary>
    public static NerTagger? ForLanguage(string language) =>
        s_embedded.GetOrAdd(language, static l => new Lazy<NerTagger?>(() => LoadEmbedded(l))).Value;

    /// <summary>Resource name of a language's model.</summary>
    public static string ResourceName(string language) => language switch
    {
        "ar" => "Arabic/Data/ner.model",
        "en" => "English/Data/ner.model",
        _ => string.Empty,
    };

    /// <summary>Folds and stems the words of a sentence and matches them against the model's name list.</summary>
    public TaggerSentence Prepare(IReadOnlyList<string> words)
    {
        var sentence = new TaggerSentence(words, Stemmer);
        MatchNames(sentence);
        return sentence;
    }

    /// <summary>Loads tokens [<paramref name="first"/>, +<paramref name="count"/>) of a text into <paramref name="sentence"/> and matches them against the name list.</summary>
    public void Prepare(TaggerSentence sentence, string text, IReadOnlyList<Tokenization.Token> tokens, string[] folded, int first, int count)
    {
        sentence.Load(text, tokens, folded, first, count, Stemmer);
        MatchNames(sentence);
    }

    private void MatchNames(TaggerSentence sentence)
    {
        if (Model.Names.Count > 0)
        {
            Model.Names.Match(sentence);
        }

        if (Model.Classes.Count > 0)
        {
            Model.Classes.Match(sentence);
        }
    }

    /// <summary>Writes one label id per word of <paramref name="sentence"/> into <paramref name="labels"/>.</summary>
    public void Tag(TaggerSentence sentence, Span<int> labels) => Tag(sentence, labels, default);

    /// <summary>
    /// Tags as <see cref="Tag(TaggerSentence, Span{int})"/> and, when <paramref name="margins"/> is not
    /// empty, writes per word how far the best path's score lies above the best path with another
    /// label there (<see cref="ViterbiMargins"/>; training-time use, it allocates).
    /// </summary>
    public void Tag(TaggerSentence sentence, Span<int> labels, Span<float> margins)
    {
        int n = sentence.Count;
        bool hasEdges = Model.Edges.Count > 0;
        float[] emissions = ArrayPool<float>.Shared.Rent(Math.Max(1, n * NerLabels.Count));
        float[]? edgeScores = hasEdges ? ArrayPool<float>.Shared.Rent(Math.Max(1, n * EdgeWeights.Width)) : null;
        try
        {
            Span<ulong> features = stackalloc ulong[FeatureExtractor.MaxFeatures];
            Span<float> all = emissions.AsSpan(0, n * NerLabels.Count);
            all.Clear();
            for (int i = 0; i < n; i++)
            {
                int count = FeatureExtractor.Extract(sentence, i, features);
                Model.AddScores(features[..count], all.Slice(i * NerLabels.Count, NerLabels.Count));
            }

            Span<float> edges = default;
            if (edgeScores is not null)
            {
                edges = edgeScores.AsSpan(0, n * EdgeWeights.Width);
                edges.Clear();
                for (int i = 1; i < n; i++)
                {
                    int count = FeatureExtractor.ExtractEdges(sentence, i, features);
                    Model.Edges.AddScores(features[..count], edges.Slice(i * EdgeWeights.Width, EdgeWeights.Width));
                }
            }

            if (margins.IsEmpty)
            {
                ViterbiDecoder.Decode(all, Model.Transitions, edges, labels[..n]);
            }
            else
            {
                ViterbiMargins.Compute(all, Model.Transitions, edges, labels[..n], margins[..n]);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(emissions);
            if (edgeScores is not null)
            {
                ArrayPool<float>.Shared.Return(edgeScores);
            }
        }
    }

    private static NerTagger? LoadEmbedded(string language)
    {
        string name = ResourceName(language);
        if (name.Length == 0)
        {
            return null;
        }

        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
        return stream is null ? null : new NerTagger(NerModel.Load(stream));
    }
}
