using System.Buffers;
using System.Text;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// What the hand-written responses about one document share: its id (field 1), its language
/// (field 2), its tokens and sentences as a <see cref="DocumentTokenList"/>, and a pool of
/// buffers per response type.
/// </summary>
/// <remarks>
/// The server's response marshaller returns a buffer once it has written it, the last use of a
/// unary response; a buffer that is never written (a failed or cancelled call) is simply left
/// to the GC.
/// </remarks>
internal abstract class DocumentResponseBuffer<TSelf> : IPooledResponse
    where TSelf : DocumentResponseBuffer<TSelf>, new()
{
    // Enough for the calls this pool is for (a few concurrent calls per core); a buffer that
    // held a long document is dropped on return so that its lists do not stay in memory.
    private const int PoolSize = 32;
    private const int MaxPooledTokens = 4096;

    private static readonly BoundedPool<TSelf> s_pool = new(PoolSize);

    private int _documentIdBytes;
    private int _languageBytes;

    /// <summary>The document's id (field 1).</summary>
    public string DocumentId { get; set; } = string.Empty;

    /// <summary>The document's language (field 2).</summary>
    public string Language { get; set; } = string.Empty;

    /// <summary>The tokens and sentences, in the fields the response type gives them.</summary>
    public DocumentTokenList TokenList { get; } = new();

    /// <summary>An empty buffer from the pool, or a new one.</summary>
    public static TSelf Rent() => s_pool.Rent();

    /// <summary>Empties <paramref name="buffer"/> and keeps it for a later call; its caller must not use it again.</summary>
    public static void Return(TSelf buffer)
    {
        if (buffer.TokenList.Tokens.Capacity <= MaxPooledTokens)
        {
            buffer.Clear();
            s_pool.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Release() => Return((TSelf)this);

    /// <inheritdoc />
    public virtual void Clear()
    {
        DocumentId = string.Empty;
        Language = string.Empty;
        TokenList.Clear();
    }

    /// <inheritdoc />
    public abstract int CalculateSize();

    /// <inheritdoc />
    public abstract void WriteTo(IBufferWriter<byte> destination);

    /// <summary>Measures the id and language fields for <see cref="WriteIdAndLanguage"/> and returns their size.</summary>
    protected int SizeIdAndLanguage()
    {
        _documentIdBytes = Encoding.UTF8.GetByteCount(DocumentId);
        _languageBytes = Encoding.UTF8.GetByteCount(Language);
        return ProtoSize.String(_documentIdBytes) + ProtoSize.String(_languageBytes);
    }

    /// <summary>Writes the id and language fields as last measured.</summary>
    protected void WriteIdAndLanguage(ref ProtoWriter output)
    {
        output.String(ProtoWriter.TagField1Delimited, DocumentId, _documentIdBytes);
        output.String(ProtoWriter.TagField2Delimited, Language, _languageBytes);
    }
}
