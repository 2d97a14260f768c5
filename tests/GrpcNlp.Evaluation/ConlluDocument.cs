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
    /// One span per syntactic word. A single-word token is its own span. The words of a multiword
    /// token (<c>3-4</c>) get consecutive spans inside it when their forms spell the token exactly
    /// (<c>didn't</c> = <c>did</c> + <c>n't</c>), as the tokenizer splits such clitics; otherwise
    /// the whole token is one word span, since the tokenizer cannot produce words whose forms
    /// differ from the surface.
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
        var words = new List<TextSpan>();
        var rangeWords = new List<string>();
        int rangeLast = 0;
        TextSpan rangeSpan = default;
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
                rangeWords.Add(columns[1]);
                if (first == rangeLast)
                {
                    AddRangeWords(text, rangeSpan, rangeWords, words);
                }

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
            if (dash >= 0)
            {
                rangeSpan = new TextSpan(start, text.Length);
                rangeLast = last;
                rangeWords.Clear();
            }
            else
            {
                words.Add(new TextSpan(start, text.Length));
            }

            sentenceEnd = text.Length;
            spaceAfterPrevious = !HasSpaceAfterNo(columns[9]);
        }

        EndSentence();
        return new ConlluDocument(text.ToString(), tokens, words, sentences);
    }

    private static void AddRangeWords(StringBuilder text, TextSpan token, List<string> forms, List<TextSpan> words)
    {
        string surface = text.ToString(token.Start, token.Length);
        if (string.Concat(forms) == surface)
        {
            int start = token.Start;
            foreach (string form in forms)
            {
                if (form.Length > 0)
                {
                    words.Add(new TextSpan(start, start + form.Length));
                }

                start += form.Length;
            }
        }
        else
        {
            words.Add(token);
        }
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
