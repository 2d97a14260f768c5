namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>The stemmers a model can be trained with, by the name stored in the model file.</summary>
internal static class StemmerNames
{
    /// <summary>The fixed proclitic list (<see cref="ProcliticStemmer"/>).</summary>
    public const string Proclitic = "proclitic";

    /// <summary>The learned Arabic segmenter (<see cref="SegmenterStemmer"/>).</summary>
    public const string Segmenter = "segmenter";

    /// <summary>The stemmer of a name; throws for an unknown name (a model from a newer version).</summary>
    public static IStemmer Create(string name) => name switch
    {
        Proclitic => ProcliticStemmer.Instance,
        Segmenter => SegmenterStemmer.Default,
        _ => throw new InvalidDataException($"Unknown stemmer '{name}' in the entity tagger model."),
    };
}
