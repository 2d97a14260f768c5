using Microsoft.ML.Tokenizers;

namespace GrpcNlp.Core.Tokenization;

/// <summary>
/// Counts the tokens a large language model's tokenizer makes of a text, so that callers can
/// budget prompts per document and per sentence.
/// </summary>
/// <remarks>
/// Uses the Tiktoken tokenizers of Microsoft.ML.Tokenizers with their vocabularies from the
/// Microsoft.ML.Tokenizers.Data packages (no download at run time). Each vocabulary is loaded on
/// first use and shared; the tokenizers are thread-safe. Counting does not build token lists.
/// </remarks>
public static class LlmTokenCounter
{
    private static readonly Lazy<Tokenizer> s_o200kBase = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> s_cl100kBase = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    /// <summary>The number of tokens of <paramref name="text"/> under <paramref name="encoding"/>.</summary>
    /// <param name="encoding">The encoding to count with.</param>
    /// <param name="text">The text, as the model would receive it.</param>
    /// <returns>The token count; 0 for empty text.</returns>
    public static int Count(LlmEncoding encoding, ReadOnlySpan<char> text) =>
        text.IsEmpty ? 0 : TokenizerFor(encoding).CountTokens(text);

    private static Tokenizer TokenizerFor(LlmEncoding encoding) => encoding switch
    {
        LlmEncoding.O200kBase => s_o200kBase.Value,
        LlmEncoding.Cl100kBase => s_cl100kBase.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown LLM encoding."),
    };
}
