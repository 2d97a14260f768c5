using System.Collections.Frozen;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Names in quotes right after a word that says what they name: titles of works after the kind of
/// work or "titled" ("برنامج « حكايات »", "كتاب بعنوان " مبدأ حواء "", "the film "Cold Rain"") and
/// venues after the kind of venue ("استاد « سلتيك بارك »") are MISC mentions of the words between
/// the quotes; organizations after the kind of organization ("صحيفة « لوفيغارو »") are
/// organizations.
/// </summary>
/// <remarks>
/// Quotes alone say too little (news quotes speech), and a bare cue too (a "برنامج" is as often a
/// plan as a show); together they name a work. A title is one to <see cref="MaxWords"/> tokens on
/// one line.
/// </remarks>
internal sealed class QuotedNameRecognizer
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

    // Folded kinds of organization whose quoted name is the organization ("صحيفة « لوفيغارو »",
    // "شركة « جيلي »"); a proclitic may come before.
    private static readonly FrozenSet<string> s_organizationCues = new[]
    {
        "صحيفه", "الصحيفه", "جريده", "الجريده", "مجله", "المجله", "وكاله", "الوكاله", "شركه", "الشركه", "قناه", "القناه",
        "مؤسسه", "المؤسسه", "شبكه", "الشبكه", "مصرف", "بنك", "newspaper", "magazine", "company", "agency",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly AnalyzedText _text;
    private readonly string[] _keys;

    public QuotedNameRecognizer(AnalyzedText text, string[] keys)
    {
        _text = text;
        _keys = keys;
    }

    /// <summary>Adds a candidate for each quoted name after a cue.</summary>
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
            if (tokens[i].Type != TokenType.Word || !IsQuote(i + 1, opening: true) || TypeNamedBy(_keys[i]) is not EntityType type)
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

            output.Add(new Candidate(tokens[first].Span.Start, tokens[close - 1].Span.End, first, close, type, 0.7f, null, Candidate.RulePriority));
            i = close;
        }
    }

    // The type of the quoted name after a cue: misc after a kind of work or venue, organization
    // after a kind of organization; null after any other word.
    private static EntityType? TypeNamedBy(string key) =>
        Lexicons.ProcliticBefore(key, s_cues) is not null ? EntityType.Misc
        : Lexicons.ProcliticBefore(key, s_organizationCues) is not null ? EntityType.Organization
        : null;

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
