namespace GrpcNlp.Core.Segmentation;

/// <summary>Which clitics and affixes an Arabic word is split into.</summary>
public enum SegmentationScheme
{
    /// <summary>No segmentation: the word is one stem segment.</summary>
    None = 0,

    /// <summary>
    /// Penn Arabic Treebank / Universal Dependencies: conjunctions و ف, prepositions ب ل ك, future
    /// س and object/possessive pronoun enclitics are split; the article ال and inflection stay on the stem.
    /// </summary>
    Atb = 1,

    /// <summary>As <see cref="Atb"/>, and the article ال is split too (D3-like).</summary>
    D3 = 2,

    /// <summary>Farasa's scheme: as <see cref="D3"/>, and inflectional suffixes (ة ات ين ون, verb subject markers) are split too.</summary>
    Farasa = 3,
}
