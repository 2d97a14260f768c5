using System.Buffers;
using Google.Protobuf;
using Grpc.Core;
using GrpcNlp.Server.Marshalling;

namespace GrpcNlp.Server.Tests.Marshalling;

/// <summary>
/// What every hand-written unary response must do, checked for one buffer type: write the bytes
/// the generated serializer writes for the same message (each case builds both from the same
/// values with <paramref name="fill"/>), through its method's marshaller too, and come back empty
/// from its pool.
/// </summary>
internal sealed class PooledResponseChecks<TBuffer, TMessage>(Func<TBuffer> rent, Func<TBuffer, Random, TMessage> fill, Marshaller<TBuffer> marshaller)
    : IPooledResponseChecks
    where TBuffer : class, IPooledResponse, new()
    where TMessage : IMessage<TMessage>
{
    public void EmptyIsZeroBytes()
    {
        var buffer = new TBuffer();
        Assert.Equal(0, buffer.CalculateSize());
        Assert.Empty(Serialize(buffer));
    }

    public void RandomResponsesEqualGeneratedBytes(int seed)
    {
        var random = new Random(seed);
        var buffer = new TBuffer();
        for (int n = 0; n < 50; n++)
        {
            // The same buffer is cleared and refilled, as the pool reuses it.
            buffer.Clear();
            TMessage expected = fill(buffer, random);
            byte[] generated = expected.ToByteArray();

            Assert.Equal(generated.Length, buffer.CalculateSize());
            Assert.Equal(generated, Serialize(buffer));
        }
    }

    public void MarshallerWritesTheGeneratedBytesThroughSmallSpans()
    {
        var buffer = new TBuffer();
        TMessage expected = fill(buffer, new Random(9));

        // A small first span, so that the writer asks for room many times.
        var context = new BufferSerializationContext(new ArrayBufferWriter<byte>(16));
        marshaller.ContextualSerializer(buffer, context);
        Assert.Equal(expected.ToByteArray(), context.Written);
    }

    public void ReleasedBufferComesBackEmpty()
    {
        TBuffer buffer = rent();
        fill(buffer, new Random(11));
        buffer.Release();

        // Other tests may rent at the same time: whichever buffer comes back is empty.
        Assert.Equal(0, rent().CalculateSize());
    }

    public void DeserializingIsNotSupported() =>
        Assert.Throws<NotSupportedException>(() => marshaller.ContextualDeserializer(null!));

    private static byte[] Serialize(TBuffer buffer)
    {
        var output = new ArrayBufferWriter<byte>();
        buffer.WriteTo(output);
        return output.WrittenSpan.ToArray();
    }
}

/// <summary>The checks of <see cref="PooledResponseChecks{TBuffer, TMessage}"/>, whatever the buffer type.</summary>
internal interface IPooledResponseChecks
{
    void EmptyIsZeroBytes();

    void RandomResponsesEqualGeneratedBytes(int seed);

    void MarshallerWritesTheGeneratedBytesThroughSmallSpans();

    void ReleasedBufferComesBackEmpty();

    void DeserializingIsNotSupported();
}

/// <summary>
/// The tests every hand-written unary response runs; a derived class names its checks (its
/// buffer type, how to fill it, its method's marshaller) and adds its own.
/// </summary>
public abstract class PooledResponseBufferTests
{
    private protected abstract IPooledResponseChecks Checks { get; }

    [Fact]
    public void Empty_IsZeroBytes() => Checks.EmptyIsZeroBytes();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomResponses_EqualGeneratedBytes(int seed) => Checks.RandomResponsesEqualGeneratedBytes(seed);

    [Fact]
    public void Marshaller_WritesTheGeneratedBytes_ThroughSmallSpans() => Checks.MarshallerWritesTheGeneratedBytesThroughSmallSpans();

    [Fact]
    public void ReleasedBuffer_ComesBackEmpty() => Checks.ReleasedBufferComesBackEmpty();

    [Fact]
    public void Deserializing_IsNotSupported() => Checks.DeserializingIsNotSupported();
}
