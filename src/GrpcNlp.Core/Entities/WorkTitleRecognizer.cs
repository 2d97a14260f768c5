using System.Collections.Frozen;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Titles of works in quotes right after a word that names the kind of work or says it is titled:
/// "برنامج « حكايات »", "كتاب بعنوان " مبدأ حواء "", "the film "Cold Rain"", and names of venues
/// in quotes after the kind of venue ("استاد « سلتيك بارك »"). Each is a MISC mention of the words
/// between the quotes.
/// </summary>
/// <remarks>
/// Quotes alone say too little (news quotes speech), and a bare cue too (a "برنامج" is as often a
/// plan as a show); together they name a work. A title is one to <see cref="MaxWords"/> tokens on
/// one line.
/// </remarks>
internal sealed class WorkTitleRecognizer
{
    /// <summary>The most tokens between the quotes.</summary>
    private const int MaxWords = 6;

    // Folded, as EntityExtractor folds keys: kinds of work and "titled", and venues, whose quoted
    // names are misc as works' are ("استاد « سلتيك بارك »"); a proclitic may come before.
    private static readonly FrozenSet<string> s_cues = new[]
    {
        "بعنوان", "عنوانه", "عنوانها", "برنامج", "البرنامج", "مسلسل", "المسلسل", "فيلم", "الفيلم", "كتاب", "الكتاب",
        "كتابه", "روايه", "الروايه", "مسرحيه", "المسرحيه", "البوم", "الالبوم", "اغنيه", "الاغنيه", "ديوان", "الديوان",
        "استاد", "الاستاد", "ستاد", "الستاد", "ملعب", "الملعب",
        "titled", "entitled", "film", "movie", "book", "novel", "album", "song", "show", "programme", "program", "series", "play",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly AnalyzedText _text;
    private readonly string[] _keys;

    public WorkTitleRecognizer(AnalyzedText text, string[] keys)
    {
        _text = text;
        _keys = keys;
    }

    /// <summary>Adds a MISC candidate for each quoted title after a cue.</summary>
    public void Recognize(List<Candidate> output, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = _text.Tokens;
        for (int i = 0; i + 3 < tokens.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // The quote first: it is rare, and a cue is looked up with its proclitics taken off.
            if (tokens[i].Type != TokenType.Word || !IsQuote(i + 1, opening: true) || !IsCue(_keys[i]))
            {
                continue;
            }

            int first = i + 2;
            int close = first;
            while (close < tokens.Count && close - first <= MaxWords && !IsQuote(close, opening: false) && !LineBreakBefore(close))
            {
                close++;
            }

            if (close == first || close >= tokens.Count || close - first > MaxWords || !IsQuote(close, opening: false) || LineBreakBefore(close)
                || !ContainsWord(first, close))
            {
                continue;
            }

            output.Add(new Candidate(tokens[first].Span.Start, tokens[close - 1].Span.End, first, close, EntityType.Misc, 0.7f, null, Candidate.RulePriority));
            i = close;
        }
    }

    private static bool IsCue(string key) => s_cues.Contains(key) || Lexicons.AnyBareForm(key, static bare => s_cues.Contains(bare));

    private bool IsQuote(int i, bool opening)
    {
        Token token = _text.Tokens[i];
        if (token.Type != TokenType.Punctuation || token.Span.Length != 1)
        {
            return false;
        }

        char c = _text.Text[token.Span.Start];
        return c is '"' or '\'' || (opening ? c is '«' or '“' : c is '»' or '”');
    }

    private bool LineBreakBefore(int i) =>
        _text.Text.AsSpan(_text.Tokens[i - 1].Span.End, _text.Tokens[i].Span.Start - _text.Tokens[i - 1].Span.End).ContainsAny('\n', '\r');

    private bool ContainsWord(int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            if (_text.Tokens[k].Type == TokenType.Word)
            {
                return true;
            }
        }

        return false;
    }
}
