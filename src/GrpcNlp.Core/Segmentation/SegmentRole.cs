namespace GrpcNlp.Core.Segmentation;

/// <summary>What a segment of a word is.</summary>
public enum SegmentRole
{
    /// <summary>A conjunction, preposition, future or emphatic particle attached before the stem (و ف ب ل ك س).</summary>
    Proclitic = 1,

    /// <summary>The definite article ال.</summary>
    Article = 2,

    /// <summary>The stem: what remains when clitics (and, by scheme, the article and inflection) are split off.</summary>
    Stem = 3,

    /// <summary>An object or possessive pronoun attached after the stem.</summary>
    Enclitic = 4,

    /// <summary>An inflectional suffix (ة ات ين ون, verb subject markers); split only in the Farasa scheme.</summary>
    Suffix = 5,
}
