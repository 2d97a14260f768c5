using System.Buffers;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// The tagger's names by token, for the rules that read what the tagger found around a word: the
/// candidates of a list from a first index on with the tagger's priority, each token mapped to the
/// one over it in a pooled array (a text has hundreds of names; maps of them would cost more than
/// the rules that ask). Dispose to return the array.
/// </summary>
internal sealed class TaggerNameIndex : IDisposable
{
    private readonly List<Candidate> _candidates;
    private readonly int[] _covering;

    /// <summary>Indexes the tagger's names among <paramref name="candidates"/> from <paramref name="first"/> on, over <paramref name="tokenCount"/> tokens.</summary>
    public TaggerNameIndex(List<Candidate> candidates, int first, int tokenCount)
    {
        _candidates = candidates;
        _covering = ArrayPool<int>.Shared.Rent(Math.Max(1, tokenCount));
        _covering.AsSpan(0, tokenCount).Fill(-1);
        for (int c = first; c < candidates.Count; c++)
        {
            if (candidates[c].Priority == Candidate.ModelPriority)
            {
                _covering.AsSpan(candidates[c].FirstToken, candidates[c].EndToken - candidates[c].FirstToken).Fill(c);
            }
        }
    }

    /// <summary>Whether a name of the tagger covers <paramref name="token"/>.</summary>
    public bool Covers(int token) => _covering[token] >= 0;

    /// <summary>The tagger's name that starts at <paramref name="token"/>, if any.</summary>
    public Candidate? StartingAt(int token) =>
        _covering[token] >= 0 && _candidates[_covering[token]].FirstToken == token ? _candidates[_covering[token]] : null;

    /// <summary>The tagger's name that ends before token <paramref name="end"/>, if any.</summary>
    public Candidate? EndingAt(int end) =>
        end > 0 && _covering[end - 1] >= 0 && _candidates[_covering[end - 1]].EndToken == end ? _candidates[_covering[end - 1]] : null;

    public void Dispose() => ArrayPool<int>.Shared.Return(_covering);
}
