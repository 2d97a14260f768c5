using Google.Protobuf;
using GrpcNlp.Core.Normalization;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// The text and normalized form of a stream's tokens, encoded once as the two string fields of
/// a <see cref="V1.Token"/> (fields 2 and 3, as the generated serializer writes them), looked up
/// by the token's chars. One per stream; not thread-safe.
/// </summary>
/// <remarks>
/// A recurring word then costs one lookup and one copy of its bytes: no string, no
/// normalization, no UTF-8 sizing and transcoding per occurrence. Like
/// <see cref="NormalizedFormCache"/>, it keeps the first <c>capacity</c> distinct tokens of at
/// most <see cref="NormalizedFormCache.MaxTokenLength"/> chars, which bounds the memory held;
/// other tokens are encoded on every call.
/// </remarks>
internal sealed class EncodedTokenForms
{
    private readonly Dictionary<string, byte[]> _kept = [];
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly TextNormalizer _normalizer;
    private readonly int _capacity;

    /// <summary>Creates an empty cache for the forms of <paramref name="normalizer"/>.</summary>
    public EncodedTokenForms(TextNormalizer normalizer, int capacity)
    {
        _normalizer = normalizer;
        _capacity = capacity;
        _lookup = _kept.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The encoded text and normalized form of <paramref name="token"/>.</summary>
    public byte[] Get(ReadOnlySpan<char> token)
    {
        if (_lookup.TryGetValue(token, out byte[]? encoded))
        {
            return encoded;
        }

        string text = token.ToString();
        encoded = Encode(text, _normalizer.NormalizeToString(text));
        if (text.Length <= NormalizedFormCache.MaxTokenLength && _kept.Count < _capacity)
        {
            _kept.Add(text, encoded);
        }

        return encoded;
    }

    /// <summary>
    /// The fields <c>text</c> and <c>normalized</c> of a token as the generated serializer writes
    /// them (each left out when empty): the generated message with only those fields set.
    /// </summary>
    public static byte[] Encode(string text, string normalized) => new V1.Token { Text = text, Normalized = normalized }.ToByteArray();
}
