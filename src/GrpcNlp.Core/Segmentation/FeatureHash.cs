namespace GrpcNlp.Core.Segmentation;

/// <summary>
/// A 64-bit FNV-1a hash built up from a feature template id and its values, so that features are
/// computed from spans of the word without building strings.
/// </summary>
internal struct FeatureHash
{
    private const ulong Prime = 1099511628211UL;
    private ulong _value;

    public FeatureHash(int template)
    {
        _value = 14695981039346656037UL;
        Add(template);
    }

    public readonly ulong Value => _value;

    public FeatureHash Add(int value)
    {
        _value = (_value ^ (uint)value ^ 0x9E37u) * Prime;
        _value = (_value ^ ((uint)value >> 16)) * Prime;
        return this;
    }

    public FeatureHash Add(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            _value = (_value ^ c) * Prime;
        }

        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        _value = (_value ^ 0xFFFFu) * Prime;
        return this;
    }
}
