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
    private bool _sized;

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
        _sized = false;
    }

    /// <summary>The size of the encoded message; <see cref="WriteTo"/> reuses what it measured, so call it after the last change.</summary>
    public int CalculateSize()
    {
        _documentIdBytes = Encoding.UTF8.GetByteCount(DocumentId);
        _languageBytes = Encoding.UTF8.GetByteCount(Language);
        int size = ProtoSize.String(_documentIdBytes) + ProtoSize.String(_languageBytes) + SizeFields();
        _sized = true;
        return size;
    }

    /// <summary>Writes the encoded message (sized by the last <see cref="CalculateSize"/> since <see cref="Clear"/>, or now).</summary>
    public void WriteTo(IBufferWriter<byte> destination)
    {
        if (!_sized)
        {
            CalculateSize();
        }

        var output = new ProtoWriter(destination);
        output.String(ProtoWriter.TagField1Delimited, DocumentId, _documentIdBytes);
        output.String(ProtoWriter.TagField2Delimited, Language, _languageBytes);
        WriteFields(ref output);
        output.Flush();
    }

    /// <summary>Measures the fields after the language (field 3 on) for <see cref="WriteFields"/> and returns their size.</summary>
    protected abstract int SizeFields();

    /// <summary>Writes the fields after the language, in field order, as last measured.</summary>
    protected abstract void WriteFields(ref ProtoWriter output);
}
