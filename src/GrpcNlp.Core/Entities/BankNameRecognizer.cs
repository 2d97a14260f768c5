using System.Collections.Frozen;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Arabic banks named by "the bank" and a relational adjective are organizations: "البنك التجاري",
/// "للبنك الدولي", "المصرف المركزي الأوروبي".
/// </summary>
/// <remarks>
/// A bank is named by what kind of bank it is, so the tagger, which learned the few such names its
/// training data holds, misses new ones. Other heads are not names as often: in ANERcorp's train part
/// "البنك" + a relational adjective is an organization 9 times in 9, "المجلس" 4 in 26, "الجيش" 2 in
/// 55, "الحكومة" never (docs/entities.md). Adjectives of rank or time ("الأساسي", "الحالي") describe
/// a noun before the bank more often than the bank.
/// </remarks>
internal sealed class BankNameRecognizer(AnalyzedText text, string[] keys)
{
    // Folded heads, as they stand after a proclitic is taken off ("للبنك" is ل + "البنك").
    private static readonly FrozenSet<string> s_heads = new[] { "البنك", "المصرف" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_notNaming = new[]
    {
        "الاساسي", "الرئيسي", "الحالي", "الماضي", "التالي", "الثاني", "الاولي", "النهائي", "الكلي", "الفعلي",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adds an organization candidate for each bank named by its kind.</summary>
    public void Recognize(List<Candidate> output, CancellationToken cancellationToken)
    {
        IReadOnlyList<Token> tokens = text.Tokens;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // The adjective first: it is rare, and the head is looked up with its proclitics taken off.
            if (tokens[i].Type != TokenType.Word || !IsNamingAdjective(i + 1) || Lexicons.ProcliticBefore(keys[i], s_heads) is not int clitic)
            {
                continue;
            }

            int end = i + 2;
            while (end < tokens.Count && IsNamingAdjective(end))
            {
                end++;
            }

            Token head = tokens[i];
            int start = EntityText.StartAfter(text.Text, head, clitic);
            output.Add(new Candidate(start, tokens[end - 1].Span.End, i, end, EntityType.Organization, 0.6f, null, Candidate.RulePriority)
            {
                RestoresArticle = Lexicons.RestoresArticle(keys[i], clitic),
            });
            i = end - 1;
        }
    }

    private bool IsNamingAdjective(int k)
    {
        string key = keys[k];
        return text.Tokens[k].Type == TokenType.Word && key.Length >= 5 && key.StartsWith("ال", StringComparison.Ordinal)
            && key.EndsWith('ي') && !s_notNaming.Contains(key);
    }
}
