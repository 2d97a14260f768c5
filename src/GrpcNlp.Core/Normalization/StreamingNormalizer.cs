using System.Buffers;
using System.Runtime.InteropServices;
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
/// whitespace or controls) is held whole. The buffers come from the shared array pool:
/// dispose the normalizer at the end of the stream to return them.
/// </remarks>
public sealed class StreamingNormalizer : IDisposable
{
    private readonly CharRules _rules;

    // Reused by every push: the edits and the normalized text of the piece handed out last.
    private readonly List<TextEdit> _edits = [];
    private char[] _normalized = [];

    // _pending[0.._handedOut] is the original piece handed out by the last push (kept readable
    // until the next one); _pending[_handedOut.._pendingLength] is the held-back tail.
    private char[] _pending = [];
    private int _handedOut;
    private int _pendingLength;
    private bool _finished;
    private bool _disposed;

    /// <summary>Creates a streaming normalizer for the given options.</summary>
    public StreamingNormalizer(NormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = CharRules.For(options);
    }

    /// <summary>Adds a chunk; returns what became final. With <paramref name="isFinalBlock"/> everything is flushed.</summary>
    public NormalizedChunk Push(ReadOnlySpan<char> chunk, bool isFinalBlock)
    {
        NormalizedPiece piece = PushPiece(chunk, isFinalBlock);
        if (piece.IsEmpty)
        {
            return Empty;
        }

        string original = piece.Original.ToString();
        string normalized = piece.Normalized.SequenceEqual(piece.Original) ? original : piece.Normalized.ToString();
        return new NormalizedChunk(original, normalized, piece.Edits.ToArray());
    }

    /// <summary>
    /// Adds a chunk; returns what became final as spans over this normalizer's buffers, valid
    /// until the next push (no string or array per piece). With <paramref name="isFinalBlock"/>
    /// everything is flushed. The pieces are the ones <see cref="Push"/> returns.
    /// </summary>
    public NormalizedPiece PushPiece(ReadOnlySpan<char> chunk, bool isFinalBlock)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The final block has already been pushed.");
        }

        DropHandedOut();
        Append(chunk);
        int cut = isFinalBlock ? _pendingLength : FindCut();
        _finished = isFinalBlock;
        _edits.Clear();
        if (cut == 0)
        {
            return default;
        }

        ReadOnlySpan<char> original = _pending.AsSpan(0, cut);
        var builder = new AlignedTextBuilder(original, _edits);
        int normalizedLength;
        try
        {
            TextNormalizer.Run(_rules, ref builder, original);
            ReadOnlySpan<char> written = builder.Written;
            if (written.Length > _normalized.Length)
            {
                Grow(ref _normalized, 0, written.Length);
            }

            written.CopyTo(_normalized);
            normalizedLength = written.Length;
        }
        finally
        {
            builder.Dispose();
        }

        _handedOut = cut;
        return new NormalizedPiece(original, _normalized.AsSpan(0, normalizedLength), CollectionsMarshal.AsSpan(_edits));
    }

    private static NormalizedChunk Empty { get; } = new(string.Empty, string.Empty, []);

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

    /// <summary>Forgets the piece handed out by the last push: the held-back tail moves to the front.</summary>
    private void DropHandedOut()
    {
        if (_handedOut > 0)
        {
            _pending.AsSpan(_handedOut, _pendingLength - _handedOut).CopyTo(_pending);
            _pendingLength -= _handedOut;
            _handedOut = 0;
        }
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        if (_pendingLength + chunk.Length > _pending.Length)
        {
            Grow(ref _pending, _pendingLength, _pendingLength + chunk.Length);
        }

        chunk.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += chunk.Length;
    }

    /// <summary>Replaces <paramref name="buffer"/> by a larger pooled one, keeping its first <paramref name="keep"/> chars.</summary>
    private static void Grow(ref char[] buffer, int keep, int needed)
    {
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, keep).CopyTo(larger);
        Return(buffer);
        buffer = larger;
    }

    private static void Return(char[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns the buffers to the pool; the last piece handed out is no longer readable.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Return(_pending);
        Return(_normalized);
        _pending = [];
        _normalized = [];
        _pendingLength = 0;
        _handedOut = 0;
    }
}
