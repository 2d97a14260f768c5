using System.Text;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>
/// Normalizes a text that arrives in chunks cut anywhere (even between surrogates or between a
/// letter and its marks). It holds back only the unfinished tail, so memory stays bounded, and
/// the concatenated output equals <see cref="TextNormalizer.Normalize(string)"/> on the
/// concatenated input.
/// </summary>
/// <remarks>
/// A chunk is cut only before a char that starts a unit of its own: not a surrogate, not a mark
/// or other char that joins the one before it, not a char the rules remove and, when collapsing,
/// not whitespace. Text before such a cut is normalized exactly as in the whole text (the rules
/// look ahead only over joining chars and whitespace runs) and no edit crosses it, so the edits
/// also equal the unary ones once shifted. Only a tail without such a char (a run of marks,
/// whitespace or controls) is held whole.
/// </remarks>
public sealed class StreamingNormalizer
{
    private readonly CharRules _rules;
    private char[] _pending = new char[256];
    private int _pendingLength;
    private bool _finished;

    /// <summary>Creates a streaming normalizer for the given options.</summary>
    public StreamingNormalizer(NormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = CharRules.For(options);
    }

    /// <summary>Adds a chunk; returns what became final. With <paramref name="isFinalBlock"/> everything is flushed.</summary>
    public NormalizedChunk Push(ReadOnlySpan<char> chunk, bool isFinalBlock)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The final block has already been pushed.");
        }

        Append(chunk);
        int cut = isFinalBlock ? _pendingLength : FindCut();
        _finished = isFinalBlock;
        if (cut == 0)
        {
            return new NormalizedChunk(string.Empty, string.Empty, []);
        }

        string original = new(_pending, 0, cut);
        var builder = new AlignedTextBuilder(original, trackEdits: true);
        NormalizedChunk result;
        try
        {
            TextNormalizer.Run(_rules, ref builder, original);
            NormalizedText text = builder.ToNormalizedText(original);
            result = new NormalizedChunk(original, text.Normalized, text.Edits);
        }
        finally
        {
            builder.Dispose();
        }

        _pending.AsSpan(cut, _pendingLength - cut).CopyTo(_pending);
        _pendingLength -= cut;
        return result;
    }

    private bool StartsUnit(char c) =>
        !char.IsSurrogate(c)
        && !_rules.JoinsPrevious(new Rune(c))
        && !(_rules.Options.CollapseWhitespace && _rules.IsCollapsibleSpace(c));

    private int FindCut()
    {
        ReadOnlySpan<char> pending = _pending.AsSpan(0, _pendingLength);
        for (int b = pending.Length - 1; b >= 1; b--)
        {
            // CR LF is one line break when line breaks are normalized: never cut between them.
            if (StartsUnit(pending[b]) && !(pending[b] == '\n' && pending[b - 1] == '\r' && _rules.Options.NormalizeLineBreaks))
            {
                return b;
            }
        }

        return 0;
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        if (_pendingLength + chunk.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + chunk.Length));
        }

        chunk.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += chunk.Length;
    }
}
