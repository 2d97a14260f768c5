using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Summarization;

/// <summary>A keyphrase of the summarized documents.</summary>
/// <param name="Text">The phrase as it first occurs in the text.</param>
/// <param name="Normalized">Its matching key: the stems of its words, space-separated; all occurrences share it.</param>
/// <param name="Score">Its score; higher is more salient.</param>
/// <param name="Occurrences">Every occurrence, in document then text order.</param>
public sealed record Keyphrase(string Text, string Normalized, float Score, IReadOnlyList<KeyphraseOccurrence> Occurrences);

/// <summary>One occurrence of a keyphrase.</summary>
/// <param name="DocumentIndex">Index of the document it occurs in.</param>
/// <param name="Span">Its span in that document (UTF-16), from its first word's start to its last word's end.</param>
public readonly record struct KeyphraseOccurrence(int DocumentIndex, TextSpan Span);
