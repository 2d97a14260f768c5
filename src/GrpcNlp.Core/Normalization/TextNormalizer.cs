using System.Buffers;
using System.Text;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>Normalizes text per <see cref="NormalizationOptions"/>, keeping the alignment to the original.</summary>
public sealed class TextNormalizer
{
    private const int StackScratchLimit = 256;

    private readonly CharRules _rules;

    /// <summary>Creates a normalizer for the given options; immutable and thread-safe.</summary>
    public TextNormalizer(NormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _rules = CharRules.For(options);
    }

    /// <summary>The options this normalizer applies.</summary>
    public NormalizationOptions Options { get; }

    /// <summary>Normalizes <paramref name="text"/> and returns the result with its edits.</summary>
    public NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new AlignedTextBuilder(text, trackEdits: true);
        try
        {
            Run(_rules, ref builder, text);
            return builder.ToNormalizedText(text);
        }
        finally
        {
            builder.Dispose();
        }
    }

    /// <summary>Normalizes a short piece (a token) to a string, without alignment.</summary>
    public string NormalizeToString(ReadOnlySpan<char> text)
    {
        if (_rules.IndexOfSpecial(text) < 0)
        {
            return text.ToString();
        }

        var builder = new AlignedTextBuilder(text, trackEdits: false);
        try
        {
            Run(_rules, ref builder, text);
            return new string(builder.Written);
        }
        finally
        {
            builder.Dispose();
        }
    }

    /// <summary>
    /// Normalizes a short piece (a token) to a string, without alignment, and returns
    /// <paramref name="text"/> itself when nothing changes, so a caller that keeps both the
    /// original and the normalized piece holds one string for the two.
    /// </summary>
    public string NormalizeToString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_rules.IndexOfSpecial(text) < 0)
        {
            return text;
        }

        var builder = new AlignedTextBuilder(text, trackEdits: false);
        try
        {
            Run(_rules, ref builder, text);
            ReadOnlySpan<char> written = builder.Written;
            return written.SequenceEqual(text) ? text : new string(written);
        }
        finally
        {
            builder.Dispose();
        }
    }

    /// <summary>
    /// The single pass shared by every entry point. Chars outside <see cref="CharRules.Special"/>
    /// are copied in bulk; the rest is handled per unit (a code point with the marks that follow
    /// it) or per whitespace run, so an edit never splits a cluster.
    /// </summary>
    internal static void Run(CharRules rules, ref AlignedTextBuilder builder, ReadOnlySpan<char> text)
    {
        bool collapse = rules.Options.CollapseWhitespace;
        int pos = 0;
        while (pos < text.Length)
        {
            int relative = rules.IndexOfSpecial(text[pos..]);
            if (relative < 0)
            {
                builder.Keep(text.Length - pos);
                return;
            }

            int i = pos + relative;

            // A mark (or a char removed inside a cluster) belongs to the unchanged char before
            // it: start the unit there so NFC can compose them and deletions attach to it.
            if (i > pos && rules.JoinsPrevious(RuneAt(text, i)))
            {
                i -= i - 2 >= pos && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2]) ? 2 : 1;
            }

            builder.Keep(i - pos);
            pos = i;

            if (collapse && rules.IsCollapsibleSpace(text[pos]))
            {
                // The common case, one plain space between words, is already collapsed.
                if (text[pos] == ' ' && (pos + 1 == text.Length || !rules.ExtendsWhitespaceRun(text[pos + 1])))
                {
                    builder.KeepOne();
                    pos++;
                    continue;
                }

                int end = WhitespaceRunEnd(rules, text, pos, out bool hasLineBreak);
                {
                    string replacement = hasLineBreak ? "\n" : " ";
                    if (end - pos == 1 && text[pos] == replacement[0])
                    {
                        builder.Keep(1);
                    }
                    else
                    {
                        builder.Replace(end - pos, replacement);
                    }

                    pos = end;
                    continue;
                }
            }

            // CR LF is one line break: one edit to one LF.
            char c = text[pos];
            if (c == '\r' && rules.Options.NormalizeLineBreaks && pos + 1 < text.Length && text[pos + 1] == '\n')
            {
                builder.Replace(2, "\n");
                pos += 2;
                continue;
            }

            // Most special chars (a folded letter, a digit, an upper-case letter, a letter with
            // harakat that are removed) are a unit of one BMP char stable in the form followed by
            // chars the rules remove: map it by one table read and attach the removed chars to
            // it, exactly as ProcessUnit would, without decoding runes or a scratch buffer.
            if (!char.IsSurrogate(c) && rules.IsFormStable(c))
            {
                int end = pos + 1;
                while (end < text.Length && rules.IsRemovedChar(text[end]) && !(collapse && rules.IsCollapsibleSpace(text[end])))
                {
                    end++;
                }

                if (end == text.Length || (!char.IsSurrogate(text[end]) && !rules.JoinsPreviousChar(text[end])))
                {
                    EmitChar(rules, ref builder, c);
                    builder.DeleteAttached(end - pos - 1);
                    pos = end;
                    continue;
                }

                // A letter with harakat the rules keep (the default profile on vocalized text),
                // maybe after chars the rules remove (tatweel). In canonical order after a base of class 0 they are already in NFC and NFKC
                // (no haraka composes with anything), so ProcessUnit would map the letter and
                // keep them: do the same without the form check.
                int marksEnd = KeptHarakatEnd(rules, text, end);
                if (marksEnd > end && !rules.JoinsPreviousChar(c) && !rules.FormRejects(text.Slice(pos, 1))
                    && (marksEnd == text.Length || (!char.IsSurrogate(text[marksEnd]) && !rules.JoinsPreviousChar(text[marksEnd]))))
                {
                    EmitChar(rules, ref builder, c);
                    builder.DeleteAttached(end - pos - 1);
                    builder.Keep(marksEnd - end);
                    pos = marksEnd;
                    continue;
                }
            }

            int unitEnd = UnitEnd(rules, text, pos);
            ProcessUnit(rules, ref builder, text[pos..unitEnd]);
            pos = unitEnd;
        }
    }

    /// <summary>The char-level rules on one BMP char that is stable in the form, by its table action.</summary>
    private static void EmitChar(CharRules rules, ref AlignedTextBuilder builder, char c)
    {
        switch (rules.ActionOf(c))
        {
            case CharAction.Keep:
                builder.KeepOne();
                break;
            case CharAction.Replace:
                builder.ReplaceOne(rules.ReplacementOf(c));
                break;
            case CharAction.Delete:
                builder.DeleteAttached(1);
                break;
            default:
                ProcessChar(rules, ref builder, new Rune(c));
                break;
        }
    }

    /// <summary>
    /// End of the run of kept harakat (U+064B–U+0652) at <paramref name="start"/> that is in
    /// canonical order: their combining classes (27–34) rise with the code point, so a run
    /// that never goes down is one that canonical ordering leaves alone.
    /// </summary>
    private static int KeptHarakatEnd(CharRules rules, ReadOnlySpan<char> text, int start)
    {
        int k = start;
        while (k < text.Length
            && text[k] is >= '\u064B' and <= '\u0652'
            && (k == start || text[k] >= text[k - 1])
            && rules.ActionOf(text[k]) == CharAction.Keep)
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// End of the whitespace run at <paramref name="start"/>. Chars the rules delete (controls,
    /// stray marks, tatweel) are absorbed, so that removing them never leaves two runs side by side. A mark after the run stays a unit of its own: no whitespace composes with a mark.
    /// </summary>
    private static int WhitespaceRunEnd(CharRules rules, ReadOnlySpan<char> text, int start, out bool hasLineBreak)
    {
        int k = start;
        while (k < text.Length)
        {
            char c = text[k];
            if (rules.ExtendsWhitespaceRun(c))
            {
                k++;
            }
            else
            {
                break;
            }
        }

        hasLineBreak = false;
        for (int j = start; j < k; j++)
        {
            if (CharRules.IsLineBreak(text[j]))
            {
                hasLineBreak = true;
                break;
            }
        }

        return k;
    }

    /// <summary>End of the unit starting at <paramref name="start"/>: one code point and the code points that join it.</summary>
    internal static int UnitEnd(CharRules rules, ReadOnlySpan<char> text, int start)
    {
        int p = start + CodePointLength(text, start);

        // A lone surrogate or a code point the Unicode form rejects (a noncharacter) is no base:
        // marks after it form a unit of their own, normalized as they would be in any
        // substring that starts with them.
        if ((p == start + 1 && char.IsSurrogate(text[start])) || rules.FormRejects(text[start..p]))
        {
            return p;
        }

        while (p < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[p..], out Rune rune, out int consumed) != OperationStatus.Done
                || !rules.JoinsPrevious(rune)
                || (rules.Options.CollapseWhitespace && (Rune.IsWhiteSpace(rune) || (rune.IsBmp && rules.IsSpaceLike((char)rune.Value)))))
            {
                break;
            }

            p += consumed;
        }

        return p;
    }

    private static void ProcessUnit(CharRules rules, ref AlignedTextBuilder builder, ReadOnlySpan<char> unit)
    {
        if (rules.Form is { } form && !HasLoneSurrogate(unit))
        {
            // Removed chars go first: a mark separated from its letter by a tatweel or a
            // control must compose with the letter once they are gone.
            Span<char> stripped = unit.Length <= StackScratchLimit ? stackalloc char[unit.Length] : new char[unit.Length];
            int strippedLength = Strip(rules, unit, stripped);
            // One char left (a letter whose marks were removed) needs no call into ICU.
            bool single = strippedLength == 1 && rules.IsFormStable(stripped[0]);
            if (!single && CharRules.TryIsNormalized(stripped[..strippedLength], form) == false)
            {
                string composed = stripped[..strippedLength].ToString().Normalize(form);
                int scratchLength = (composed.Length * CharRules.MaxExpansion) + 2;
                Span<char> scratch = scratchLength <= StackScratchLimit
                    ? stackalloc char[StackScratchLimit]
                    : new char[scratchLength];
                int length = ApplyRules(rules, composed, scratch);
                ReadOnlySpan<char> result = scratch[..length];
                if (result.SequenceEqual(unit))
                {
                    builder.Keep(unit.Length);
                }
                else if (result.IsEmpty)
                {
                    builder.DeleteAttached(unit.Length);
                }
                else
                {
                    builder.Replace(unit.Length, result);
                }

                return;
            }
        }

        // Unicode form leaves the unit alone: map code point by code point so that a deleted
        // mark is attached to the letter it sits on and untouched code points stay outside edits.
        Span<char> encoded = stackalloc char[CharRules.MaxExpansion];
        int p = 0;
        while (p < unit.Length)
        {
            if (Rune.DecodeFromUtf16(unit[p..], out Rune rune, out int consumed) != OperationStatus.Done)
            {
                builder.Keep(consumed);
                p += consumed;
                continue;
            }

            if (rules.Options.RemoveControlCharacters && rules.IsRemovableControl(rune))
            {
                builder.DeleteAttached(consumed);
            }
            else
            {
                switch (rules.Map(rune, encoded, out int written))
                {
                    case RuneMapping.Unchanged:
                        builder.Keep(consumed);
                        break;
                    case RuneMapping.Deleted:
                        builder.DeleteAttached(consumed);
                        break;
                    default:
                        builder.Replace(consumed, encoded[..written]);
                        break;
                }
            }

            p += consumed;
        }
    }

    /// <summary>The char-level rules on a unit of one code point that needs no Unicode form.</summary>
    private static void ProcessChar(CharRules rules, ref AlignedTextBuilder builder, Rune rune)
    {
        if (rules.Options.RemoveControlCharacters && rules.IsRemovableControl(rune))
        {
            builder.DeleteAttached(1);
            return;
        }

        Span<char> encoded = stackalloc char[CharRules.MaxExpansion];
        switch (rules.Map(rune, encoded, out int written))
        {
            case RuneMapping.Unchanged:
                builder.Keep(1);
                break;
            case RuneMapping.Deleted:
                builder.DeleteAttached(1);
                break;
            default:
                builder.Replace(1, encoded[..written]);
                break;
        }
    }

    /// <summary>Copies <paramref name="source"/> without the code points the rules remove.</summary>
    private static int Strip(CharRules rules, ReadOnlySpan<char> source, Span<char> destination)
    {
        int written = 0;
        int p = 0;
        while (p < source.Length)
        {
            OperationStatus status = Rune.DecodeFromUtf16(source[p..], out Rune rune, out int consumed);
            if (status != OperationStatus.Done || !rules.IsRemoved(rune))
            {
                source.Slice(p, consumed).CopyTo(destination[written..]);
                written += consumed;
            }

            p += consumed;
        }

        return written;
    }

    /// <summary>Applies the char-level rules (and control removal) to <paramref name="source"/>.</summary>
    private static int ApplyRules(CharRules rules, ReadOnlySpan<char> source, Span<char> destination)
    {
        int written = 0;
        int p = 0;
        while (p < source.Length)
        {
            if (Rune.DecodeFromUtf16(source[p..], out Rune rune, out int consumed) != OperationStatus.Done)
            {
                source.Slice(p, consumed).CopyTo(destination[written..]);
                written += consumed;
                p += consumed;
                continue;
            }

            p += consumed;
            if (rules.Options.RemoveControlCharacters && rules.IsRemovableControl(rune))
            {
                continue;
            }

            if (rules.Map(rune, destination[written..], out int mappedLength) == RuneMapping.Unchanged)
            {
                written += rune.EncodeToUtf16(destination[written..]);
            }
            else
            {
                written += mappedLength;
            }
        }

        return written;
    }

    private static Rune RuneAt(ReadOnlySpan<char> text, int index) =>
        Rune.DecodeFromUtf16(text[index..], out Rune rune, out _) == OperationStatus.Done
            ? rune
            : Rune.ReplacementChar;

    private static int CodePointLength(ReadOnlySpan<char> text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;

    private static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
