namespace GrpcNlp.Core.Segmentation;

/// <summary>
/// One way to read an (undiacritised) Arabic word: proclitics, an optional article, a stem, up to
/// two inflectional suffixes and an optional enclitic, all by length so that a candidate costs no
/// allocation. The stem is what is left between them.
/// </summary>
/// <param name="Length">Length of the word.</param>
/// <param name="Proclitics">Number of one-letter proclitics at the start (و ف ب ل ك س).</param>
/// <param name="Article">The article: none, written ال, or restored (the ا dropped after ل, as in للمرة).</param>
/// <param name="Suffix1">Length of the inflectional suffix right after the stem, 0 for none.</param>
/// <param name="Suffix2">Length of a second inflectional suffix after the first, 0 for none.</param>
/// <param name="Enclitic">Length of the pronoun enclitic at the end, 0 for none.</param>
internal readonly record struct SegmentAnalysis(int Length, int Proclitics, ArticleForm Article, int Suffix1, int Suffix2, int Enclitic)
{
    /// <summary>The analysis that leaves the word whole.</summary>
    public static SegmentAnalysis Whole(int length) => new(length, 0, ArticleForm.None, 0, 0, 0);

    /// <summary>Letters the article takes in the surface word.</summary>
    public int ArticleLength => Article switch
    {
        ArticleForm.Written => 2,
        ArticleForm.Restored => 1,
        _ => 0,
    };

    /// <summary>Index of the stem's first letter.</summary>
    public int StemStart => Proclitics + ArticleLength;

    /// <summary>Index one past the stem's last letter.</summary>
    public int StemEnd => Length - Enclitic - Suffix2 - Suffix1;

    /// <summary>Whether the analysis splits anything off.</summary>
    public bool IsWhole => Proclitics == 0 && Article == ArticleForm.None && Suffix1 == 0 && Suffix2 == 0 && Enclitic == 0;
}

/// <summary>How the article ال appears in a word.</summary>
internal enum ArticleForm : byte
{
    /// <summary>No article.</summary>
    None,

    /// <summary>Written in full: ال.</summary>
    Written,

    /// <summary>Only its ل is written, after the preposition ل (ل + المرة = للمرة).</summary>
    Restored,
}
