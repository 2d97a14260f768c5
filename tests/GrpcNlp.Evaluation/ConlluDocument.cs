using System.Text;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Evaluation;

/// <summary>
/// The raw text of a CoNLL-U file rebuilt from its surface tokens, with the gold token, word and
/// sentence spans over that text (UTF-16, half-open).
/// </summary>
internal sealed class ConlluDocument
{
    private ConlluDocument(string text, List<TextSpan> tokens, List<TextSpan> words, List<TextSpan> sentences)
    {
        Text = text;
        Tokens = tokens;
        Words = words;
        Sentences = sentences;
    }

    public string Text { get; }

    public IReadOnlyList<TextSpan> Tokens { get; }

    /// <summary>
    /// One span per word as our tokenizer can produce it: a single-word token is its own span and
    /// a multiword token (<c>3-4</c>) is one word spanning the whole token, since the tokenizer
    /// does not split words inside a token.
    /// </summary>
    public IReadOnlyList<TextSpan> Words { get; }

    public IReadOnlyList<TextSpan> Sentences { get; }

    /// <summary>
    /// Reads CoNLL-U lines. Tokens of a sentence are joined by a space unless <c>SpaceAfter=No</c>;
    /// sentences are joined by one space, or by a blank line when the next one starts a paragraph
    /// or document (<c># newpar</c>, <c># newdoc</c>). Empty nodes (<c>3.1</c>) and the words
    /// inside a multiword range have no surface of their own and are skipped.
    /// </summary>
    public static ConlluDocument Parse(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        var tokens = new List<TextSpan>();
        var sentences = new List<TextSpan>();
        bool inSentence = false;
        bool newParagraph = false;
        int sentenceStart = 0;
        int sentenceEnd = 0;
        int skipThrough = 0;
        bool spaceAfterPrevious = false;

        void EndSentence()
        {
            if (inSentence && sentenceEnd > sentenceStart)
            {
                sentences.Add(new TextSpan(sentenceStart, sentenceEnd));
            }

            inSentence = false;
            skipThrough = 0;
        }

        foreach (string rawLine in lines)
        {
            string line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                EndSentence();
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# newpar", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    newParagraph = true;
                }

                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length < 10)
            {
                throw new FormatException($"A CoNLL-U token line needs 10 columns: '{line}'.");
            }

            string id = columns[0];
            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            int dash = id.IndexOf('-', StringComparison.Ordinal);
            int first;
            int last;
            if (dash >= 0)
            {
                first = int.Parse(id.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture);
                last = int.Parse(id.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                first = last = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (first <= skipThrough)
            {
                continue;
            }

            skipThrough = last;

            if (!inSentence)
            {
                if (text.Length > 0)
                {
                    text.Append(newParagraph ? "\n\n" : " ");
                }

                inSentence = true;
                newParagraph = false;
                sentenceStart = text.Length;
            }
            else if (spaceAfterPrevious)
            {
                text.Append(' ');
            }

            int start = text.Length;
            text.Append(columns[1]);
            tokens.Add(new TextSpan(start, text.Length));
            sentenceEnd = text.Length;
            spaceAfterPrevious = !HasSpaceAfterNo(columns[9]);
        }

        EndSentence();
        return new ConlluDocument(text.ToString(), tokens, [.. tokens], sentences);
    }

    private static bool HasSpaceAfterNo(string misc)
    {
        foreach (string item in misc.Split('|'))
        {
            if (item == "SpaceAfter=No")
            {
                return true;
            }
        }

        return false;
    }
}
