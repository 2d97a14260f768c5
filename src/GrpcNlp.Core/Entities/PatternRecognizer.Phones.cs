using System.Collections.Frozen;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>Telephone numbers: "+971 50 123 4567", "(212) 555-0123", "212-555-0123", "0501234567".</summary>
/// <remarks>
/// Digit groups joined by single spaces, or by '-' or '.' without spaces, after an optional '+' and
/// an optional area code in parentheses; a group of five digits or more ends the number, and groups
/// after the first have two digits or more, and so has the first unless it is the country code
/// after '+' (a lone "0" before digit groups is a table's column, not a trunk prefix). The groups are a phone number when they have a leading
/// '+' (8–15 digits), an area code in parentheses that starts with 0 or has three digits (7–15),
/// the North American shape 3-3-4 joined by '-' or '.', a leading 0 (9–15 digits: "0501234567",
/// "01001234567"), or a phone word among the three tokens before them (7–15 digits; "رقم" only just
/// before). So years, amounts and plain numbers stay numbers. The value is the digits, with '+'
/// when the number has one: "+12125550123".
/// </remarks>
internal sealed partial class PatternRecognizer
{
    private const int MaxPhoneDigits = 15;

    private static readonly FrozenSet<string> s_phoneWords = new[]
    {
        "هاتف", "الهاتف", "بالهاتف", "تلفون", "التلفون", "تليفون", "التليفون", "جوال", "الجوال", "موبايل",
        "الموبايل", "فاكس", "الفاكس", "واتساب", "phone", "telephone", "tel", "mobile", "cell", "call", "fax",
        "whatsapp",
    }.ToFrozenSet(StringComparer.Ordinal);

    private bool TryPhone(int i, out int end, out string? value)
    {
        end = i;
        value = null;
        int pos = i;
        bool plus = _keys[i] == "+";
        if (!plus && _keys[i] != "(" && _text.Tokens[i].Type != TokenType.Number)
        {
            return false;
        }

        if (plus)
        {
            if (!IsAdjacent(i))
            {
                return false;
            }

            pos++;
        }

        Span<char> digits = stackalloc char[MaxPhoneDigits];
        int count = 0;
        bool parens = TryAreaCode(pos, digits, ref count, out int afterArea);
        if (parens)
        {
            pos = afterArea;
        }

        Span<int> shape = stackalloc int[8];
        int groups = 0;
        bool spaced = false;
        int last = -1;
        int taken = 0;
        while (pos < _keys.Length && _text.Tokens[pos].Type == TokenType.Number)
        {
            // A token is one group or groups joined by '-' or '.' ("212-555-0123").
            int before = count;
            int beforeGroups = groups;
            if (!TryAppendGroups(_keys[pos], first: plus && before == 0, digits, ref count, shape, ref groups))
            {
                count = before;
                groups = beforeGroups;
                break;
            }

            last = pos;
            taken = count;
            pos++;
            if (shape[groups - 1] >= 5)
            {
                break;
            }

            // Joined to the next group by a single space, or by '-' touching both groups.
            if (pos + 1 < _keys.Length && _keys[pos] == "-" && IsAdjacent(pos - 1) && IsAdjacent(pos)
                && _text.Tokens[pos + 1].Type == TokenType.Number)
            {
                pos++;
                continue;
            }

            if (pos < _keys.Length && IsSpaceBetween(pos - 1, pos))
            {
                // "+1 (212) 555-0123": the area code after the country code.
                if (plus && !parens && groups == 1 && TryAreaCode(pos, digits, ref count, out afterArea))
                {
                    parens = true;
                    pos = afterArea;
                    continue;
                }

                spaced |= _text.Tokens[pos].Type == TokenType.Number;
                continue;
            }

            break;
        }

        if (last < 0)
        {
            return false;
        }

        // Digits of a group that did not join ("+1 (212) x") are not the number's.
        count = taken;
        end = last + 1;
        bool phone = plus ? count >= 8
            : parens ? count >= 7
            : (!spaced && groups == 3 && shape[0] == 3 && shape[1] == 3 && shape[2] == 4)
              || (digits[0] == '0' && count >= 9)
              || (count >= 7 && HasPhoneWordBefore(i));
        if (!phone)
        {
            return false;
        }

        value = plus ? "+" + new string(digits[..count]) : new string(digits[..count]);
        return true;
    }

    // "(212)", "(02)": an area code of 2–4 digits that starts with 0 or has three, one space before the number.
    private bool TryAreaCode(int i, Span<char> digits, ref int count, out int end)
    {
        end = i + 3;
        if (end >= _keys.Length || _keys[i] != "(" || _keys[i + 2] != ")" || !IsAdjacent(i) || !IsAdjacent(i + 1)
            || _text.Tokens[i + 1].Type != TokenType.Number || !IsSpaceBetween(i + 2, end) || _text.Tokens[end].Type != TokenType.Number)
        {
            return false;
        }

        string area = _keys[i + 1];
        if (!IsDigits(area) || area.Length is < 2 or > 4 || (area[0] != '0' && area.Length != 3) || count + area.Length > digits.Length)
        {
            return false;
        }

        area.AsSpan().CopyTo(digits[count..]);
        count += area.Length;
        return true;
    }

    /// <summary>
    /// Appends the digit groups of <paramref name="key"/> (digits, single '-' or '.' between them);
    /// false when it has other characters, would pass 15 digits, or has a one-digit group other than
    /// a country code (<paramref name="first"/>; "0.5012345" is a decimal: with '.' every group has two digits or more).
    /// </summary>
    private static bool TryAppendGroups(string key, bool first, Span<char> digits, ref int count, Span<int> shape, ref int groups)
    {
        bool dotted = key.Contains('.', StringComparison.Ordinal);
        int length = 0;
        for (int k = 0; k <= key.Length; k++)
        {
            if (k < key.Length && char.IsAsciiDigit(key[k]))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = key[k];
                length++;
                continue;
            }

            // A group ends: at the end of the key or at a separator followed by a digit.
            bool separator = k < key.Length && key[k] is '-' or '.';
            if (length == 0 || (k < key.Length && !separator) || groups == shape.Length || (length == 1 && (dotted || !(first && groups == 0))))
            {
                return false;
            }

            shape[groups++] = length;
            length = 0;
        }

        return true;
    }

    // The gap between two tokens is one space.
    private bool IsSpaceBetween(int left, int right) =>
        right < _text.Tokens.Count && _text.Tokens[right].Span.Start - _text.Tokens[left].Span.End == 1
        && _text.Text[_text.Tokens[left].Span.End] == ' ';

    // A phone word within three tokens before ("هاتف: 0123 4567"), "رقم" only just before.
    private bool HasPhoneWordBefore(int i)
    {
        int seen = 0;
        for (int k = i - 1; k >= 0 && seen < 3; k--)
        {
            if (_text.Tokens[k].Type == TokenType.Punctuation)
            {
                continue;
            }

            if (s_phoneWords.Contains(_keys[k]) || (seen == 0 && _keys[k] == "رقم"))
            {
                return true;
            }

            seen++;
        }

        return false;
    }
}
