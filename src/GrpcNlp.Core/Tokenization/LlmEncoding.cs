namespace GrpcNlp.Core.Tokenization;

/// <summary>A byte-pair encoding of a large language model whose token count can be computed.</summary>
public enum LlmEncoding
{
    /// <summary>OpenAI's o200k_base (GPT-4o, GPT-4.1, o-series models).</summary>
    O200kBase,

    /// <summary>OpenAI's cl100k_base (GPT-4, GPT-3.5-turbo, text-embedding-3).</summary>
    Cl100kBase,
}
